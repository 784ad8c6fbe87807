import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Presentation } from '../../../src-main/ipc/contract';
import type { PlanFile, Solution } from '../../../src-main/ipc/shared';
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

  onEvent((event) => {
    if (event.type === 'solver.progress' && event.jobId === running.value) {
      progress.value = event.fraction;
      progressMessage.value = event.message;
    }
  });

  async function solve(plan: PlanFile): Promise<void> {
    if (running.value) await cancel();
    const jobId = `solve-${Date.now()}-${++counter}`;
    running.value = jobId;
    progress.value = 0;
    progressMessage.value = '';
    try {
      const result = await call('solver.solve', { jobId, plan });
      const presented = await call('report.presentation', { plan, solution: result });
      if (running.value === jobId) {
        solution.value = result;
        solvedPlan.value = plan;
        presentation.value = presented;
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'cancelled')) useUiStore().showError(error);
    } finally {
      if (running.value === jobId) running.value = null;
    }
  }

  async function cancel(): Promise<void> {
    const jobId = running.value;
    if (!jobId) return;
    running.value = null;
    await call('solver.cancel', { jobId }).catch(() => undefined);
  }

  return { solution, presentation, solvedPlan, running, progress, progressMessage, solve, cancel };
});
