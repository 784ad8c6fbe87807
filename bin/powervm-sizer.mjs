#!/usr/bin/env node
// The `powervm-sizer` command: the built CLI (npm run build first), so scripting needs no TypeScript loader.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error('powervm-sizer: the command line is not built yet; run `npm run build` in the project folder first.');
  process.exit(2);
}
await import(built);
