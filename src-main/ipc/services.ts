// Composition root: builds the domain services and the one handler table that every transport serves.
import { ImportSessions } from '../import';
import { PlanWorkspace, chromiumPrinter, openCatalog } from '../platform';
import type { PdfPrinter } from '../report';
import { JobRegistry, createSolverRunner } from '../usecases';
import type { Handlers } from './contract';
import type { Dialogs } from './dialogs';
import { createHandlers } from './handlers';

export interface AppServiceOptions {
  userDataDir: string;
  resourcesDir: string;
  appVersion: string;
  transport: 'electron' | 'browser';
  /** Native dialogs; only the Electron shell has them. */
  dialogs?: Dialogs | null;
  /** How PDFs are printed; Electron's printToPDF in the app, headless Chromium by default. */
  pdfPrinter?: PdfPrinter;
}

export interface AppServices {
  handlers: Handlers;
  close(): Promise<void>;
}

export async function createAppServices(options: AppServiceOptions): Promise<AppServices> {
  const catalog = await openCatalog({ resourcesDir: options.resourcesDir, userDataDir: options.userDataDir });
  const solver = createSolverRunner();
  const imports = new ImportSessions();
  const handlers = createHandlers({
    catalog,
    solver,
    workspace: new PlanWorkspace(options.userDataDir),
    imports,
    userDataDir: options.userDataDir,
    appVersion: options.appVersion,
    transport: options.transport,
    dialogs: options.dialogs ?? null,
    pdfPrinter: options.pdfPrinter ?? chromiumPrinter,
    jobs: new JobRegistry(),
  });
  return {
    handlers,
    async close() {
      await imports.dispose();
      await solver.close();
      await catalog.close();
    },
  };
}
