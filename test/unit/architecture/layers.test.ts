import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/browser-app';

const eslint = new ESLint({ cwd: repoRoot });

/** The layering problems ESLint reports for one line of code placed at `file`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath: join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'local/layers')
    .map((message) => message.message);
}

const forbidden: [string, string, string][] = [
  ['common importing the domain', 'src-main/common/probe.ts', "import { PlanFile } from '../plan';"],
  ['common doing file I/O', 'src-main/common/probe.ts', "import { readFile } from 'node:fs/promises';"],
  ['the solver reaching the catalog store', 'src-main/solver/probe.ts', "import { openCatalog } from '../platform';"],
  ['solve.ts reading files', 'src-main/solver/solve.ts', "import { readFileSync } from 'node:fs';"],
  ['the report model reading files', 'src-main/report/model.ts', "import { readFileSync } from 'node:fs';"],
  ['the rules reaching the catalog store', 'src-main/powervm/probe.ts', "import { openCatalog } from '../platform';"],
  ['plan rows touching the database', 'src-main/plan/rows.ts', "import sqlite3 from 'sqlite3';"],
  ['the domain knowing the IPC', 'src-main/catalog/probe.ts', "import { contract } from '../ipc';"],
  ['the domain importing Electron', 'src-main/deploy/probe.ts', "import { app } from 'electron';"],
  ['the platform calling a use case', 'src-main/platform/probe.ts', "import { exportReport } from '../usecases';"],
  ['the platform importing Electron', 'src-main/platform/probe.ts', "import { app } from 'electron';"],
  ['a use case knowing the IPC', 'src-main/usecases/probe.ts', "import { contract } from '../ipc';"],
  ['a use case touching the database', 'src-main/usecases/probe.ts', "import sqlite3 from 'sqlite3';"],
  ['a use case bypassing an index', 'src-main/usecases/probe.ts', "import { packBins } from '../solver/pack';"],
  ['the IPC importing Electron', 'src-main/ipc/probe.ts', "import { ipcMain } from 'electron';"],
  ['the command line importing the shell', 'src-main/cli/probe.ts', "import { createWindow } from '../electron/main';"],
  ['the shell touching the database', 'src-main/electron/probe.ts', "import sqlite3 from 'sqlite3';"],
  [
    'the renderer reaching the platform',
    'src-renderer/src/probe.ts',
    "import { openCatalog } from '../../src-main/platform';",
  ],
  [
    'the renderer reaching the solver',
    'src-renderer/src/probe.ts',
    "import { solvePlan } from '../../src-main/solver';",
  ],
  ['the renderer doing file I/O', 'src-renderer/src/probe.ts', "import { readFile } from 'node:fs/promises';"],
];

const allowed: [string, string, string][] = [
  ['the domain using common', 'src-main/solver/probe.ts', "import { AppError } from '../common';"],
  ['a use case using the platform', 'src-main/usecases/probe.ts', "import { openCatalog } from '../platform';"],
  ['the import readers streaming files', 'src-main/import/probe.ts', "import { createReadStream } from 'node:fs';"],
  [
    'the renderer using the contract',
    'src-renderer/src/probe.ts',
    "import type { Channel } from '../../src-main/ipc/contract';",
  ],
  [
    'the renderer using its shared rules',
    'src-renderer/src/probe.ts',
    "import { rowToWorkload } from '../../src-main/ipc/shared';",
  ],
];

describe('the layering lint rule (docs/architecture.md)', () => {
  it.each(forbidden)('catches %s', async (_, file, code) => {
    expect(await layerProblems(file, code)).toHaveLength(1);
  });

  it.each(allowed)('allows %s', async (_, file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});

/** Folder-level import graph of src-main, from the source itself. */
function folderGraph(): Map<string, Set<string>> {
  const mainRoot = join(repoRoot, 'src-main');
  const folderOf = (path: string) => relative(mainRoot, path).split('/')[0]!;
  const graph = new Map<string, Set<string>>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  for (const file of walk(mainRoot)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), match[1]!));
      if (to !== from && !to.startsWith('..')) edges.add(to);
    }
  }
  return graph;
}

describe('the folders of src-main', () => {
  it('import each other without a cycle', () => {
    const graph = folderGraph();
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (folder: string, path: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '));
        return;
      }
      state.set(folder, 'open');
      for (const next of graph.get(folder) ?? []) visit(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of graph.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });
});
