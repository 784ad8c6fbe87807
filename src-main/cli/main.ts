// Process entry of the CLI, under tsx (`npm run cli`) or built (out/main/cli.js via bin/powervm-sizer.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir, sourceResourcesDir } from '../platform';
import { runCli } from './run';

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = sourceResourcesDir(here);
const packageJson = JSON.parse(readFileSync(join(resourcesDir, '..', 'package.json'), 'utf8')) as { version: string };

// A closed pipe (`| head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  resourcesDir,
  userDataDir: defaultUserDataDir(),
  appVersion: packageJson.version,
  untilInterrupted: () =>
    new Promise((resolvePromise) => {
      process.once('SIGINT', () => resolvePromise());
      process.once('SIGTERM', () => resolvePromise());
    }),
});
process.exitCode = code;
