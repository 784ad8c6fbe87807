// The handler table: plain async functions over the domain services, testable without Electron.
import { join } from 'node:path';
import type { CatalogService } from '../catalog';
import { AppError, type Message, safeFileName } from '../common';
import { deploymentFiles } from '../deploy';
import type { ImportChoices, ImportSessions } from '../import';
import { PLAN_EXTENSION, parsePlanText, serializePlan, validatePlan } from '../plan';
import { type PlanWorkspace, readPlanFile, writeFileAtomic, writePlanFile } from '../platform';
import { type PdfPrinter, buildPresentation } from '../report';
import { type JobRegistry, type SolverRunner, type TableRunner, createTableRunner, exportReport } from '../usecases';
import type { Dialogs } from './dialogs';
import type { Handlers } from './contract';

export interface HandlerDependencies {
  catalog: CatalogService;
  solver: SolverRunner;
  userDataDir: string;
  appVersion: string;
  transport: 'electron' | 'browser';
  workspace: PlanWorkspace;
  imports: ImportSessions;
  /** Native dialogs (Electron only); null in the browser mode. */
  dialogs: Dialogs | null;
  /** Electron's printToPDF in the app; headless Chromium otherwise. */
  pdfPrinter: PdfPrinter;
  /** Cancellable jobs other than solver runs (report exports). */
  jobs: JobRegistry;
  /** Reads spreadsheets in worker threads; one is made when not given. */
  tables?: TableRunner;
}

/** Drops absent choices (the import's options type has no undefined members). */
function importChoices(input: Record<string, unknown>): ImportChoices {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as unknown as ImportChoices;
}

function planFileName(name: string): string {
  return `${safeFileName(name, 'plan')}${PLAN_EXTENSION}`;
}

/** The handlers of the channels whose names start with `area.` */
type HandlersOf<Area extends string> = Pick<Handlers, Extract<keyof Handlers, `${Area}.${string}`>>;

/**
 * Which files the renderer may name: only those the user chose in a dialog or opened before (the recent list), so a
 * compromised page cannot read or overwrite arbitrary files. Dialogs exist only in the desktop app.
 */
function fileAccess(workspace: PlanWorkspace, dialogs: Dialogs | null) {
  const grantedPaths = new Set<string>();
  return {
    grant: (path: string) => grantedPaths.add(path),
    async check(path: string): Promise<void> {
      if (grantedPaths.has(path) || (await workspace.recent()).some((each) => each.path === path)) return;
      throw new AppError('invalid-input', 'that file was not chosen in a dialog or opened before', 'path');
    },
    dialogs(): Dialogs {
      if (!dialogs)
        throw new AppError(
          'unavailable',
          'file dialogs exist only in the desktop app; in the browser mode use upload and download',
        );
      return dialogs;
    },
  };
}
type FileAccess = ReturnType<typeof fileAccess>;

function appHandlers(deps: HandlerDependencies): HandlersOf<'app'> {
  return {
    'app.info': async () => ({
      appVersion: deps.appVersion,
      catalogVersion: (await deps.catalog.info()).catalogVersion,
      transport: deps.transport,
      userDataDir: deps.userDataDir,
    }),
  };
}

function catalogHandlers(catalog: CatalogService): HandlersOf<'catalog'> {
  return {
    'catalog.models': (query) => catalog.listModels(query),
    'catalog.model': async ({ id }) => {
      const model = await catalog.getModel(id);
      if (!model) throw new AppError('not-found', `no model "${id}" in the catalog`, 'id');
      return model;
    },
    'catalog.editions': async ({ generation }) => ({
      editions: await catalog.listEditions(generation),
      features: await catalog.listFeatures(),
    }),
    'catalog.viosMinimums': () => catalog.listViosMinimums(),
    'catalog.prices': () => catalog.listPrices(),
    'catalog.snapshot': () => catalog.snapshot(),
    'catalog.info': () => catalog.info(),
    'catalog.setOverride': (input) => catalog.setOverride(input),
    'catalog.removeOverride': (input) => catalog.removeOverride(input),
    'catalog.saveUserModel': ({ model }) => catalog.saveUserModel(model),
    'catalog.deleteUserModel': async ({ id }) => {
      await catalog.deleteUserModel(id);
      return {};
    },
    'catalog.setPrice': ({ price }) => catalog.setPrice(price),
    'catalog.deletePrice': (key) => catalog.deletePrice(key),
    'catalog.exportUserData': () => catalog.exportUserData(),
    'catalog.importUserData': ({ data }) => catalog.importUserData(data),
  };
}

/** Plan files, the recent list and the autosave. */
function planFileHandlers(workspace: PlanWorkspace, files: FileAccess) {
  return {
    'plan.validate': async ({ plan }) => validatePlan(plan),
    'plan.open': async ({ path }) => {
      if (path !== undefined) await files.check(path);
      const chosen = path ?? (await files.dialogs().openPlan());
      if (chosen === null) return null;
      files.grant(chosen);
      const plan = await readPlanFile(chosen);
      await workspace.remember(chosen, plan.name);
      return { plan, path: chosen };
    },
    'plan.save': async ({ plan, path, saveAs }) => {
      let target = saveAs ? null : (path ?? null);
      if (target !== null) await files.check(target);
      target ??= await files.dialogs().savePlan(planFileName(plan.name));
      if (target === null) return { path: null };
      files.grant(target);
      await writePlanFile(target, plan);
      await workspace.remember(target, plan.name);
      await workspace.discardAutosave();
      return { path: target };
    },
    'plan.parse': async ({ text, fileName }) => ({ plan: parsePlanText(text, fileName) }),
    'plan.serialize': async ({ plan }) => ({ text: serializePlan(plan), fileName: planFileName(plan.name) }),
    'plan.recent': () => workspace.recent(),
    'plan.autosave': async ({ draft, path }) => ({ savedAt: (await workspace.autosave(draft, path)).savedAt }),
    'plan.recovery': () => workspace.recovery(),
    'plan.discardRecovery': async () => {
      await workspace.discardAutosave();
      return {};
    },
  } satisfies Partial<HandlersOf<'plan'>>;
}

/** Spreadsheets of workloads, read off the main thread: a 100,000-row workbook leaves every other call answering. */
function tableHandlers(tables: TableRunner) {
  let tableJobs = 0;
  return {
    'plan.importTable': async ({ fileName, contentBase64, jobId, sheet, headerRow }, context) => {
      const id = jobId ?? `table-${(tableJobs += 1)}`;
      const content = Buffer.from(contentBase64, 'base64');
      const request = {
        fileName,
        content,
        ...(sheet !== undefined ? { sheet } : {}),
        ...(headerRow !== undefined ? { headerRow } : {}),
      };
      return tables.read(request, {
        jobId: id,
        onProgress: (fraction, rows) =>
          context.emit({ type: 'table.progress', jobId: id, fraction: Math.min(1, Math.max(0, fraction)), rows }),
      });
    },
    'plan.cancelImportTable': async ({ jobId }) => ({ cancelled: tables.cancel(jobId) }),
  } satisfies Partial<HandlersOf<'plan'>>;
}

function reportHandlers(deps: HandlerDependencies): HandlersOf<'report'> {
  const { catalog, dialogs } = deps;
  const reportDeps = { catalog, solver: deps.solver, printer: deps.pdfPrinter };
  return {
    'report.export': async ({ jobId, ...request }, context) => {
      const onProgress = (fraction: number, message: Message) =>
        context.emit({ type: 'solver.progress', jobId, fraction, message });
      const report = await deps.jobs.run(jobId, (signal) =>
        exportReport(reportDeps, request, { jobId, onProgress, signal }),
      );
      if (!dialogs)
        return { path: null, fileName: report.fileName, contentBase64: Buffer.from(report.content).toString('base64') };
      const path = await dialogs.saveExport(report.fileName, report.format);
      if (path === null) return { path: null, fileName: report.fileName, contentBase64: null };
      await writeFileAtomic(path, report.content);
      dialogs.reveal(path);
      return { path, fileName: report.fileName, contentBase64: null };
    },
    'report.presentation': async ({ plan, solution }) => buildPresentation(plan, solution, await catalog.snapshot()),
  };
}

function importHandlers(deps: HandlerDependencies): HandlersOf<'import'> {
  const { catalog, imports } = deps;
  return {
    'import.begin': async ({ jobId }) => {
      await imports.begin(jobId);
      return {};
    },
    'import.append': async ({ jobId, file, name, contentBase64 }) => {
      await imports.append(jobId, file, name, Buffer.from(contentBase64, 'base64'));
      return {};
    },
    'import.run': async ({ jobId, ...choices }, context) =>
      imports.run(jobId, await catalog.snapshot(), importChoices(choices), (progress) =>
        context.emit({ type: 'import.progress', jobId, ...progress }),
      ),
    'import.convert': async ({ jobId, ...choices }) =>
      imports.convert(jobId, await catalog.snapshot(), importChoices(choices)),
    'import.cancel': async ({ jobId }) => ({ cancelled: await imports.cancel(jobId) }),
  };
}

function deployHandlers(dialogs: Dialogs | null): HandlersOf<'deploy'> {
  return {
    'deploy.export': async ({ solution, plan, format, baseName, language, systemNames, vlan, workloadVlans }) => {
      const options = {
        ...(systemNames ? { systemNames } : {}),
        ...(vlan ? { vlan } : {}),
        ...(workloadVlans ? { workloadVlans } : {}),
      };
      const files = deploymentFiles(solution, plan, format, baseName, options, language ?? 'en');
      if (!dialogs) return { path: null, files };
      if (format === 'design-csv') {
        const folder = await dialogs.chooseFolder('Folder for the design CSV files (one per server)');
        if (folder === null) return { path: null, files: [] };
        for (const file of files) await writeFileAtomic(join(folder, file.fileName), file.content);
        dialogs.reveal(join(folder, files[0]?.fileName ?? ''));
        return { path: folder, files: [] };
      }
      const [file] = files;
      const path = await dialogs.saveExport(file!.fileName, format === 'ansible' ? 'yml' : 'sh');
      if (path === null) return { path: null, files: [] };
      await writeFileAtomic(path, file!.content);
      dialogs.reveal(path);
      return { path, files: [] };
    },
  };
}

/** Solving and comparing editions in worker threads; cancel reaches a solve or a report export by its job id. */
function solverHandlers(deps: HandlerDependencies): HandlersOf<'solver' | 'editions'> {
  const { catalog, solver } = deps;
  return {
    'solver.solve': async ({ jobId, plan }, context) =>
      solver.solve(plan, await catalog.snapshot(), {
        jobId,
        onProgress: (fraction, message, interim) =>
          context.emit({
            type: 'solver.progress',
            jobId,
            fraction,
            message,
            ...(interim ? { solution: interim } : {}),
          }),
      }),
    'editions.compare': async ({ jobId, plan, withoutFeatures }, context) =>
      solver.compareEditions(plan, await catalog.snapshot(), withoutFeatures ? { withoutFeatures } : {}, {
        jobId,
        onProgress: (fraction, message) => context.emit({ type: 'solver.progress', jobId, fraction, message }),
      }),
    'solver.cancel': async ({ jobId }) => ({ cancelled: deps.jobs.cancel(jobId) || solver.cancel(jobId) }),
  };
}

/** The one handler table every transport serves, put together from each area's handlers. */
export function createHandlers(deps: HandlerDependencies): Handlers {
  const files = fileAccess(deps.workspace, deps.dialogs);
  return {
    ...appHandlers(deps),
    ...catalogHandlers(deps.catalog),
    ...planFileHandlers(deps.workspace, files),
    ...tableHandlers(deps.tables ?? createTableRunner()),
    ...reportHandlers(deps),
    ...importHandlers(deps),
    ...deployHandlers(deps.dialogs),
    ...solverHandlers(deps),
  };
}
