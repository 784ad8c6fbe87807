// The one IPC contract: every channel declared once with the schema of its input and output. Main, preload,
// the loopback bridge, the CLI's tests and the renderer's client are all driven by this table.
import { z } from 'zod';
import { Confidence, Language, Message, ReportFormat, ReportSection } from '../common';
import {
  CatalogSnapshot,
  Edition,
  FeatureInfo,
  FeatureKey,
  Generation,
  ModelQuery,
  OverridableField,
  PriceEntry,
  ServerModel,
  UserCatalogFile,
  ViosMinimum,
} from '../catalog/schema';
import { MemoryBasis, PlanFile, SizingBasis, Workload } from '../plan/schema';
// The options file alone (zod only), so the renderer's bundle does not pull in the renderers of the design.
import { SystemName, Vlan } from '../deploy/options';
import { DraftRecovery, PlanDraft, RecentPlan } from '../plan/workspace-schema';
import { EditionComparison } from '../solver/editions-schema';
import { Solution } from '../solver/schema';
import { Presentation } from '../report/presentation-schema';
import type { ChannelName } from './channels';

/** A message of the import as a code and its parameters, rendered in the user's language by the renderer. */
export const ImportMessage = Message;
export type ImportMessage = Message;

/** What the import preview shows of one LPAR (its files merged) before anything is added to the plan. */
export const ImportedLpar = z.object({
  lpar: z.string(),
  host: z.string().nullable(),
  source: z.enum(['nmon', 'nsum', 'hmc', 'generic']),
  files: z.array(
    z.object({
      file: z.string(),
      samples: z.number().int(),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
      lost: z.array(ImportMessage),
      duplicates: z.number().int(),
      overlaps: z.number().int(),
    }),
  ),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  daysCovered: z.number(),
  intervalSeconds: z.number().nullable(),
  gaps: z.array(z.object({ from: z.string(), to: z.string() })),
  samples: z.number().int(),
  mode: z.enum(['shared', 'dedicated']).nullable(),
  sourceModel: z.string().nullable(),
  sourceModelFrom: z.enum(['file', 'user']).nullable(),
  basis: SizingBasis,
  basisCores: z.number().nullable(),
  memoryConfiguredGiB: z.number().nullable(),
  memoryUsedPeakGiB: z.number().nullable(),
  memoryBasis: MemoryBasis,
  memoryGiB: z.number().nullable(),
  confidence: Confidence,
  confidenceReasons: z.array(ImportMessage),
  notes: z.array(ImportMessage),
  problem: ImportMessage.nullable(),
  /** Source models to choose from when the files name none or one the catalog lacks. */
  modelChoices: z.array(z.string()),
  workload: Workload.nullable(),
});
export type ImportedLpar = z.infer<typeof ImportedLpar>;

/** The user's choices for converting measured LPARs into workloads (besides the basis and headroom). */
const ImportChoicesShape = {
  /** Overrides the source model of every LPAR. */
  sourceModel: z.string().min(1).max(50).optional(),
  /** Source model for LPARs whose files name none. */
  fallbackModel: z.string().min(1).max(50).optional(),
  memoryBasis: MemoryBasis.optional(),
  perLpar: z
    .record(
      z.string().max(200),
      z.strictObject({
        sourceModel: z.string().min(1).max(50).optional(),
        basis: SizingBasis.optional(),
        headroom: z.number().min(0).max(5).optional(),
        memoryBasis: MemoryBasis.optional(),
      }),
    )
    .optional(),
};

export const ImportPreview = z.object({
  lpars: z.array(ImportedLpar),
  damaged: z.array(z.object({ file: z.string(), reason: ImportMessage })),
  profile: z.array(z.number()),
  bytes: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
});

export const CatalogInfo = z.object({
  catalogVersion: z.string(),
  shippedModels: z.number().int(),
  userModels: z.number().int(),
  userOverrides: z.number().int(),
  prices: z.number().int(),
  shippedDatabasePath: z.string(),
  userDatabasePath: z.string(),
  generationNotes: z.partialRecord(
    Generation,
    z.object({ status: z.enum(['published', 'inferred', 'unknown']), note: z.string().nullable() }),
  ),
  /** A damaged user database set aside, damaged records left out: shown to the user. */
  notices: z.array(z.string()),
});

export const AppInfo = z.object({
  appVersion: z.string(),
  catalogVersion: z.string(),
  transport: z.enum(['electron', 'browser']),
  userDataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const JobId = z.string().regex(/^[\w-]{1,100}$/, { error: 'must be 1 to 100 letters, digits, - or _' });
/** An import read with a sizing basis and headroom (run reads the files, convert re-reads the choices). */
const ImportRunInput = z.strictObject({
  jobId: JobId,
  basis: SizingBasis,
  headroom: z.number().min(0).max(5),
  ...ImportChoicesShape,
});

/** Bytes of one import chunk, and the base64 characters that carry them. */
export const IMPORT_CHUNK_BYTES = 8 * 1024 * 1024;
const IMPORT_CHUNK_BASE64_CHARS = Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4;

/** A plan read from a file, or null when the user cancelled the dialog. */
export const OpenedPlan = z.object({ plan: PlanFile, path: z.string() }).nullable();

export const contract = {
  'app.info': { input: z.strictObject({}), output: AppInfo },
  'catalog.models': { input: ModelQuery, output: z.array(ServerModel) },
  'catalog.model': { input: z.strictObject({ id: z.string().min(1) }), output: ServerModel },
  'catalog.editions': {
    input: z.strictObject({ generation: Generation.optional() }),
    output: z.object({ editions: z.array(Edition), features: z.array(FeatureInfo) }),
  },
  'catalog.viosMinimums': { input: z.strictObject({}), output: z.array(ViosMinimum) },
  'catalog.prices': { input: z.strictObject({}), output: z.array(PriceEntry) },
  'catalog.snapshot': { input: z.strictObject({}), output: CatalogSnapshot },
  'catalog.info': { input: z.strictObject({}), output: CatalogInfo },
  'catalog.setOverride': {
    input: z.strictObject({
      modelId: z.string().min(1),
      configurationId: z.string().min(1).nullable(),
      field: OverridableField,
      value: z.number({ error: 'must be a positive number' }).positive({ error: 'must be a positive number' }),
      note: z.string().max(2000).optional(),
    }),
    output: ServerModel,
  },
  'catalog.removeOverride': {
    input: z.strictObject({
      modelId: z.string().min(1),
      configurationId: z.string().min(1).nullable(),
      field: OverridableField,
    }),
    output: ServerModel,
  },
  'catalog.saveUserModel': { input: z.strictObject({ model: ServerModel }), output: ServerModel },
  'catalog.deleteUserModel': { input: z.strictObject({ id: z.string().min(1) }), output: z.object({}) },
  'catalog.setPrice': { input: z.strictObject({ price: PriceEntry }), output: z.array(PriceEntry) },
  'catalog.deletePrice': {
    input: z.strictObject({ generation: Generation, edition: z.string().min(1) }),
    output: z.array(PriceEntry),
  },
  'catalog.exportUserData': { input: z.strictObject({}), output: UserCatalogFile },
  /** The parsed JSON of a user catalog file; validated record by record, imported all or nothing. */
  'catalog.importUserData': {
    input: z.strictObject({ data: z.unknown() }),
    output: z.object({ overrides: z.number().int(), userModels: z.number().int(), prices: z.number().int() }),
  },
  'plan.validate': {
    input: z.strictObject({ plan: z.unknown() }),
    output: z.object({ valid: z.boolean(), problems: z.array(z.string()), plan: PlanFile.optional() }),
  },
  /** Electron: without a path, the main process asks with a dialog; a path must come from a dialog or the recent list. */
  'plan.open': { input: z.strictObject({ path: z.string().min(1).optional() }), output: OpenedPlan },
  'plan.save': {
    input: z.strictObject({
      plan: PlanFile,
      path: z.string().min(1).nullable().optional(),
      saveAs: z.boolean().optional(),
    }),
    output: z.object({ path: z.string().nullable() }),
  },
  /** Browser mode and drag-and-drop: the text of a plan file the user picked. */
  'plan.parse': {
    input: z.strictObject({ text: z.string().max(50 * 1024 * 1024), fileName: z.string().max(500) }),
    output: z.object({ plan: PlanFile }),
  },
  'plan.serialize': {
    input: z.strictObject({ plan: PlanFile }),
    output: z.object({ text: z.string(), fileName: z.string() }),
  },
  'plan.recent': { input: z.strictObject({}), output: z.array(RecentPlan) },
  'plan.autosave': {
    input: z.strictObject({ draft: PlanDraft, path: z.string().nullable() }),
    output: z.object({ savedAt: z.string() }),
  },
  'plan.recovery': { input: z.strictObject({}), output: DraftRecovery.nullable() },
  'plan.discardRecovery': { input: z.strictObject({}), output: z.object({}) },
  /** A spreadsheet the user picked (CSV or XLSX, base64), as text cells for the column mapping. */
  'plan.importTable': {
    input: z.strictObject({
      fileName: z.string().min(1).max(500),
      contentBase64: z.string().max(70 * 1024 * 1024),
      /** Progress events carry it and plan.cancelImportTable stops the read by it. */
      jobId: JobId.optional(),
      /** The user's choice of sheet (index among `sheets`) and header row; guessed when absent. */
      sheet: z.number().int().min(0).max(10_000).optional(),
      headerRow: z.number().int().min(0).max(100_000).optional(),
    }),
    output: z.object({
      headers: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      sheet: z.string().nullable(),
      sheets: z.array(
        z.object({ name: z.string().nullable(), rowCount: z.number().int(), head: z.array(z.array(z.string())) }),
      ),
      sheetIndex: z.number().int(),
      headerRow: z.number().int(),
      encoding: z.string(),
    }),
  },
  'plan.cancelImportTable': { input: z.strictObject({ jobId: JobId }), output: z.object({ cancelled: z.boolean() }) },
  /** Desktop: asks where with a dialog, writes, reveals. Browser mode: returns the file for download. */
  'report.export': {
    input: z.strictObject({
      /** Progress arrives under this id, and solver.cancel with it stops the export. */
      jobId: z.string().min(1).max(100),
      plan: PlanFile,
      solution: Solution,
      format: ReportFormat,
      language: Language,
      customer: z.string().max(200).optional(),
      author: z.string().max(200).optional(),
      logoDataUrl: z
        .string()
        .max(2 * 1024 * 1024)
        .regex(/^data:image\/(png|jpeg|svg\+xml);base64,/, { error: 'must be a PNG, JPEG or SVG data URL' })
        .optional(),
      sections: z.array(ReportSection).min(1, { error: 'choose at least one section' }).optional(),
    }),
    output: z.object({ path: z.string().nullable(), fileName: z.string(), contentBase64: z.string().nullable() }),
  },
  /**
   * What the screen shows of a solution: the report's own presentation model (figures, names, grouped warnings), so
   * the screen, the PDF/HTML, the XLSX and the CSV cannot disagree. Texts are message codes rendered in the UI.
   */
  'report.presentation': { input: z.strictObject({ plan: PlanFile, solution: Solution }), output: Presentation },
  /**
   * Measurement files the user picked (nmon, nsum, HMC, generic CSV, zip), sent in chunks to a staging job, then
   * imported with progress events and turned into workloads with their confidence; cancel stops either phase.
   */
  'import.begin': { input: z.strictObject({ jobId: JobId }), output: z.object({}) },
  'import.append': {
    input: z.strictObject({
      jobId: JobId,
      file: z.number().int().min(0).max(99_999),
      name: z.string().min(1).max(500),
      // 8 MiB per chunk, so a file of any size travels in messages of bounded size.
      contentBase64: z
        .string()
        .max(IMPORT_CHUNK_BASE64_CHARS)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' }),
    }),
    output: z.object({}),
  },
  'import.run': {
    input: ImportRunInput,
    output: ImportPreview,
  },
  /** The preview of an import already read, with other choices per LPAR (the files are not sent again). */
  'import.convert': {
    input: ImportRunInput,
    output: ImportPreview,
  },
  'import.cancel': { input: z.strictObject({ jobId: JobId }), output: z.object({ cancelled: z.boolean() }) },
  /** The chosen solution as HMC commands, an Ansible playbook or one design CSV per server. Desktop: written where the user picks. */
  'deploy.export': {
    input: z.strictObject({
      solution: Solution,
      /** The plan the solution was solved from: its storage, network, VIOS and n+1 choices shape the design. */
      plan: PlanFile,
      format: z.enum(['hmc-script', 'ansible', 'design-csv']),
      baseName: z.string().min(1).max(200),
      language: Language.optional(),
      /** Managed-system names on the HMC by server id (server-1, ...); the server id where none is given. */
      systemNames: z.record(z.string().max(100), SystemName).optional(),
      vlan: Vlan.optional(),
      workloadVlans: z.record(z.string().min(1).max(200), Vlan).optional(),
    }),
    output: z.object({
      path: z.string().nullable(),
      files: z.array(z.object({ fileName: z.string(), content: z.string() })),
    }),
  },
  'solver.solve': {
    input: z.strictObject({ jobId: z.string().min(1).max(100), plan: PlanFile }),
    output: Solution,
  },
  /** Every edition of the plan's generations: feasibility, proposal and cost; withoutFeatures is the what-if toggle. */
  'editions.compare': {
    input: z.strictObject({
      jobId: z.string().min(1).max(100),
      plan: PlanFile,
      withoutFeatures: z.array(FeatureKey).optional(),
    }),
    output: EditionComparison,
  },
  'solver.cancel': {
    input: z.strictObject({ jobId: z.string().min(1).max(100) }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.infer<Contract[C]['input']>;
export { Presentation };
export type Output<C extends Channel> = z.infer<Contract[C]['output']>;
export type Handlers = { [C in Channel]: (input: ParsedInput<C>, context: CallContext) => Promise<Output<C>> };

/** Per-call context a transport supplies: a way to push events (solver progress) to the caller. */
export interface CallContext {
  emit(event: AppEvent): void;
}

/** Events pushed from main to the renderer. */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('import.progress'),
    jobId: z.string(),
    filesDone: z.number().int(),
    filesTotal: z.number().int(),
    bytesDone: z.number(),
    bytesTotal: z.number(),
    current: z.string(),
  }),
  z.object({
    type: z.literal('table.progress'),
    jobId: z.string(),
    fraction: z.number().min(0).max(1),
    rows: z.number().int(),
  }),
  z.object({
    type: z.literal('solver.progress'),
    jobId: z.string(),
    fraction: z.number().min(0).max(1),
    message: Message,
    /** A better answer found while the solver still improves or proves it (the call's result is the final one). */
    solution: Solution.optional(),
  }),
]);
export type AppEvent = z.infer<typeof AppEvent>;
