// The report as a workbook an engineer can keep working in: real numbers with formats, frozen headers, filters.
import ExcelJS from 'exceljs';
import { REPORT_TEXT, fill } from './i18n';
import { type ReportModel, say } from './model';

type Column = { header: string; key: string; width: number; numFmt?: string };

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Array<Record<string, unknown>>,
): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F4F4' } };
  for (const row of rows) worksheet.addRow(row);
  if (rows.length > 0) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return worksheet;
}

export async function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  const text = REPORT_TEXT[model.options.language];
  const { plan, solution, presentation } = model;
  const { totals } = presentation;
  const language = model.options.language;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PowerVM Sizer';
  workbook.created = new Date(model.options.date);
  const PERCENT = '0.0%';
  const CORES = '0.00';
  const GIB = '#,##0.00';

  sheet(
    workbook,
    'Summary',
    [
      { header: text.columns.item, key: 'item', width: 36 },
      { header: text.columns.value, key: 'value', width: 60 },
    ],
    [
      { item: text.title, value: model.planName },
      { item: text.preparedFor, value: model.options.customer ?? '' },
      { item: text.date, value: model.options.date.slice(0, 10) },
      { item: text.catalogVersion, value: model.options.catalogVersion },
      { item: text.servers, value: totals.servers },
      { item: text.licensedCores, value: totals.licensedCores },
      { item: text.models, value: totals.models.map((entry) => say(entry, language, presentation.terms)).join('; ') },
      { item: text.edition, value: totals.editions.join('; ') },
      { item: text.cost, value: totals.cost === null ? `— (${text.costUnknown})` : totals.cost.amount },
      { item: `${text.peakCpu} (${text.now})`, value: totals.peakCpuNow },
      {
        item: `${text.peakCpu} (${fill(text.atHorizon, { years: plan.constraints.horizonYears })})`,
        value: totals.peakCpuAtHorizon,
      },
      { item: text.peakMemory, value: totals.peakMemory },
      { item: text.demandToday, value: totals.demandCoresNow },
      { item: text.demandAtHorizon, value: totals.demandCoresAtHorizon },
      { item: text.capacityAtTarget, value: totals.capacityCoresAtTarget },
      {
        item: text.optimality,
        value: `${say(presentation.optimality.headline, language, presentation.terms)}: ${say(presentation.optimality.explanation, language, presentation.terms)}`,
      },
    ],
  );
  const summary = workbook.getWorksheet('Summary')!;
  for (const rowNumber of [11, 12, 13]) summary.getRow(rowNumber).getCell(2).numFmt = PERCENT;
  for (const rowNumber of [14, 15, 16]) summary.getRow(rowNumber).getCell(2).numFmt = CORES;
  // Money carries its currency in the cell's format, so the figure stays a number.
  if (totals.cost?.currency) summary.getRow(10).getCell(2).numFmt = `#,##0 "${totals.cost.currency}"`;

  sheet(
    workbook,
    'Servers',
    [
      { header: text.columns.server, key: 'id', width: 12 },
      { header: text.columns.model, key: 'model', width: 12 },
      { header: text.columns.modelName, key: 'modelName', width: 24 },
      { header: text.columns.generation, key: 'generation', width: 11 },
      { header: text.columns.configuration, key: 'configuration', width: 34 },
      { header: text.columns.activeCores, key: 'activeCores', width: 12, numFmt: '0' },
      { header: text.columns.licensedCores, key: 'licensedCores', width: 13, numFmt: '0' },
      { header: text.columns.memoryGiB, key: 'memoryGiB', width: 12, numFmt: '#,##0' },
      { header: text.columns.hypervisorMemoryGiB, key: 'hypervisorMemoryGiB', width: 20, numFmt: GIB },
      { header: text.columns.edition, key: 'edition', width: 12 },
      { header: text.columns.cpuUtilization, key: 'cpuUtilisation', width: 14, numFmt: PERCENT },
      { header: text.columns.memoryUtilization, key: 'memoryUtilisation', width: 17, numFmt: PERCENT },
      { header: text.columns.cost, key: 'cost', width: 14, numFmt: '#,##0.00' },
      { header: text.columns.currency, key: 'currency', width: 9 },
      { header: text.columns.serverName, key: 'name', width: 12 },
      { header: text.ibmiTier, key: 'ibmiTier', width: 12 },
      { header: text.memoryModules, key: 'memoryModules', width: 26 },
    ],
    presentation.servers.map((server) => ({
      ...server,
      name: say(server.name, language, presentation.terms),
      configuration: say(server.configurationLabel, language, presentation.terms),
      cost: server.cost?.amount ?? null,
      currency: server.cost?.currency ?? null,
    })),
  );

  sheet(
    workbook,
    'Partitions',
    [
      { header: text.columns.server, key: 'server', width: 12 },
      { header: text.columns.model, key: 'model', width: 12 },
      { header: text.columns.configuration, key: 'configuration', width: 28 },
      { header: text.columns.partition, key: 'partition', width: 22 },
      { header: text.columns.role, key: 'role', width: 8 },
      { header: text.columns.os, key: 'os', width: 8 },
      { header: text.columns.mode, key: 'mode', width: 10 },
      { header: text.columns.entitledCapacity, key: 'entitledCapacity', width: 16, numFmt: CORES },
      { header: text.columns.dedicatedCores, key: 'dedicatedCores', width: 15, numFmt: '0' },
      { header: text.columns.virtualProcessors, key: 'virtualProcessors', width: 17, numFmt: '0' },
      { header: text.columns.memoryGiB, key: 'memoryGiB', width: 12, numFmt: GIB },
      { header: text.columns.demandCores, key: 'demandCores', width: 13, numFmt: '0.0000' },
    ],
    model.partitionRows.map((row) => ({
      ...row,
      role: text.roles[row.role],
      os: text.osNames[row.os],
      mode: text.modes[row.mode],
    })),
  );

  sheet(
    workbook,
    'Workloads',
    [
      { header: text.columns.name, key: 'name', width: 24 },
      { header: text.columns.os, key: 'os', width: 8 },
      { header: text.columns.rperf, key: 'rperf', width: 10, numFmt: '0.0' },
      { header: text.columns.cpw, key: 'cpw', width: 10, numFmt: '#,##0' },
      { header: text.columns.cores, key: 'cores', width: 8, numFmt: '0.00' },
      { header: text.columns.sourceModel, key: 'sourceModel', width: 12 },
      { header: text.columns.utilization, key: 'utilization', width: 11, numFmt: PERCENT },
      { header: text.columns.memoryGiB, key: 'memoryGiB', width: 12, numFmt: GIB },
      { header: text.columns.processorMode, key: 'processorMode', width: 14 },
      { header: text.columns.count, key: 'count', width: 7, numFmt: '0' },
      { header: text.columns.features, key: 'features', width: 16 },
      { header: text.columns.haGroup, key: 'haGroup', width: 12 },
      { header: text.columns.placed, key: 'placed', width: 30 },
      { header: text.columns.measuredConfidence, key: 'confidence', width: 18 },
    ],
    plan.workloads.map((workload) => {
      const cpu = workload.cpu;
      const instances =
        workload.count > 1
          ? Array.from({ length: workload.count }, (_, index) => `${workload.name}-${index + 1}`)
          : [workload.name];
      const placed = instances.map((name) => {
        const index = solution.servers.findIndex((server) =>
          server.partitions.some((partition) => partition.workload === name),
        );
        return index < 0 ? text.unplaced : say(presentation.servers[index]!.name, language, presentation.terms);
      });
      return {
        name: workload.name,
        os: text.osNames[workload.os],
        rperf: cpu.kind === 'rperf' ? cpu.rperf : null,
        cpw: cpu.kind === 'cpw' ? cpu.cpw : null,
        cores: cpu.kind === 'cores' || cpu.kind === 'measured' ? cpu.cores : null,
        sourceModel: cpu.kind === 'measured' ? cpu.model : null,
        utilization: cpu.kind === 'measured' ? cpu.utilization : null,
        memoryGiB: workload.memoryGiB,
        processorMode: text.modes[workload.processorMode],
        count: workload.count,
        features: workload.features.join(', '),
        haGroup: workload.haGroup ?? '',
        placed: [...new Set(placed)].join(', '),
        confidence: workload.measurement
          ? `${text.confidenceValues[workload.measurement.confidence]} (${workload.measurement.source}, ${text.basisValues[workload.measurement.basis]}${workload.measurement.memoryBasis ? `, ${workload.measurement.memoryBasis === 'measured' ? text.memoryMeasured : text.memoryConfigured}` : ''})`
          : '',
      };
    }),
  );

  sheet(
    workbook,
    'Editions',
    [
      { header: text.columns.generation, key: 'generation', width: 11 },
      { header: text.columns.edition, key: 'edition', width: 12 },
      { header: text.columns.feasible, key: 'feasible', width: 9 },
      { header: text.columns.recommended, key: 'recommended', width: 12 },
      { header: text.columns.servers, key: 'servers', width: 9, numFmt: '0' },
      { header: text.columns.licensedCores, key: 'licensedCores', width: 13, numFmt: '0' },
      { header: text.columns.cost, key: 'cost', width: 14, numFmt: '#,##0.00' },
      { header: text.columns.currency, key: 'currency', width: 9 },
      { header: text.columns.missingFeatures, key: 'missingFeatures', width: 18 },
      { header: text.columns.why, key: 'why', width: 60 },
    ],
    (model.options.editions?.generations ?? []).flatMap((generation) =>
      generation.options.map((option) => ({
        ...option,
        missingFeatures: option.missingFeatures.join(', '),
        why: [
          ...option.violations.map((violation) => say(violation.message, language, presentation.terms)),
          say(option.costNote, language, presentation.terms),
        ].join('; '),
      })),
    ),
  );

  const constraints = plan.constraints;
  sheet(
    workbook,
    'Assumptions',
    [
      { header: text.columns.assumption, key: 'name', width: 32 },
      { header: text.columns.value, key: 'value', width: 100 },
    ],
    [
      { name: `${text.targets}: ${text.cpuTarget}`, value: constraints.targetCpuUtilization },
      { name: `${text.targets}: ${text.memoryTarget}`, value: constraints.targetMemoryUtilization },
      { name: text.growthPerYear, value: constraints.growthPerYear },
      { name: text.horizonYears, value: constraints.horizonYears },
      { name: text.redundancy, value: text.redundancyValues[constraints.redundancy] },
      {
        name: text.peakSharing,
        value: constraints.peakSharing === 'time-of-day' ? text.peakSharingTimeOfDay : text.peakSharingNone,
      },
      { name: text.viosLayout, value: `${text.viosValues[constraints.vios]} (VIOS ${constraints.viosVersion})` },
      { name: text.lmb, value: constraints.lmbMiB },
      { name: text.objective, value: say(presentation.objectiveLabel, language, presentation.terms) },
      { name: text.catalogVersion, value: model.options.catalogVersion },
      ...presentation.warnings.map((group, index) => ({
        name: fill(text.warningNumber, { number: index + 1 }),
        value: `${group.count > 1 ? `${fill(text.times, { count: group.count })} ` : ''}${say(group.text, language, presentation.terms)}${group.listed || group.workloads.length === 0 ? '' : ` (${group.workloads.join(', ')})`}`,
      })),
    ],
  );
  const assumptions = workbook.getWorksheet('Assumptions')!;
  for (const rowNumber of [2, 3, 4]) assumptions.getRow(rowNumber).getCell(2).numFmt = PERCENT;

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
