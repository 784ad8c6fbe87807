// The layering rule, as VS Code's code-layering: every import points down (or sideways where the table allows),
// never up. The table is written once, in docs/architecture.md between the `layers:begin` and `layers:end` marks.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Reads the layer table: one row per layer, bottom first. */
export function readLayers(markdown = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8')) {
  const table = /<!-- layers:begin -->([\s\S]*?)<!-- layers:end -->/.exec(markdown);
  if (!table) throw new Error('docs/architecture.md has no layers:begin/layers:end table');
  const rows = table[1]
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2);
  const cells = (line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const list = (cell) =>
    cell === '—' || cell === '' ? [] : cell.split(',').map((each) => each.trim().replace(/`/g, ''));
  return rows.map((line) => {
    const [name, folders, mayImport, builtins, forbidden] = cells(line);
    return {
      name,
      folders: list(folders),
      mayImport: list(mayImport),
      builtins: list(builtins),
      forbidden: list(forbidden),
    };
  });
}

/** The layer and folder a repository path belongs to (longest folder match), or null outside every layer. */
export function locate(layers, path) {
  const rel = relative(root, path).split(sep).join('/');
  let best = null;
  for (const layer of layers) {
    for (const folder of layer.folders) {
      if ((rel === folder || rel.startsWith(`${folder}/`)) && (!best || folder.length > best.folder.length))
        best = { layer, folder };
    }
  }
  return best;
}

function resolveSpecifier(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, `${base}.vue`, join(base, 'index.ts'), base])
    if (existsSync(candidate)) return candidate;
  return base;
}

/** Why an import is not allowed, or null. Exported for the rule's own tests. */
export function problemOf(layers, fromFile, specifier) {
  const from = locate(layers, fromFile);
  if (!from) return null;
  if (!specifier.startsWith('.')) {
    const bare = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (BUILTINS.has(specifier) || BUILTINS.has(bare)) {
      const allowed = from.layer.builtins.includes('yes') || from.layer.builtins.includes(from.folder);
      return allowed ? null : `the ${from.layer.name} layer (${from.folder}) does no Node I/O: "${specifier}"`;
    }
    return from.layer.forbidden.includes(bare)
      ? `the ${from.layer.name} layer (${from.folder}) may not import ${bare}`
      : null;
  }
  const target = resolveSpecifier(fromFile, specifier);
  const to = locate(layers, target);
  if (!to || to.folder === from.folder) return null;
  const allowed = from.layer.mayImport.some(
    (entry) => entry === to.layer.name || to.folder === entry || target.startsWith(join(root, entry)),
  );
  if (!allowed) return `the ${from.layer.name} layer (${from.folder}) may not import ${to.folder} (${to.layer.name})`;
  // From outside a folder, only its index.ts (or, for the renderer, the files the table names) is the way in.
  const isIndex =
    target === join(root, to.folder, 'index.ts') || LEAF_PICKERS.has(relative(root, fromFile).split(sep).join('/'));
  const named = from.layer.mayImport.some((entry) => entry.includes('.') || target.startsWith(join(root, entry)));
  if (!isIndex && !named && from.layer.name !== 'renderer')
    return `import ${to.folder} through its index.ts, not ${relative(root, target)}`;
  return null;
}

/**
 * Files that pick leaf modules one by one instead of a folder's index: the two the renderer loads (so its bundle
 * carries neither the solver nor the spreadsheet reader) and the sandboxed preload (one small self-contained file).
 */
const LEAF_PICKERS = new Set(['src-main/ipc/contract.ts', 'src-main/ipc/shared.ts', 'src-main/electron/preload.ts']);

let cached = null;
const layers = () => (cached ??= readLayers());

export const layersRule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layers of docs/architecture.md' }, schema: [] },
  create(context) {
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const problem = problemOf(layers(), context.filename, node.source.value);
      if (problem) context.report({ node: node.source, message: problem });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers: layersRule } };
