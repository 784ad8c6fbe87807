import { defineStore } from 'pinia';
import { ref, toRaw } from 'vue';
import type { Presentation } from '../../../src-main/ipc/contract';
import type { PlanFile, Solution } from '../../../src-main/ipc/shared';
import { type Language, formatMessage } from '../../../src-main/common';
import { ApiError, call, onEvent } from '../api/client';
import { useUiStore } from './ui';

/** The solver's answer for the current plan, with the progress of the running solve. */
export const useSolutionStore = defineStore('solution', () => {
  const solution = ref<Solution | null>(null);
  /** What the screen shows of the solution: the report's own presentation model, computed in one place. */
  const presentation = ref<Presentation | null>(null);
  const solvedPlan = ref<PlanFile | null>(null);
  const running = ref<string | null>(null);
  const progress = ref(0);
  const progressMessage = ref('');
  let counter = 0;
  let pending: PlanFile | null = null;
  /**
   * The job whose final answer has arrived. Its progress may still be on its way (events and replies travel apart in
   * the browser mode), and a first answer arriving after the final one must not replace it.
   */
  let answered: string | null = null;

  onEvent((event) => {
    if (event.type === 'solver.progress' && event.jobId === running.value && event.jobId !== answered) {
      progress.value = event.fraction;
      progressMessage.value = formatMessage(event.message, useUiStore().locale as Language);
      // A first answer shows at once; the solve goes on improving and proving it.
      if (event.solution && pending) void show(event.solution, pending);
    }
  });

  /**
   * Shows an answer with its presentation model (asked of the main process, which computes the report's figures): the
   * final one, or a first answer while the solver goes on improving it. An answer overtaken while its presentation
   * was on its way is dropped.
   */
  let shown = 0;
  async function show(result: Solution, plan: PlanFile): Promise<void> {
    const ticket = ++shown;
    const presented = await call('report.presentation', { plan, solution: result });
    if (ticket !== shown) return;
    solution.value = result;
    solvedPlan.value = plan;
    presentation.value = presented;
  }

  /**
   * Solves the plan, replacing a solve still running. The new job is marked running before the old one is cancelled,
   * so the screen never shows a moment with no solve and the old answer as if final.
   */
  async function solve(plan: PlanFile): Promise<void> {
    const replaced = running.value;
    const jobId = `solve-${Date.now()}-${++counter}`;
    running.value = jobId;
    pending = plan;
    progress.value = 0;
    progressMessage.value = '';
    if (replaced) await call('solver.cancel', { jobId: replaced }).catch(() => undefined);
    try {
      const result = await call('solver.solve', { jobId, plan });
      if (running.value === jobId) {
        answered = jobId;
        await show(result, plan);
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'cancelled')) useUiStore().showError(error);
    } finally {
      if (running.value === jobId) running.value = null;
    }
  }

  /** Whether this plan is already solved or being solved: an automatic solve then has nothing to do. */
  function isCurrent(plan: PlanFile): boolean {
    // The stored plan is a reactive proxy of the one solved: compare the objects themselves.
    return toRaw(plan) === toRaw(running.value !== null ? pending : solvedPlan.value);
  }

  async function cancel(): Promise<void> {
    const jobId = running.value;
    if (!jobId) return;
    running.value = null;
    await call('solver.cancel', { jobId }).catch(() => undefined);
  }

  return { solution, presentation, solvedPlan, running, progress, progressMessage, solve, isCurrent, cancel };
});
