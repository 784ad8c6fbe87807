import { type BrowserWindow, dialog, shell } from 'electron';
import type { Dialogs } from '../ipc';

const PLAN_FILTERS = [{ name: 'PowerVM Sizer plan', extensions: ['pvsplan', 'json'] }];

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  const parent = () => getWindow() ?? undefined;
  return {
    async openPlan() {
      const window = parent();
      const options = { properties: ['openFile' as const], filters: PLAN_FILTERS };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async savePlan(suggestedFileName) {
      const window = parent();
      const options = { defaultPath: suggestedFileName, filters: PLAN_FILTERS };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async saveExport(suggestedFileName, extension) {
      const window = parent();
      const options = {
        defaultPath: suggestedFileName,
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseFolder(title) {
      const window = parent();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    reveal(path) {
      shell.showItemInFolder(path);
    },
  };
}
