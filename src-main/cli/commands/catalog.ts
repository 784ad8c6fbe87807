import { readFile } from 'node:fs/promises';
import {
  type CatalogService,
  Generation,
  ModelQuery,
  OperatingSystem,
  ServerClass,
  type ServerModel,
} from '../../catalog';
import { AppError } from '../../common';
import { openCatalog, writeFileAtomic } from '../../platform';
import { parseCommandArgs } from '../args';
import { type CliIo, type Command, UsageError } from '../io';
import { formatFigure, formatTable } from '../table';

const USAGE = [
  'Usage: powervm-sizer catalog <subcommand> [options]',
  '',
  'Subcommands:',
  '  models [--generation G] [--class C] [--os OS] [--role target|source] [--search TEXT] [--json]',
  '  model ID [--json]                 one model with its configurations and sources',
  '  editions [--generation G] [--json] PowerVM editions and their features',
  '  info [--json]                     catalog version, counts and database files',
  '  export FILE                       write the user layer (your figures, models, prices) as JSON',
  '  import FILE                       read a user layer file (all or nothing)',
  '',
  `Generations: ${Generation.options.join(', ')}. Classes: ${ServerClass.options.join(', ')}. OS: ${OperatingSystem.options.join(', ')}.`,
  'In tables, — marks a figure no source publishes and * a user-entered figure.',
].join('\n');

function bestRperf(model: ServerModel): string {
  const figures = model.configurations.map((configuration) => configuration.rperf).filter((figure) => figure !== null);
  const best = figures.sort((a, b) => b.value - a.value)[0] ?? null;
  return formatFigure(best);
}

function printModels(models: ServerModel[], io: CliIo): void {
  const rows = models.map((model) => [
    model.id,
    model.name,
    model.generation,
    model.class,
    model.role === 'source' ? 'source system' : 'target',
    model.maxCores?.toString() ?? '—',
    formatFigure(model.maxMemoryGiB, 0),
    model.supportedOS?.join(',') ?? '—',
    String(model.configurations.length),
    bestRperf(model),
  ]);
  io.stdout(
    `${formatTable(['id', 'name', 'generation', 'class', 'role', 'max cores', 'max GiB', 'OS', 'configs', 'best rPerf'], rows, [5, 6, 8, 9])}\n`,
  );
  io.stdout(`${models.length} models. — = not published, * = user-entered.\n`);
}

function printModel(model: ServerModel, io: CliIo): void {
  io.stdout(
    `${model.name} (${model.machineTypeModel ?? 'no published MTM'}), ${model.generation} ${model.class}, ${model.role === 'source' ? 'source system' : 'target'}\n`,
  );
  io.stdout(
    `max cores ${model.maxCores ?? '—'}, max memory ${formatFigure(model.maxMemoryGiB, 0)} GiB, PCIe slots ${formatFigure(model.pcieSlots, 0)}, max partitions ${formatFigure(model.maxPartitions, 0)}\n\n`,
  );
  const rows = model.configurations.map((configuration) => [
    configuration.id,
    configuration.featureCode ?? '—',
    configuration.sockets?.toString() ?? '—',
    String(configuration.totalCores),
    configuration.ghz ?? configuration.frequencyKey ?? '—',
    formatFigure(configuration.rperf),
    formatFigure(configuration.cpw, 0),
    configuration.rperf?.provenance.kind === 'published'
      ? `${configuration.rperf.provenance.sourceId} (${configuration.rperf.provenance.confidence})`
      : configuration.rperf
        ? 'user'
        : '—',
  ]);
  io.stdout(
    `${formatTable(['configuration', 'feature', 'sockets', 'cores', 'GHz', 'rPerf', 'CPW', 'rPerf source'], rows, [2, 3, 5, 6])}\n\nSources:\n`,
  );
  for (const source of model.sources)
    io.stdout(`  ${source.id} [${source.confidence}] ${source.title}${source.url ? `\n      ${source.url}` : ''}\n`);
}

async function withCatalog<T>(io: CliIo, work: (catalog: CatalogService) => Promise<T>): Promise<T> {
  const catalog = await openCatalog({ resourcesDir: io.resourcesDir, userDataDir: io.userDataDir });
  try {
    return await work(catalog);
  } finally {
    // A damaged user database set aside or a record left out is said on every command, once.
    for (const notice of catalog.notices()) io.stderr(`warning: ${notice}\n`);
    await catalog.close();
  }
}

function enumOption<T extends string>(value: string | undefined, options: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(options as readonly string[]).includes(value))
    throw new UsageError(`${flag}: "${value}" is not one of ${options.join(', ')}`);
  return value as T;
}

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'Browse the Power models and PowerVM editions; export and import your own figures',
  usage: USAGE,
  async run(args, io) {
    const [subcommand, ...rest] = args;
    switch (subcommand) {
      case 'models': {
        const { values } = parseCommandArgs(
          rest,
          {
            generation: { type: 'string' },
            class: { type: 'string' },
            os: { type: 'string' },
            role: { type: 'string' },
            search: { type: 'string' },
            json: { type: 'boolean' },
          },
          false,
        );
        const query = ModelQuery.parse({
          generation: enumOption(values.generation, Generation.options, '--generation'),
          class: enumOption(values.class, ServerClass.options, '--class'),
          os: enumOption(values.os, OperatingSystem.options, '--os'),
          role: enumOption(values.role, ['target', 'source'] as const, '--role'),
          search: values.search,
        });
        const models = await withCatalog(io, (catalog) => catalog.listModels(query));
        if (values.json) io.stdout(`${JSON.stringify(models, null, 2)}\n`);
        else printModels(models, io);
        return 0;
      }
      case 'model': {
        const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } });
        const id = positionals[0];
        if (!id || positionals.length > 1)
          throw new UsageError('name one model id (its machine type-model, e.g. 9105-42A)');
        const model = await withCatalog(io, (catalog) => catalog.getModel(id));
        if (!model) throw new AppError('not-found', `no model "${id}" in the catalog (see \`catalog models\`)`);
        if (values.json) io.stdout(`${JSON.stringify(model, null, 2)}\n`);
        else printModel(model, io);
        return 0;
      }
      case 'editions': {
        const { values } = parseCommandArgs(rest, { generation: { type: 'string' }, json: { type: 'boolean' } }, false);
        const generation = enumOption(values.generation, Generation.options, '--generation');
        const { editions, features, info } = await withCatalog(io, async (catalog) => ({
          editions: await catalog.listEditions(generation),
          features: await catalog.listFeatures(),
          info: await catalog.info(),
        }));
        if (values.json) {
          io.stdout(`${JSON.stringify({ editions, features, generationNotes: info.generationNotes }, null, 2)}\n`);
          return 0;
        }
        const generations = generation ? [generation] : [...new Set(editions.map((edition) => edition.generation))];
        for (const each of generations) {
          const mine = editions.filter((edition) => edition.generation === each);
          const note = info.generationNotes[each];
          io.stdout(`\n${each} (${note?.status ?? 'unknown'})${note?.note ? `: ${note.note}` : ''}\n`);
          if (mine.length === 0) {
            io.stdout('  No edition line-up is published for this generation in the catalog.\n');
            continue;
          }
          const symbol = (value: boolean | null | undefined) =>
            value === true ? 'yes' : value === false ? 'no' : 'unknown';
          const rows = features.map((feature) => [
            feature.label,
            ...mine.map((edition) => symbol(edition.features[feature.key])),
          ]);
          rows.push([
            'Max partitions per server',
            ...mine.map((edition) => edition.maxPartitionsPerServer?.toString() ?? 'unknown'),
          ]);
          rows.push(['Included with the server', ...mine.map((edition) => (edition.included ? 'yes' : 'no'))]);
          io.stdout(`${formatTable(['feature', ...mine.map((edition) => edition.name)], rows)}\n`);
        }
        return 0;
      }
      case 'info': {
        const { values } = parseCommandArgs(rest, { json: { type: 'boolean' } }, false);
        const info = await withCatalog(io, (catalog) => catalog.info());
        if (values.json) io.stdout(`${JSON.stringify(info, null, 2)}\n`);
        else {
          io.stdout(
            `Catalog version ${info.catalogVersion}: ${info.shippedModels} shipped models; your layer: ${info.userModels} models, ${info.userOverrides} figures, ${info.prices} prices\n` +
              `shipped database: ${info.shippedDatabasePath}\nuser database:    ${info.userDatabasePath}\n`,
          );
        }
        return 0;
      }
      case 'export': {
        const { positionals } = parseCommandArgs(rest, {});
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new UsageError('name the file to write');
        const data = await withCatalog(io, (catalog) => catalog.exportUserData());
        await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
        io.stdout(
          `wrote ${file}: ${data.overrides.length} figures, ${data.userModels.length} models, ${data.prices.length} prices\n`,
        );
        return 0;
      }
      case 'import': {
        const { positionals } = parseCommandArgs(rest, {});
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new UsageError('name the file to read');
        let data: unknown;
        try {
          data = JSON.parse(await readFile(file, 'utf8'));
        } catch (error) {
          throw new AppError('invalid-file', `${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        const counts = await withCatalog(io, (catalog) => catalog.importUserData(data));
        io.stdout(
          `imported ${counts.overrides} figures, ${counts.userModels} models, ${counts.prices} prices from ${file}\n`,
        );
        return 0;
      }
      case undefined:
        throw new UsageError('name a subcommand');
      default:
        throw new UsageError(`unknown subcommand "${subcommand}"`);
    }
  },
};
