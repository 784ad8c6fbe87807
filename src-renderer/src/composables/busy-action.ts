// One way to run a dialog's long action: busy while it runs, its error in the banner, busy cleared whatever happens.
import { ref } from 'vue';
import { useUiStore } from '../stores/ui';

export function useBusyAction() {
  const ui = useUiStore();
  const busy = ref(false);
  async function runBusy(action: () => Promise<void>, always?: () => void): Promise<void> {
    busy.value = true;
    try {
      await action();
    } catch (error) {
      ui.showError(error);
    } finally {
      busy.value = false;
      always?.();
    }
  }
  return { busy, runBusy };
}
