import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PriceEntry, UserCatalogFile } from '../../catalog';
import { openCatalog } from '../../platform';
import { AppError, describeZodIssues, sayText } from '../../common';
import { FeatureKey } from '../../catalog';
import { createSolverRunner } from '../../usecases';
import type { EditionComparison, EditionText } from '../../solver';
import { parseCommandArgs } from '../args';
import { type CliIo, type Command, UsageError } from '../io';
import { readPlanArgument } from '../plan-input';
import { formatTable } from '../table';

/** A price table: a JSON array of prices, or a user catalog export (its prices are used). */
async function readPrices(path: string): Promise<PriceEntry[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AppError('invalid-file', `${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const asArray = z.array(PriceEntry).safeParse(raw);
  if (asArray.success) return asArray.data;
  const asExport = UserCatalogFile.safeParse(raw);
  if (asExport.success) return asExport.data.prices;
  const lines = Array.isArray(raw)
    ? describeZodIssues(asArray.error)
    : [`${path}: must be a JSON array of prices or a user catalog export`];
  throw new AppError('invalid-file', `${path}: ${lines[0]}`, undefined, lines);
}

/** The command line speaks English; the comparison's sentences are codes or catalog texts. */
const english = (text: EditionText): string => sayText(text, 'en');

function print(comparison: EditionComparison, io: CliIo): void {
  io.stdout(
    `Required features: ${comparison.requiredFeatures.join(', ') || 'none'}; horizon ${comparison.horizonYears} years\n`,
  );
  for (const generation of comparison.generations) {
    io.stdout(
      `\n${generation.generation}: minimal edition ${generation.minimalEdition ?? 'none'}${generation.forcedBy.length ? ` (forced by ${generation.forcedBy.join(', ')})` : ''}\n`,
    );
    if (generation.singleEditionNote) io.stdout(`${english(generation.singleEditionNote)}\n`);
    if (generation.options.length === 0) continue;
    const rows = generation.options.map((option) => [
      `${option.edition}${option.recommended ? ' (recommended)' : ''}`,
      option.feasible ? 'yes' : 'no',
      option.servers?.toString() ?? '—',
      option.licensedCores?.toString() ?? '—',
      option.cost === null ? '—' : `${option.cost.toLocaleString('en-US')} ${option.currency ?? ''}`.trim(),
      [
        ...option.missingFeatures.map((feature) => `lacks ${feature}`),
        ...option.unknownFeatures.map((feature) => `${feature} unknown`),
        ...option.violations.filter((v) => v.kind !== 'feature').map((v) => english(v.message)),
      ].join('; ') || '—',
    ]);
    io.stdout(
      `${formatTable(['edition', 'feasible', 'servers', 'licensed cores', 'cost', 'why not / caveats'], rows, [2, 3])}\n`,
    );
    for (const option of generation.options)
      if (option.cost === null) io.stdout(`  ${option.edition}: ${english(option.costNote)}\n`);
  }
  for (const note of comparison.notes) io.stdout(`\nnote: ${english(note)}\n`);
}

export const editionsCommand: Command = {
  name: 'editions',
  summary: 'Compare the PowerVM editions for a plan: feasibility, servers, licensed cores and cost',
  usage: [
    'Usage: powervm-sizer editions PLAN [--json] [--prices FILE] [--without FEATURE]...',
    '',
    '--prices FILE    a JSON array of {generation, edition, currency, pricePerCore, maintenancePerCorePerYear},',
    '                 or a user catalog export; replaces the prices entered in the catalog',
    `--without F      treat feature F as not required (what-if); F is one of ${FeatureKey.options.join(', ')}`,
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      prices: { type: 'string' },
      without: { type: 'string', multiple: true },
    });
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('name one plan file');
    const without = (values.without ?? []).map((feature) => {
      const parsed = FeatureKey.safeParse(feature);
      if (!parsed.success)
        throw new UsageError(`--without: "${feature}" is not one of ${FeatureKey.options.join(', ')}`);
      return parsed.data;
    });
    const validation = await readPlanArgument(path);
    if (!validation.plan) {
      for (const problem of validation.problems) io.stderr(`${problem}\n`);
      return 1;
    }
    const prices = values.prices ? await readPrices(values.prices) : undefined;
    const catalog = await openCatalog({ resourcesDir: io.resourcesDir, userDataDir: io.userDataDir });
    const runner = createSolverRunner();
    let comparison: EditionComparison;
    try {
      comparison = await runner.compareEditions(
        validation.plan,
        await catalog.snapshot(),
        { ...(prices ? { prices } : {}), withoutFeatures: without },
        { jobId: 'cli-editions' },
      );
    } finally {
      await runner.close();
      await catalog.close();
    }
    if (values.json) io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
    else print(comparison, io);
    return 0;
  },
};
