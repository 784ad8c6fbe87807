import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src-main/cli/run';
import { repoRoot } from './browser-app';
import { resourcesDir } from './temp';

/** Runs the CLI in-process with captured output. */
export async function cli(
  args: string[],
  userDataDir: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    resourcesDir,
    userDataDir,
    appVersion: 'test',
    untilInterrupted: () => Promise.resolve(),
  });
  return { code, stdout, stderr };
}

/** Runs the real `npm run cli` entry point (tsx) as a process. */
export function cliProcess(args: string[], userDataDir: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src-main', 'cli', 'main.ts'), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, POWERVM_SIZER_DATA_DIR: userDataDir },
      encoding: 'utf8',
    },
  );
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'plans', `${name}.json`);
