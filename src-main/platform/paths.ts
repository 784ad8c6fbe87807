// Where the app keeps its files when Electron is not there to say (CLI, browser mode): the same folder
// Electron's app.getPath('userData') uses for this product name, unless POWERVM_SIZER_DATA_DIR says otherwise.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'PowerVM Sizer';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.POWERVM_SIZER_DATA_DIR) return resolve(env.POWERVM_SIZER_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** The repository's resources folder when running from source or from out/main. */
export function sourceResourcesDir(fromDir: string): string {
  return resolve(fromDir, '..', '..', 'resources');
}
