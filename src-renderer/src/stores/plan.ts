import { defineStore } from 'pinia';
import { type Ref, computed, ref, watch } from 'vue';
import { type Basis, type MemoryBasis, rebaseMeasured, rebaseMemory } from '../../../src-main/ipc/shared';
import { type ModelRef, type RowMapping, rowToWorkload } from '../../../src-main/ipc/shared';
import {
  Constraints,
  type DraftRecovery,
  type MeasurementInfo,
  PLAN_FORMAT,
  PLAN_VERSION,
  type PlanFile,
  type Workload,
  type WorkloadInput,
} from '../../../src-main/ipc/shared';
import { call, isBrowserMode } from '../api/client';
import { download } from '../api/files';
import { useCatalogStore } from './catalog';
import { useUiStore } from './ui';

export type CpuKind = 'rperf' | 'cpw' | 'cores' | 'measured';

/** One editable row of the workload grid: text as typed, so nothing the user entered is lost while it is invalid. */
export interface GridRow {
  id: number;
  /** The workload's key in the plan; partitions in the results carry it. */
  workloadId: string;
  name: string;
  os: string;
  cpuKind: CpuKind;
  cpuValue: string;
  sourceModel: string;
  utilization: string;
  memoryGiB: string;
  processorMode: string;
  count: string;
  features: string;
  haGroup: string;
  /** Carried through unchanged: the provenance of a workload imported from measurements. */
  notes?: string;
  measurement?: MeasurementInfo;
}

export const GRID_FIELDS = [
  'name',
  'os',
  'cpuKind',
  'cpuValue',
  'sourceModel',
  'utilization',
  'memoryGiB',
  'processorMode',
  'count',
  'features',
  'haGroup',
] as const;

const CELL_MAPPING: RowMapping = {
  name: 0,
  os: 1,
  rperf: 2,
  cpw: 3,
  cores: 4,
  sourceModel: 5,
  utilization: 6,
  memoryGiB: 7,
  processorMode: 8,
  count: 9,
  features: 10,
  haGroup: 11,
};

export function rowCells(row: GridRow): string[] {
  return [
    row.name,
    row.os,
    row.cpuKind === 'rperf' ? row.cpuValue : '',
    row.cpuKind === 'cpw' ? row.cpuValue : '',
    row.cpuKind === 'cores' || row.cpuKind === 'measured' ? row.cpuValue : '',
    row.cpuKind === 'measured' ? row.sourceModel : '',
    row.cpuKind === 'measured' ? row.utilization : '',
    row.memoryGiB,
    row.processorMode,
    row.count,
    row.features,
    row.haGroup,
  ];
}

/**
 * A grid row as the plan will hold it. A number that reads two ways ("1,024") is flagged rather than guessed; with
 * the catalog's models, a source model the catalog lacks is flagged at entry ("S824" is resolved to its id).
 */
export function validateRow(row: GridRow, models?: readonly ModelRef[]) {
  return rowToWorkload(rowCells(row), CELL_MAPPING, '', models && models.length > 0 ? { models } : {});
}

let nextId = 1;
/** A fresh workload key, unlikely to meet one already in an opened plan. */
export function newWorkloadId(): string {
  return `w-${globalThis.crypto.randomUUID()}`;
}

export function emptyRow(overrides: Partial<GridRow> = {}): GridRow {
  return {
    id: nextId++,
    workloadId: newWorkloadId(),
    name: '',
    os: 'aix',
    cpuKind: 'rperf',
    cpuValue: '',
    sourceModel: '',
    utilization: '',
    memoryGiB: '',
    processorMode: 'shared',
    count: '1',
    features: '',
    haGroup: '',
    ...overrides,
  };
}

export function rowFromWorkload(workload: Workload): GridRow {
  const cpu = workload.cpu;
  const base = {
    workloadId: workload.id ?? newWorkloadId(),
    name: workload.name,
    os: workload.os,
    memoryGiB: String(workload.memoryGiB),
    processorMode: workload.processorMode,
    count: String(workload.count),
    features: workload.features.join(', '),
    haGroup: workload.haGroup ?? '',
    ...(workload.notes ? { notes: workload.notes } : {}),
    ...(workload.measurement ? { measurement: workload.measurement } : {}),
  };
  if (cpu.kind === 'rperf') return emptyRow({ ...base, cpuKind: 'rperf', cpuValue: String(cpu.rperf) });
  if (cpu.kind === 'cpw') return emptyRow({ ...base, cpuKind: 'cpw', cpuValue: String(cpu.cpw) });
  if (cpu.kind === 'measured')
    return emptyRow({
      ...base,
      cpuKind: 'measured',
      cpuValue: String(cpu.cores),
      sourceModel: cpu.model,
      utilization: String(cpu.utilization),
    });
  return emptyRow({ ...base, cpuKind: 'cores', cpuValue: String(cpu.cores) });
}

/** A grid row from a workload as read from a spreadsheet row or a paste (not yet validated). */
export function rowFromInput(workload: Partial<WorkloadInput>): GridRow {
  const cpu = (workload.cpu ?? {}) as Record<string, unknown>;
  return emptyRow({
    name: String(workload.name ?? ''),
    os: String(workload.os ?? 'aix'),
    cpuKind:
      cpu.kind === 'rperf' ? 'rperf' : cpu.kind === 'cpw' ? 'cpw' : cpu.kind === 'measured' ? 'measured' : 'cores',
    cpuValue: String(cpu.rperf ?? cpu.cpw ?? cpu.cores ?? ''),
    sourceModel: String(cpu.model ?? ''),
    utilization: cpu.utilization === undefined ? '' : String(cpu.utilization),
    memoryGiB: workload.memoryGiB === undefined ? '' : String(workload.memoryGiB),
    processorMode: String(workload.processorMode ?? 'shared'),
    count: String(workload.count ?? 1),
    features: (workload.features ?? []).join(', '),
    haGroup: workload.haGroup ?? '',
  });
}

export interface AutosaveState {
  status: 'idle' | 'saving' | 'saved' | 'failed';
  /** The main process's message of the last failure (it names the cause: a full disk, a read-only folder). */
  message: string | null;
  /** Failed attempts in a row. */
  attempts: number;
  savedAt: string | null;
}

const AUTOSAVE_DELAY_MS = 1500;
/** 2 s, 4 s, 8 s ... at most a minute between tries of a failing autosave. */
export const retryDelay = (attempts: number) => Math.min(60_000, 1000 * 2 ** Math.min(attempts, 6));

interface Snapshot {
  name: string;
  customer: string;
  rows: GridRow[];
  constraints: Constraints;
}

const DEFAULT_CONSTRAINTS = Constraints.parse({});
/** Plain deep copy; structuredClone refuses Vue's reactive proxies. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What is being edited: the plan's name, customer, rows and constraints, its file, and whether it is saved. */
function usePlanState() {
  const name = ref('New plan');
  const customer = ref('');
  const rows = ref<GridRow[]>([]);
  const constraints = ref<Constraints>(clone(DEFAULT_CONSTRAINTS));
  const path = ref<string | null>(null);
  const dirty = ref(false);
  const snapshot = (): Snapshot =>
    clone({ name: name.value, customer: customer.value, rows: rows.value, constraints: constraints.value });
  function restore(state: Snapshot): void {
    name.value = state.name;
    customer.value = state.customer;
    rows.value = state.rows;
    constraints.value = state.constraints;
  }
  return { name, customer, rows, constraints, path, dirty, snapshot, restore };
}
type PlanState = ReturnType<typeof usePlanState>;

/** Every row checked as the user types, and the plan file they make once none has a problem. */
function useDerivedPlan(state: PlanState) {
  const { name, customer, rows, constraints } = state;
  const catalog = useCatalogStore();
  const validations = computed(() => new Map(rows.value.map((row) => [row.id, validateRow(row, catalog.models)])));
  const problemCount = computed(
    () => [...validations.value.values()].filter((result) => result.problems.length > 0).length,
  );
  /** The plan file of the current draft, or null while a row has a problem. */
  const plan = computed<PlanFile | null>(() => {
    if (problemCount.value > 0 || rows.value.length === 0) return null;
    const workloads = rows.value.map((row) => ({
      id: row.workloadId,
      ...validations.value.get(row.id)!.workload,
      ...(row.notes ? { notes: row.notes } : {}),
      ...(row.measurement ? { measurement: row.measurement } : {}),
    }));
    const candidate = {
      format: PLAN_FORMAT,
      version: PLAN_VERSION,
      name: name.value.trim() || 'Plan',
      ...(customer.value ? { customer: customer.value } : {}),
      workloads,
      constraints: constraints.value,
    };
    return candidate as unknown as PlanFile;
  });
  return { validations, problemCount, plan };
}

/** Every edit goes through `edit`, so undo, redo and the dirty marker stay right. */
function useEditHistory(state: PlanState) {
  const { snapshot, restore, dirty } = state;
  const undoStack = ref<Snapshot[]>([]);
  const redoStack = ref<Snapshot[]>([]);
  function edit(change: () => void): void {
    undoStack.value.push(snapshot());
    if (undoStack.value.length > 200) undoStack.value.shift();
    redoStack.value = [];
    change();
    dirty.value = true;
  }
  function undo(): void {
    const previous = undoStack.value.pop();
    if (!previous) return;
    redoStack.value.push(snapshot());
    restore(previous);
    dirty.value = true;
  }
  function redo(): void {
    const next = redoStack.value.pop();
    if (!next) return;
    undoStack.value.push(snapshot());
    restore(next);
    dirty.value = true;
  }
  function clear(): void {
    undoStack.value = [];
    redoStack.value = [];
  }
  return { undoStack, redoStack, edit, undo, redo, clear };
}
type EditHistory = ReturnType<typeof useEditHistory>;

/** A measured row's sizing basis, headroom or memory basis changed, recomputed from the statistics it carries. */
function useMeasuredEdits(state: PlanState, { edit }: EditHistory) {
  const { rows } = state;
  /** Another memory basis for one measured row (configured size or measured peak + headroom); the problem when it lacks the figure. */
  function rememoryRow(rowId: number, basis: MemoryBasis): string | null {
    const row = rows.value.find((each) => each.id === rowId);
    if (!row?.measurement) return 'this row was not imported from measurements';
    const rebased = rebaseMemory(row.measurement, basis);
    if ('problem' in rebased) return rebased.problem;
    edit(() => {
      row.memoryGiB = String(rebased.memoryGiB);
      row.measurement = rebased.measurement;
    });
    return null;
  }
  /** Another sizing basis or headroom for one measured row; returns the problem when its statistics cannot give it. */
  function rebaseRow(rowId: number, basis: Basis, headroom: number): string | null {
    const row = rows.value.find((each) => each.id === rowId);
    if (!row?.measurement) return 'this row was not imported from measurements';
    const rebased = rebaseMeasured(row.measurement, row.notes, basis, headroom);
    if ('problem' in rebased) return rebased.problem;
    edit(() => {
      row.cpuValue = String(rebased.cpuCores);
      row.utilization = '1';
      row.measurement = rebased.measurement;
      if (rebased.notes !== undefined) row.notes = rebased.notes;
    });
    return null;
  }
  return { rememoryRow, rebaseRow };
}

/** Opening, parsing and saving plan files, and the recent list (dialogs in the desktop app, files in the browser). */
function usePlanFiles(
  state: PlanState,
  derived: ReturnType<typeof useDerivedPlan>,
  history: EditHistory,
  recovery: Ref<DraftRecovery | null>,
) {
  const { name, customer, rows, constraints, path, dirty } = state;
  const canUseDialogs = !isBrowserMode();
  function load(file: PlanFile, filePath: string | null): void {
    name.value = file.name;
    customer.value = file.customer ?? '';
    rows.value = file.workloads.map(rowFromWorkload);
    constraints.value = clone(file.constraints);
    path.value = filePath;
    history.clear();
    dirty.value = false;
  }
  function reset(): void {
    const empty = { format: PLAN_FORMAT, version: PLAN_VERSION, name: 'New plan', workloads: [] };
    load({ ...empty, constraints: clone(DEFAULT_CONSTRAINTS) } as PlanFile, null);
  }
  /** Runs a call that opens a plan; a failure is shown, never thrown. */
  async function opening(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      useUiStore().showError(error);
    }
  }
  const loadText = (text: string, fileName: string) =>
    opening(async () => load((await call('plan.parse', { text, fileName })).plan, null));
  const recent = ref<Array<{ path: string; name: string; openedAt: string }>>([]);
  async function loadRecent(): Promise<void> {
    recent.value = await call('plan.recent', {}).catch(() => []);
  }
  const openPlan = (input: { path?: string }) =>
    opening(async () => {
      const opened = await call('plan.open', input);
      if (opened) load(opened.plan, opened.path);
    });
  const openRecent = (recentPath: string) => openPlan({ path: recentPath });
  const openWithDialog = () => openPlan({});
  /** Desktop: save (as) through the main process. Browser mode: a download of the same file. */
  async function save(saveAs = false): Promise<boolean> {
    const current = derived.plan.value;
    if (!current) {
      useUiStore().showError(
        new Error(
          `${derived.problemCount.value} rows have problems; fix them before saving (your draft is kept in the autosave)`,
        ),
      );
      return false;
    }
    try {
      if (canUseDialogs) {
        const result = await call('plan.save', { plan: current, path: path.value, saveAs });
        if (result.path === null) return false;
        path.value = result.path;
      } else {
        const { text, fileName } = await call('plan.serialize', { plan: current });
        download(fileName, text, 'application/json');
        await call('plan.discardRecovery', {});
      }
      dirty.value = false;
      // Saved: any draft left by an earlier session is now beside the point.
      recovery.value = null;
      return true;
    } catch (error) {
      useUiStore().showError(error);
      return false;
    }
  }
  return { canUseDialogs, load, reset, loadText, recent, loadRecent, openRecent, openWithDialog, save };
}

/**
 * Autosave the draft (valid or not) a moment after each change; offered back after a crash. A failure (a full
 * disk, a read-only folder) is shown at once and retried, with growing pauses, until a save succeeds.
 */
function useAutosave(state: PlanState) {
  const { rows, constraints, name, customer, path, dirty, snapshot } = state;
  const autosave = ref<AutosaveState>({ status: 'idle', message: null, attempts: 0, savedAt: null });
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function autosaveNow(): Promise<boolean> {
    clearTimeout(timer);
    autosave.value = { ...autosave.value, status: 'saving' };
    try {
      const { savedAt } = await call('plan.autosave', { draft: snapshot(), path: path.value });
      autosave.value = { status: 'saved', message: null, attempts: 0, savedAt };
      return true;
    } catch (error) {
      const attempts = autosave.value.attempts + 1;
      autosave.value = {
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
        attempts,
        savedAt: autosave.value.savedAt,
      };
      timer = setTimeout(() => void autosaveNow(), retryDelay(attempts));
      return false;
    }
  }
  watch(
    [rows, constraints, name, customer],
    () => {
      if (!dirty.value) return;
      clearTimeout(timer);
      // While failing, the next try keeps its pause: typing does not hammer a full disk.
      timer = setTimeout(
        () => void autosaveNow(),
        autosave.value.status === 'failed' ? retryDelay(autosave.value.attempts) : AUTOSAVE_DELAY_MS,
      );
    },
    { deep: true },
  );
  return { autosave, autosaveNow };
}

/**
 * The autosave found when the app starts is a draft a previous session left unsaved (it crashed or was closed
 * with unsaved edits): offered once. Later visits to the Sizing view find this session's own autosave: not offered.
 */
function useRecovery(state: PlanState) {
  /** What the last session left: a draft to offer back, or a damaged one the main process set aside. */
  const recovery = ref<DraftRecovery | null>(null);
  let recoveryChecked = false;
  async function checkRecovery(): Promise<void> {
    if (recoveryChecked) return;
    recoveryChecked = true;
    try {
      recovery.value = await call('plan.recovery', {});
    } catch {
      recovery.value = null;
    }
  }
  /** The draft was checked against its schema in the main process: its rows and constraints are as typed. */
  function recover(): void {
    const found = recovery.value;
    if (found?.kind === 'draft') {
      const { draft } = found;
      state.restore({
        name: draft.name || 'Recovered plan',
        customer: draft.customer,
        rows: draft.rows.map((row) => emptyRow(row)),
        constraints: draft.constraints,
      });
      state.dirty.value = true;
    }
    recovery.value = null;
  }
  async function discardRecovery(): Promise<void> {
    recovery.value = null;
    await call('plan.discardRecovery', {}).catch(() => undefined);
  }
  return { recovery, checkRecovery, recover, discardRecovery };
}

/** The plan being edited, put together from its parts: state, checks, history, files, autosave and recovery. */
export const usePlanStore = defineStore('plan', () => {
  const state = usePlanState();
  const derived = useDerivedPlan(state);
  const history = useEditHistory(state);
  const recovery = useRecovery(state);
  const files = usePlanFiles(state, derived, history, recovery.recovery);
  const { name, customer, rows, constraints, path, dirty } = state;
  const { undoStack, redoStack, edit, undo, redo } = history;
  return {
    ...{ name, customer, rows, constraints, path, dirty },
    ...derived,
    ...{ undoStack, redoStack, edit, undo, redo },
    ...useMeasuredEdits(state, history),
    ...files,
    ...useAutosave(state),
    ...recovery,
  };
});
