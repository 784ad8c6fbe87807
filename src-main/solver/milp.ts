// HiGHS (WebAssembly) for the solver's integer models: one solve with an optional start, a time limit, the best
// bound proved when time runs out, and a callback for each improving solution.
import highsLoader from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;
export function loadHighs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

export interface MilpOptions {
  timeLimitSeconds: number;
  /** A feasible assignment to start from, by column name (others unspecified). */
  start?: ReadonlyMap<string, number>;
  /** Called with the values of each improving solution, by column name. */
  onImproving?: (values: ReadonlyMap<string, number>, objective: number) => void;
  /** Polled during the search; true stops it (the best found so far is returned). */
  shouldStop?: () => boolean;
}

export interface MilpResult {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'stopped' | 'error';
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
    model.options.set({ time_limit: options.timeLimitSeconds, output_flag: false, mip_rel_gap: 1e-6 });
    const columns = model.getDimensions().numCols;
    const names = Array.from({ length: columns }, (_, index) => model.getColName(index));
    const toMap = (vector: Float64Array) => new Map(names.map((name, index) => [name, vector[index]!]));
    if (options.start && options.start.size > 0) {
      const at = new Map(names.map((name, index) => [name, index]));
      const entries = [...options.start].filter(([name]) => at.has(name));
      model.setSolution({ indices: entries.map(([name]) => at.get(name)!), values: entries.map(([, value]) => value) });
    }
    const types = highs.constants.callbackType;
    let stopped = false;
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
      ...(options.shouldStop
        ? {
            [types.mipInterrupt]: (event) => {
              if (options.shouldStop!()) {
                stopped = true;
                event.interrupt();
              }
              return undefined;
            },
          }
        : {}),
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
      status: stopped ? 'stopped' : result.modelStatus === codes.timeLimit ? 'time-limit' : 'error',
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
