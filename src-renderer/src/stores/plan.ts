import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PlanFile } from '../../../src-main/plan/schema';
import { call, isBrowserMode } from '../api/client';
import { useUiStore } from './ui';

/** The plan being worked on, wherever it came from (a file now; the sizing wizard later). */
export const usePlanStore = defineStore('plan', () => {
  const plan = ref<PlanFile | null>(null);
  const path = ref<string | null>(null);

  /** Browser mode and drag-and-drop: the text of a file the user picked. */
  async function loadText(text: string, fileName: string): Promise<void> {
    try {
      plan.value = (await call('plan.parse', { text, fileName })).plan;
      path.value = null;
    } catch (error) {
      useUiStore().showError(error);
    }
  }

  /** Desktop app: the native open dialog in the main process. */
  async function openWithDialog(): Promise<void> {
    try {
      const opened = await call('plan.open', {});
      if (opened) {
        plan.value = opened.plan;
        path.value = opened.path;
      }
    } catch (error) {
      useUiStore().showError(error);
    }
  }

  return { plan, path, loadText, openWithDialog, canUseDialogs: !isBrowserMode() };
});
