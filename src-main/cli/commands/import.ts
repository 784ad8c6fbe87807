import {
  BASES,
  type Basis,
  type ImportChoices,
  type ImportedWorkload,
  type Message,
  importFiles,
  renderMessage,
  toWorkloads,
} from '../../import';
import { MEMORY_BASES, type MemoryBasis, PLAN_FORMAT, PLAN_VERSION, validatePlan } from '../../plan';
import { openCatalog, writeFileAtomic } from '../../platform';
import { parseCommandArgs } from '../args';
import { type Command, UsageError } from '../io';
import { formatTable } from '../table';

const text = (message: Message) => renderMessage(message, 'en');
const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
/** Above this many files per LPAR only the files that lost something are listed one by one. */
const FILES_LISTED = 10;

type PerLpar = NonNullable<ImportChoices['perLpar']>;

function perLparChoice(perLpar: PerLpar, name: string): PerLpar[string] {
  perLpar[name] ??= {};
  return perLpar[name]!;
}

/** --basis-for LPAR=BASIS[:HEADROOM], --source-model-for LPAR=MTM, --memory-basis-for LPAR=configured|measured. */
function perLparChoices(
  values: { 'basis-for'?: string[]; 'source-model-for'?: string[]; 'memory-basis-for'?: string[] },
  headroom: number,
): PerLpar {
  const perLpar: PerLpar = {};
  for (const each of values['basis-for'] ?? []) {
    const match = /^(.+)=([a-z0-9]+)(?::([0-9.]+))?$/.exec(each);
    const chosen = match?.[2] as Basis | undefined;
    if (!match || !chosen || !BASES.includes(chosen))
      throw new UsageError(`--basis-for: "${each}" is not LPAR=BASIS[:HEADROOM] with BASIS one of ${BASES.join(', ')}`);
    const own = match[3] === undefined ? headroom : Number(match[3]);
    if (!(own >= 0 && own <= 5))
      throw new UsageError(`--basis-for: the headroom in "${each}" is not a share between 0 and 5`);
    Object.assign(perLparChoice(perLpar, match[1]!), { basis: chosen, headroom: own });
  }
  for (const each of values['source-model-for'] ?? []) {
    const match = /^(.+)=([\w.-]+)$/.exec(each);
    if (!match) throw new UsageError(`--source-model-for: "${each}" is not LPAR=MTM`);
    perLparChoice(perLpar, match[1]!).sourceModel = match[2]!;
  }
  for (const each of values['memory-basis-for'] ?? []) {
    const match = /^(.+)=([a-z]+)$/.exec(each);
    const chosen = match?.[2] as MemoryBasis | undefined;
    if (!match || !chosen || !MEMORY_BASES.includes(chosen))
      throw new UsageError(`--memory-basis-for: "${each}" is not LPAR=${MEMORY_BASES.join('|')}`);
    perLparChoice(perLpar, match[1]!).memoryBasis = chosen;
  }
  return perLpar;
}

/** One row per LPAR: its files, period, days, gaps, samples, basis value, memory and its basis, confidence. */
function previewRow(entry: ImportedWorkload): string[] {
  const summary = entry.summary;
  const memory = summary.memoryGiB === null ? '—' : `${summary.memoryGiB} (${summary.memoryBasis})`;
  return [
    summary.lpar,
    String(summary.files.length),
    `${day(summary.periodStart)} – ${day(summary.periodEnd)}`,
    summary.daysCovered.toFixed(1),
    String(summary.gaps.length),
    String(summary.samples || '—'),
    summary.basisCores === null ? '—' : summary.basisCores.toFixed(3),
    memory,
    summary.confidence,
    entry.problem
      ? text(entry.problem)
      : `${summary.sourceModel}${summary.sourceModelFrom === 'user' ? ' (chosen)' : ''}`,
  ];
}

/** Under each LPAR: its files (what each gave and lost), its notes, and the models to choose from. */
function previewDetails(entry: ImportedWorkload): string[] {
  const lines: string[] = [];
  const files = entry.summary.files;
  const shown =
    files.length <= FILES_LISTED
      ? files
      : files.filter((file) => file.lost.length > 0 || file.duplicates > 0 || file.overlaps > 0);
  for (const file of shown) {
    lines.push(
      text({
        code: 'import.cli-file',
        params: { file: file.file, samples: file.samples, from: day(file.periodStart), to: day(file.periodEnd) },
      }),
    );
    for (const lost of file.lost) lines.push(text({ code: 'import.cli-lost', params: { what: text(lost) } }));
    if (file.duplicates > 0 || file.overlaps > 0)
      lines.push(text({ code: 'import.cli-merged', params: { duplicates: file.duplicates, overlaps: file.overlaps } }));
  }
  for (const note of [...entry.summary.notes, ...entry.confidenceReasons]) lines.push(`    ${text(note)}`);
  if (entry.modelChoices.length > 0)
    lines.push(text({ code: 'import.cli-choices', params: { models: entry.modelChoices.join(', ') } }));
  return lines;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Turn measured use (nmon, nsum, HMC lslparutil, generic CSV; files, folders, zip) into a plan',
  usage: [
    'Usage: powervm-sizer import FILE_OR_FOLDER... (--out PLAN.json | --preview) [--basis p95] [--headroom 0.1]',
    '         [--source-model MTM] [--fallback-model MTM] [--memory-basis configured|measured] [--name NAME] [--json]',
    '         [--basis-for LPAR=BASIS[:HEADROOM]]... [--source-model-for LPAR=MTM]... [--memory-basis-for LPAR=BASIS]...',
    '',
    `--basis            ${BASES.join(', ')} of the physical cores used (default p95)`,
    '--headroom         extra share on top of the basis (default 0.1 = 10 %); also on measured memory',
    '--source-model     the machine type-model every LPAR ran on, over what the files say (e.g. 8286-42A)',
    '--fallback-model   the machine type-model for files that do not say which server they ran on',
    "--memory-basis     configured (default): the LPAR's memory size; measured: its peak in use + headroom",
    '--basis-for, --source-model-for, --memory-basis-for: the same for one LPAR; may be repeated',
    '--preview          print the per-LPAR summary and write nothing',
    '',
    'Files of one LPAR (same serial and LPAR number, or the same host) are merged over their whole period.',
    'A damaged file is listed with its reason; the others are imported. Exit 0 when something was imported, 1 when nothing.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      preview: { type: 'boolean' },
      basis: { type: 'string' },
      headroom: { type: 'string' },
      'source-model': { type: 'string' },
      'fallback-model': { type: 'string' },
      'memory-basis': { type: 'string' },
      'basis-for': { type: 'string', multiple: true },
      'source-model-for': { type: 'string', multiple: true },
      'memory-basis-for': { type: 'string', multiple: true },
      name: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    if (!values.out && !values.preview)
      throw new UsageError('--out PLAN.json is required (or --preview to write nothing)');
    const basis = (values.basis ?? 'p95') as Basis;
    if (!BASES.includes(basis)) throw new UsageError(`--basis: "${values.basis}" is not one of ${BASES.join(', ')}`);
    const headroom = values.headroom === undefined ? 0.1 : Number(values.headroom);
    if (!(headroom >= 0 && headroom <= 5))
      throw new UsageError(`--headroom: "${values.headroom}" is not a share between 0 and 5`);
    const memoryBasis = (values['memory-basis'] ?? 'configured') as MemoryBasis;
    if (!MEMORY_BASES.includes(memoryBasis))
      throw new UsageError(`--memory-basis: "${values['memory-basis']}" is not one of ${MEMORY_BASES.join(', ')}`);
    const perLpar = perLparChoices(values, headroom);

    const started = performance.now();
    const result = await importFiles(positionals, {
      onProgress: (progress) => {
        if (process.stderr.isTTY)
          process.stderr.write(
            `\r${progress.filesDone}/${progress.filesTotal} files ${progress.current}`.slice(0, 79).padEnd(79),
          );
      },
    });
    if (process.stderr.isTTY) process.stderr.write(`\r${''.padEnd(79)}\r`);
    const seconds = (performance.now() - started) / 1000;
    const choices: ImportChoices = {
      basis,
      headroom,
      memoryBasis,
      perLpar,
      ...(values['source-model'] ? { sourceModel: values['source-model'] } : {}),
      ...(values['fallback-model'] ? { fallbackModel: values['fallback-model'] } : {}),
    };
    const catalog = await openCatalog({ resourcesDir: io.resourcesDir, userDataDir: io.userDataDir });
    let imported: ImportedWorkload[];
    try {
      imported = toWorkloads(result.measurements, await catalog.snapshot(), choices);
    } finally {
      await catalog.close();
    }
    const unknown = Object.keys(perLpar).filter(
      (name) => !imported.some((entry) => entry.measurement.lparName === name),
    );
    if (unknown.length > 0)
      throw new UsageError(`no imported LPAR is named ${unknown.map((name) => `"${name}"`).join(', ')}`);
    const workloads = imported.flatMap((entry) => (entry.workload ? [entry.workload] : []));

    if (values.json) {
      const json = {
        lpars: imported.map((entry) => ({
          ...entry.summary,
          confidenceReasons: entry.summary.confidenceReasons.map(text),
          notes: entry.summary.notes.map(text),
          files: entry.summary.files.map((file) => ({ ...file, lost: file.lost.map(text) })),
          problem: entry.problem ? text(entry.problem) : null,
          modelChoices: entry.modelChoices,
        })),
        damaged: result.damaged.map((entry) => ({ file: entry.file, reason: text(entry.reason) })),
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const headers = text({ code: 'import.cli-header', params: { basis } }).split(',');
      const lines = [formatTable(headers, imported.map(previewRow), [1, 3, 4, 5, 6])];
      for (const entry of imported) {
        const details = previewDetails(entry);
        if (details.length > 0) lines.push(`${entry.summary.lpar}:`, ...details);
      }
      for (const damaged of result.damaged)
        lines.push(text({ code: 'import.cli-damaged', params: { file: damaged.file, reason: text(damaged.reason) } }));
      const megabytes = result.bytes / 1e6;
      lines.push(
        text({
          code: 'import.cli-summary',
          params: {
            workloads: workloads.length,
            lpars: imported.length,
            files: result.files,
            megabytes: megabytes.toFixed(1),
            rate: (megabytes / Math.max(seconds, 1e-3)).toFixed(1),
            damaged: result.damaged.length,
          },
        }),
      );
      io.stdout(`${lines.join('\n')}\n`);
    }
    if (workloads.length === 0) {
      io.stderr(`${text({ code: 'import.cli-nothing', params: {} })}\n`);
      return 1;
    }
    if (!values.out) return 0;
    const plan = { format: PLAN_FORMAT, version: PLAN_VERSION, name: values.name ?? 'Imported estate', workloads };
    const validation = validatePlan(plan);
    if (!validation.plan) {
      for (const problem of validation.problems) io.stderr(`${problem}\n`);
      return 1;
    }
    await writeFileAtomic(values.out, `${JSON.stringify(validation.plan, null, 2)}\n`);
    io.stderr(`${text({ code: 'import.cli-wrote', params: { file: values.out } })}\n`);
    return 0;
  },
};
