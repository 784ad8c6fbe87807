import { BASES, type Basis, importFiles, toWorkloads } from '../../import';
import { PLAN_FORMAT, PLAN_VERSION, Workload, rebaseWorkload, validatePlan } from '../../plan';
import { openCatalog, writeFileAtomic } from '../../platform';
import { parseCommandArgs } from '../args';
import { type Command, UsageError } from '../io';
import { formatTable } from '../table';

export const importCommand: Command = {
  name: 'import',
  summary: 'Turn measured use (nmon, nsum, HMC lslparutil, generic CSV; files or folders) into a plan',
  usage: [
    'Usage: powervm-sizer import FILE_OR_FOLDER... --out PLAN.json [--basis p95] [--headroom 0.1] [--basis-for LPAR=BASIS[:HEADROOM]]...',
    '                            [--source-model MTM] [--name NAME] [--json]',
    '',
    `--basis        ${BASES.join(', ')} of the physical cores used (default p95)`,
    '--headroom     extra share on top of the basis (default 0.1 = 10 %)',
    '--basis-for    another basis (and headroom) for one LPAR, e.g. --basis-for erpdb01=peak:0.2; may be repeated',
    '--source-model the machine type-model of the server for files that do not say (e.g. 8286-42A)',
    '',
    'A damaged file is listed with its reason; the others are imported. Exit 0 when something was imported, 1 when nothing.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      basis: { type: 'string' },
      headroom: { type: 'string' },
      'source-model': { type: 'string' },
      'basis-for': { type: 'string', multiple: true },
      name: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    if (!values.out) throw new UsageError('--out PLAN.json is required');
    const basis = (values.basis ?? 'p95') as Basis;
    if (!BASES.includes(basis)) throw new UsageError(`--basis: "${values.basis}" is not one of ${BASES.join(', ')}`);
    const headroom = values.headroom === undefined ? 0.1 : Number(values.headroom);
    if (!(headroom >= 0 && headroom <= 5)) throw new UsageError(`--headroom: "${values.headroom}" is not a share between 0 and 5`);
    const perWorkload = new Map<string, { basis: Basis; headroom: number }>();
    for (const each of values['basis-for'] ?? []) {
      const match = /^(.+)=([a-z0-9]+)(?::([0-9.]+))?$/.exec(each);
      const chosen = match?.[2] as Basis | undefined;
      if (!match || !chosen || !BASES.includes(chosen)) throw new UsageError(`--basis-for: "${each}" is not LPAR=BASIS[:HEADROOM] with BASIS one of ${BASES.join(', ')}`);
      const own = match[3] === undefined ? headroom : Number(match[3]);
      if (!(own >= 0 && own <= 5)) throw new UsageError(`--basis-for: the headroom in "${each}" is not a share between 0 and 5`);
      perWorkload.set(match[1]!, { basis: chosen, headroom: own });
    }

    const started = performance.now();
    const result = await importFiles(positionals, {
      onProgress: (progress) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${progress.filesDone}/${progress.filesTotal} files ${progress.current}`.padEnd(70));
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(71) + '\r');
    const catalog = await openCatalog({ resourcesDir: io.resourcesDir, userDataDir: io.userDataDir });
    let imported;
    try {
      imported = toWorkloads(result.measurements, await catalog.snapshot(), { basis, headroom, ...(values['source-model'] ? { sourceModel: values['source-model'] } : {}) });
    } finally {
      await catalog.close();
    }
    const workloads = imported.flatMap((entry) => (entry.workload ? [entry.workload] : []));
    for (const [name, choice] of perWorkload) {
      const at = workloads.findIndex((workload) => workload.name === name);
      if (at < 0) throw new UsageError(`--basis-for: no imported LPAR is named "${name}"`);
      const rebased = rebaseWorkload(Workload.parse(workloads[at]), choice.basis, choice.headroom);
      if ('problem' in rebased) throw new UsageError(`--basis-for: ${rebased.problem}`);
      workloads[at] = rebased;
    }
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      io.stdout(`${JSON.stringify({ imported: imported.map((entry) => ({ lpar: entry.measurement.lparName, file: entry.measurement.file, source: entry.measurement.source, samples: entry.measurement.coresUsed.length, basisCores: entry.basisCores, confidence: entry.confidence, reasons: entry.confidenceReasons, problem: entry.problem })), damaged: result.damaged }, null, 2)}\n`);
    } else {
      const rows = imported.map((entry) => [
        entry.measurement.lparName,
        entry.measurement.source,
        entry.measurement.machineTypeModel ?? values['source-model'] ?? '—',
        String(entry.measurement.coresUsed.length || '—'),
        entry.confidence,
        entry.basisCores === null ? '—' : entry.basisCores.toFixed(3),
        entry.problem ?? `${entry.workload?.memoryGiB} GiB`,
      ]);
      io.stdout(`${formatTable(['LPAR', 'source', 'server', 'samples', 'confidence', `${basis} cores`, 'memory / problem'], rows, [3, 5])}\n`);
      for (const damaged of result.damaged) io.stdout(`DAMAGED ${damaged.file}: ${damaged.reason}\n`);
      io.stdout(`${workloads.length} workloads from ${imported.length} LPARs in ${(result.bytes / 1e6).toFixed(1)} MB (${(result.bytes / 1e6 / Math.max(seconds, 1e-3)).toFixed(1)} MB/s); ${result.damaged.length} damaged files\n`);
    }
    if (workloads.length === 0) {
      io.stderr('nothing to import: no LPAR could be turned into a workload\n');
      return 1;
    }
    const plan = { format: PLAN_FORMAT, version: PLAN_VERSION, name: values.name ?? 'Imported estate', workloads };
    const validation = validatePlan(plan);
    if (!validation.plan) {
      for (const problem of validation.problems) io.stderr(`${problem}\n`);
      return 1;
    }
    await writeFileAtomic(values.out, `${JSON.stringify(validation.plan, null, 2)}\n`);
    io.stderr(`wrote ${values.out}\n`);
    return 0;
  },
};
