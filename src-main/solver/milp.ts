// HiGHS (WebAssembly) for the solver's integer models: one solve with an optional start, a work limit, the best
// bound proved when the work runs out, and a callback for each improving solution.
import highsLoader from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;
export function loadHighs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

/**
 * How far a search may go. The work limit counts HiGHS's LP iterations, so a model stops at the same point on any
 * machine and the same plan gives the same design however busy the machine is. The seconds are a backstop for a
 * machine far slower than expected; a search they stop may end elsewhere on another run.
 */
export interface SearchLimit {
  lpIterations: number;
  /** LP iterations times the model's columns: an iteration of a large model costs more, so it gets fewer. */
  iterationColumns: number;
  seconds: number;
}

export interface MilpOptions {
  limit: SearchLimit;
  /** A feasible assignment to start from, by column name (others unspecified). */
  start?: ReadonlyMap<string, number>;
  /** Called with the values of each improving solution, by column name. */
  onImproving?: (values: ReadonlyMap<string, number>, objective: number) => void;
  /** Polled during the search; true stops it (the best found so far is returned). */
  shouldStop?: () => boolean;
}

/** `work-limit`: stopped by the LP-iteration limit (reproducible); `time-limit`: by the seconds backstop (not). */
export type MilpStatus = 'optimal' | 'work-limit' | 'time-limit' | 'infeasible' | 'stopped' | 'error';

export interface MilpResult {
  status: MilpStatus;
  /** Best solution's objective and values (null when none was found). */
  objective: number | null;
  values: ReadonlyMap<string, number> | null;
  /** Proved lower bound on the objective (minimisation); the objective itself when optimal. */
  bound: number | null;
}

/** Solves a CPLEX-LP-format minimisation model. */
export async function solveMilp(lp: string, options: MilpOptions): Promise<MilpResult> {
  const highs = await loadHighs();
  let model: ReturnType<Highs['createModel']>;
  try {
    model = highs.createModel({ format: 'lp', data: lp });
  } catch {
    return { status: 'error', objective: null, values: null, bound: null };
  }
  try {
    model.options.set({ time_limit: options.limit.seconds, output_flag: false, mip_rel_gap: 1e-6 });
    const columns = model.getDimensions().numCols;
    const names = Array.from({ length: columns }, (_, index) => model.getColName(index));
    const toMap = (vector: Float64Array) => new Map(names.map((name, index) => [name, vector[index]!]));
    if (options.start && options.start.size > 0) {
      const at = new Map(names.map((name, index) => [name, index]));
      const entries = [...options.start].filter(([name]) => at.has(name));
      model.setSolution({ indices: entries.map(([name]) => at.get(name)!), values: entries.map(([, value]) => value) });
    }
    const iterationLimit = Math.min(options.limit.lpIterations, options.limit.iterationColumns / Math.max(1, columns));
    const types = highs.constants.callbackType;
    let interrupted: 'work-limit' | 'stopped' | null = null;
    const result = model.run({
      ...(options.onImproving
        ? {
            [types.mipImprovingSolution]: (event) => {
              const vector = event.data.mip_solution;
              if (vector) options.onImproving!(toMap(vector), event.data.objective_function_value ?? Number.NaN);
              return undefined;
            },
          }
        : {}),
      // HiGHS asks at fixed points of its search, so stopping on the iteration count is as reproducible as the count.
      [types.mipInterrupt]: (event) => {
        if (options.shouldStop?.()) interrupted = 'stopped';
        else if (Number(event.data.mip_total_lp_iterations ?? 0) >= iterationLimit) interrupted = 'work-limit';
        if (interrupted) event.interrupt();
        return undefined;
      },
    });
    const codes = highs.constants.modelStatus;
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const values = hasSolution ? toMap(model.getSolution().colValue) : null;
    const objective = hasSolution ? model.getObjectiveValue() : null;
    const dualBound = Number(model.info.get('mip_dual_bound'));
    if (result.modelStatus === codes.optimal) return { status: 'optimal', objective, values, bound: objective };
    if (result.modelStatus === codes.infeasible)
      return { status: 'infeasible', objective: null, values: null, bound: null };
    const bound = Number.isFinite(dualBound) ? dualBound : null;
    return {
      status: interrupted ?? (result.modelStatus === codes.timeLimit ? 'time-limit' : 'error'),
      objective,
      values,
      bound,
    };
  } catch {
    return { status: 'error', objective: null, values: null, bound: null };
  } finally {
    model.dispose();
  }
}
