import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PlanFile } from '../../../src-main/ipc/shared';
import type { Solution } from '../../../src-main/ipc/shared';
import { type Language, formatMessage } from '../../../src-main/common';
import { ApiError, call, onEvent } from '../api/client';
import { useUiStore } from './ui';

/** The solver's answer for the current plan, with the progress of the running solve. */
export const useSolutionStore = defineStore('solution', () => {
  const solution = ref<Solution | null>(null);
  const solvedPlan = ref<PlanFile | null>(null);
  const running = ref<string | null>(null);
  const progress = ref(0);
  const progressMessage = ref('');
  let counter = 0;
  let pending: PlanFile | null = null;

  onEvent((event) => {
    if (event.type === 'solver.progress' && event.jobId === running.value) {
      progress.value = event.fraction;
      progressMessage.value = formatMessage(event.message, useUiStore().locale as Language);
      // A first answer shows at once; the solve goes on improving and proving it.
      if (event.solution) {
        solution.value = event.solution;
        solvedPlan.value = pending;
      }
    }
  });

  async function solve(plan: PlanFile): Promise<void> {
    if (running.value) await cancel();
    const jobId = `solve-${Date.now()}-${++counter}`;
    running.value = jobId;
    pending = plan;
    progress.value = 0;
    progressMessage.value = '';
    try {
      const result = await call('solver.solve', { jobId, plan });
      if (running.value === jobId) {
        solution.value = result;
        solvedPlan.value = plan;
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

  return { solution, solvedPlan, running, progress, progressMessage, solve, cancel };
});
