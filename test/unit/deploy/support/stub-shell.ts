// A stand-in HMC shell: stub commands that record their arguments (NUL-separated, so any byte survives) instead of
// running, and a reader for the record. Scripts run with the stubs first on PATH in a scratch folder, where a
// successful injection (touch pwned) would leave a file behind.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StubShell {
  bin: string;
  log: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export async function stubShell(root: string, commands: readonly string[]): Promise<StubShell> {
  const bin = join(root, 'bin');
  const cwd = join(root, 'cwd');
  await mkdir(bin, { recursive: true });
  await mkdir(cwd, { recursive: true });
  const log = join(root, 'calls.log');
  await writeFile(log, '');
  for (const command of commands) {
    const file = join(bin, command);
    await writeFile(file, `#!/bin/bash\n{ printf '%s\\0' ${command} "$@"; printf '\\001\\n'; } >> "$STUB_LOG"\n`);
    await chmod(file, 0o755);
  }
  return { bin, log, cwd, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, STUB_LOG: log } };
}

/** Every recorded call as its argv (argv[0] is the command). */
export async function recordedCalls(shell: StubShell): Promise<string[][]> {
  const text = await readFile(shell.log, 'utf8');
  return text
    .split('\u0001\n')
    .filter((record) => record.length > 0)
    .map((record) => record.split('\0').slice(0, -1));
}

export function runShell(shell: StubShell, args: readonly string[]): void {
  execFileSync('bash', args, { cwd: shell.cwd, env: shell.env, stdio: 'pipe' });
}

/** Files the run left in its scratch folder: an executed injection shows up here. */
export async function leftovers(shell: StubShell): Promise<string[]> {
  return readdir(shell.cwd);
}
