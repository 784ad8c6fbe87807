// Native file dialogs, which only the Electron shell can show. The browser mode has none and uses upload and
// download instead, so handlers receive `null` there.
export interface Dialogs {
  /** The plan file the user picked, or null when cancelled. */
  openPlan(): Promise<string | null>;
  /** Where to save, or null when cancelled. */
  savePlan(suggestedFileName: string): Promise<string | null>;
  /** Where to write an exported file of the given extension (report, design), or null when cancelled. */
  saveExport(suggestedFileName: string, extension: string): Promise<string | null>;
  /** A folder to write several files into (one design CSV per server), or null when cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  /** Show a written file in the system's file manager. */
  reveal(path: string): void;
}
