// The report as one self-contained HTML file: inline styles, inline SVG charts, no script, no external URL.
// The PDF is printed from this same HTML, so the two never drift.
import { formatMessage } from '../common';
import { REPORT_TEXT, type ReportText, fill } from './i18n';
import type { ReportModel, ServerSection } from './model';

const COLOURS = ['#0f62fe', '#8a3ffc', '#009d9a', '#ee538b', '#1192e8', '#6929c4', '#005d5d', '#9f1853', '#fa4d56', '#198038'];
const VIOS_COLOUR = '#8d8d8d';
const HYPERVISOR_COLOUR = '#525252';
const FREE_COLOUR = '#e0e0e0';
const OTHERS_COLOUR = '#a8a8a8';
const RESERVE_COLOUR = '#f4f4f4';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

export function formatters(language: string) {
  // A value that is not finite is a bug upstream; the report shows it as unknown ("—"), never "Infinity" or "NaN".
  const number = (value: number, digits = 2) =>
    Number.isFinite(value) ? new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value) : '—';
  const percent = (value: number) =>
    Number.isFinite(value) ? new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value) : '—';
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  return { number, percent, date };
}

interface Segment {
  label: string;
  value: number;
  colour: string;
}

/** A horizontal stacked bar with a legend, as inline SVG. */
function stackedBar(title: string, segments: Segment[], total: number, unit: string, format: (value: number) => string): string {
  const width = 640;
  const barY = 26;
  const barHeight = 26;
  const scale = total > 0 ? width / total : 0;
  let x = 0;
  const rects = segments
    .filter((segment) => segment.value > 0)
    .map((segment) => {
      const w = segment.value * scale;
      const rect = `<rect x="${x.toFixed(2)}" y="${barY}" width="${w.toFixed(2)}" height="${barHeight}" fill="${segment.colour}" stroke="#ffffff" stroke-width="0.5"><title>${escapeHtml(segment.label)}: ${format(segment.value)} ${unit}</title></rect>`;
      x += w;
      return rect;
    })
    .join('');
  const legendItems = segments.filter((segment) => segment.value > 0);
  const legend = legendItems
    .map((segment, index) => {
      const column = index % 3;
      const row = Math.floor(index / 3);
      return `<g transform="translate(${column * 215},${barY + barHeight + 14 + row * 16})"><rect width="10" height="10" fill="${segment.colour}" stroke="#8d8d8d" stroke-width="0.5"/><text x="14" y="9" font-size="10">${escapeHtml(segment.label)} ${format(segment.value)}</text></g>`;
    })
    .join('');
  const height = barY + barHeight + 20 + Math.ceil(legendItems.length / 3) * 16;
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}"><text x="0" y="14" font-size="12" font-weight="600">${escapeHtml(title)}</text>${rects}${legend}</svg></figure>`;
}

/** Legends stay readable (and a chart fits on a page): beyond this many clients the smallest are shown as one. */
const MAX_CHART_CLIENTS = 24;

/** One segment per VIOS and client partition, the smallest clients grouped when there are many; the table lists them all. */
function partitionSegments(server: ServerSection, valueOf: (partition: ServerSection['partitions'][number]) => number, text: ReportText): Segment[] {
  const vios = server.partitions.filter((partition) => partition.role === 'vios');
  let clients = server.partitions.filter((partition) => partition.role !== 'vios');
  let others: Segment | null = null;
  if (clients.length > MAX_CHART_CLIENTS) {
    const bySize = [...clients].sort((a, b) => valueOf(b) - valueOf(a));
    clients = bySize.slice(0, MAX_CHART_CLIENTS - 1);
    const rest = bySize.slice(MAX_CHART_CLIENTS - 1);
    others = { label: fill(text.otherPartitions, { count: rest.length }), value: rest.reduce((sum, partition) => sum + valueOf(partition), 0), colour: OTHERS_COLOUR };
  }
  return [
    ...vios.map((partition) => ({ label: partition.name, value: valueOf(partition), colour: VIOS_COLOUR })),
    ...clients.map((partition, index) => ({ label: partition.name, value: valueOf(partition), colour: COLOURS[index % COLOURS.length]! })),
    ...(others ? [others] : []),
  ];
}

function processorChart(server: ServerSection, target: number, text: ReportText, format: (value: number) => string): string {
  const segments = partitionSegments(server, (partition) => partition.entitledCapacity ?? partition.dedicatedCores ?? 0, text);
  const used = segments.reduce((sum, segment) => sum + segment.value, 0);
  const targetCores = target * server.activeCores;
  segments.push({ label: text.free, value: Math.max(0, targetCores - used), colour: FREE_COLOUR });
  segments.push({ label: text.reserve, value: Math.max(0, server.activeCores - Math.max(used, targetCores)), colour: RESERVE_COLOUR });
  return stackedBar(text.processorChart, segments, server.activeCores, '', format);
}

function memoryChart(server: ServerSection, text: ReportText, format: (value: number) => string): string {
  const segments = partitionSegments(server, (partition) => partition.memoryGiB, text);
  segments.push({ label: text.hypervisor, value: server.hypervisorMemoryGiB, colour: HYPERVISOR_COLOUR });
  const used = segments.reduce((sum, segment) => sum + segment.value, 0);
  segments.push({ label: text.free, value: Math.max(0, server.memoryGiB - used), colour: FREE_COLOUR });
  return stackedBar(text.memoryChart, segments, server.memoryGiB, 'GiB', format);
}

function growthChart(model: ReportModel, text: ReportText, format: (value: number) => string): string {
  const { constraints } = model.plan;
  const years = Math.max(constraints.horizonYears, 1);
  const now = model.servers.reduce((sum, server) => sum + server.demandCoresNow, 0);
  const capacity = model.servers.reduce((sum, server) => sum + server.activeCores, 0) * constraints.targetCpuUtilization;
  const points = Array.from({ length: years + 1 }, (_, year) => now * (1 + constraints.growthPerYear) ** year);
  const max = Math.max(capacity, ...points) * 1.1 || 1;
  const width = 640;
  const height = 200;
  const left = 50;
  const bottom = 170;
  const x = (year: number) => left + ((width - left - 20) * year) / years;
  const y = (value: number) => bottom - ((bottom - 20) * value) / max;
  const line = points.map((value, year) => `${x(year).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const ticks = points.map((_, year) => `<text x="${x(year)}" y="${bottom + 16}" font-size="10" text-anchor="middle">${year}</text>`).join('');
  const labels = points.map((value, year) => `<text x="${x(year)}" y="${y(value) - 6}" font-size="9" text-anchor="middle">${format(value)}</text>`).join('');
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 10}" width="100%" role="img" aria-label="${escapeHtml(text.growthChart)}">
<text x="0" y="12" font-size="12" font-weight="600">${escapeHtml(text.growthChart)}</text>
<line x1="${left}" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#8d8d8d"/>
<line x1="${left}" y1="${y(capacity)}" x2="${width - 10}" y2="${y(capacity)}" stroke="#da1e28" stroke-dasharray="6 4"/>
<text x="${width - 12}" y="${y(capacity) - 4}" font-size="10" text-anchor="end" fill="#da1e28">${escapeHtml(text.capacityLine)} ${format(capacity)}</text>
<polyline points="${line}" fill="none" stroke="#0f62fe" stroke-width="2"/>${labels}${ticks}
<text x="${left}" y="${bottom + 30}" font-size="10" fill="#0f62fe">— ${escapeHtml(text.demandLine)}</text></svg></figure>`;
}

const STYLES = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: 'IBM Plex Sans', 'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif; color: #161616; font-size: 10.5pt; line-height: 1.4; margin: 0; }
h1 { font-size: 22pt; font-weight: 400; margin: 0 0 6mm; }
h2 { font-size: 14pt; font-weight: 600; margin: 8mm 0 3mm; border-bottom: 2px solid #0f62fe; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
section.major { break-before: page; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .brand { color: #0f62fe; font-weight: 600; letter-spacing: 0.05em; }
.cover dl { display: grid; grid-template-columns: 40mm auto; row-gap: 2mm; margin-top: 10mm; }
.cover dt { color: #525252; } .cover dd { margin: 0; }
.cover img { max-width: 60mm; max-height: 25mm; margin-bottom: 8mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
thead { display: table-header-group; }
tr, figure, .block { break-inside: avoid; }
th, td { border-bottom: 1px solid #c6c6c6; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #f4f4f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.vios td { color: #525252; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
.kpi { border: 1px solid #c6c6c6; padding: 3mm; break-inside: avoid; }
.kpi .value { font-size: 15pt; } .kpi .label { color: #525252; font-size: 9pt; }
.muted { color: #525252; }
figure.chart { margin: 2mm 0 4mm; }
ul.warnings li, ul.why li { margin-bottom: 1mm; }
nav.toc ol { padding-left: 5mm; } nav.toc li { display: flex; gap: 2mm; margin-bottom: 1.5mm; } nav.toc a { color: #161616; text-decoration: none; flex: 1; border-bottom: 1px dotted #c6c6c6; } nav.toc .page { min-width: 8mm; text-align: right; }
.ok { color: #198038; } .bad { color: #da1e28; }
`;

/** Each partition measured on an older server: from where, to which server, live or not, in which mode, with which VIOS. */
function migrationHtml(model: ReportModel, text: ReportText): string {
  const moves = model.solution.migrations ?? [];
  if (moves.length === 0) return `<p>${text.migrationNone}</p>`;
  const rows = moves
    .map((move) => `<tr data-partition="${escapeHtml(move.partition)}"><td>${escapeHtml(move.partition)}</td><td>${escapeHtml(`${move.sourceModel} (${move.sourceGeneration})`)}</td><td>${escapeHtml(`${move.server} (${move.targetGeneration})`)}</td><td>${move.live ? text.live : text.outage}</td><td data-field="mode">${escapeHtml(move.mode ?? '—')}</td><td>${escapeHtml(move.viosMinimum ?? '—')}</td></tr>`)
    .join('');
  const said = moves.map((move) => `<li>${escapeHtml(formatMessage(move.message, model.options.language))}</li>`).join('');
  return `<p>${text.migrationIntro}</p><table><thead><tr><th>${text.partition}</th><th>${text.sourceServer}</th><th>${text.targetServer}</th><th></th><th>${text.compatibilityMode}</th><th>${text.viosMinimum}</th></tr></thead><tbody>${rows}</tbody></table><ul>${said}</ul>`;
}

export function renderHtml(model: ReportModel): string {
  const { options, plan, solution } = model;
  const text = REPORT_TEXT[options.language];
  const { number, percent, date } = formatters(options.language);
  const n2 = (value: number) => number(value, 2);
  const n0 = (value: number) => number(value, 0);
  const { constraints } = plan;
  const currency = options.editions?.generations.flatMap((g) => g.options).find((o) => o.currency)?.currency ?? '';

  const sections: Array<{ id: string; title: string; html: string }> = [];
  sections.push({
    id: 'summary',
    title: text.summary,
    html: `<div class="kpis">
<div class="kpi"><div class="value" data-field="servers">${n0(model.totals.servers)}</div><div class="label">${text.servers}</div></div>
<div class="kpi"><div class="value" data-field="licensed-cores">${n0(model.totals.licensedCores)}</div><div class="label">${text.licensedCores}</div></div>
<div class="kpi"><div class="value">${model.totals.cost === null ? '—' : `${n0(model.totals.cost)} ${escapeHtml(currency)}`}</div><div class="label">${text.cost}${model.totals.cost === null ? ` — ${text.costUnknown}` : ''}</div></div>
<div class="kpi"><div class="value" data-field="peak-cpu-now">${percent(model.totals.peakCpuNow)}</div><div class="label">${text.peakCpu}, ${text.now}</div></div>
<div class="kpi"><div class="value" data-field="peak-cpu">${percent(model.totals.peakCpuAtHorizon)}</div><div class="label">${text.peakCpu}, ${fill(text.atHorizon, { years: constraints.horizonYears })}</div></div>
<div class="kpi"><div class="value">${percent(model.totals.peakMemory)}</div><div class="label">${text.peakMemory}</div></div>
</div>
<table><tbody>
<tr><th>${text.models}</th><td>${model.totals.models.map(escapeHtml).join('<br>')}</td></tr>
<tr><th>${text.edition}</th><td>${model.totals.editions.map(escapeHtml).join('<br>')}</td></tr>
<tr><th>${text.objective}</th><td>${escapeHtml(solution.objective)} — ${escapeHtml(fill(text.bounds, { servers: solution.bounds.serversLowerBound, cores: n2(solution.bounds.coresLowerBound), gap: percent(solution.bounds.gap), proven: solution.bounds.provenOptimal ? text.proven : '' }))}</td></tr>
</tbody></table>
${model.servers.length > 0 ? growthChart(model, text, n2) : ''}`,
  });
  sections.push({
    id: 'assumptions',
    title: text.assumptions,
    html: `<table><tbody>
<tr><th>${text.targets}</th><td>${fill(text.targetsValue, { cpu: percent(constraints.targetCpuUtilization), memory: percent(constraints.targetMemoryUtilization) })}</td></tr>
<tr><th>${text.growth}</th><td>${fill(text.growthValue, { rate: percent(constraints.growthPerYear), years: constraints.horizonYears, factor: number(model.growthFactor, 3) })}</td></tr>
<tr><th>${text.redundancy}</th><td>${escapeHtml(constraints.redundancy)}</td></tr>
<tr><th>${text.peakSharing}</th><td>${constraints.peakSharing === 'time-of-day' ? text.peakSharingTimeOfDay : text.peakSharingNone}</td></tr>
<tr><th>${text.viosLayout}</th><td>${escapeHtml(constraints.vios)} (VIOS ${escapeHtml(constraints.viosVersion)})</td></tr>
<tr><th>${text.catalogVersion}</th><td>${escapeHtml(options.catalogVersion)}</td></tr>
</tbody></table>
<h3>${text.method}</h3><p>${escapeHtml(text.methodText)}</p>
<h3>${text.warnings}</h3><ul class="warnings">${solution.warnings.map((warning) => `<li>${escapeHtml(formatMessage(warning, options.language))}</li>`).join('') || `<li>${text.none}</li>`}</ul>
<h3>${text.catalogRules}</h3><ul class="catalog-rules">${(solution.catalogNotes ?? []).map((note) => `<li>${escapeHtml(formatMessage(note, options.language))}</li>`).join('') || `<li>${text.none}</li>`}</ul>`,
  });
  for (const server of model.servers) {
    const rows = server.partitions
      .map(
        (partition) => `<tr class="${partition.role}" data-partition="${escapeHtml(partition.name)}"><td>${escapeHtml(partition.name)}</td><td>${partition.role === 'vios' ? text.vios : escapeHtml(partition.os)}</td><td>${partition.mode}</td><td class="num">${partition.entitledCapacity !== undefined ? n2(partition.entitledCapacity) : `${n0(partition.dedicatedCores ?? 0)}`}</td><td class="num">${partition.virtualProcessors ?? '—'}</td><td class="num">${n2(partition.memoryGiB)}</td><td class="num">${n2(partition.demandCores)}</td></tr>`,
      )
      .join('');
    sections.push({
      id: `server-${server.id}`,
      title: `${text.server} ${server.id}: ${server.modelName}`,
      html: `<table class="block"><tbody>
<tr><th>${text.configuration}</th><td>${escapeHtml(server.model)} · ${escapeHtml(server.configuration)}</td><th>${text.edition}</th><td>${escapeHtml(server.generation)} ${escapeHtml(server.edition)}</td></tr>
<tr><th>${text.cores}</th><td class="num" data-field="cores">${n0(server.activeCores)}</td><th>${text.memory}</th><td class="num" data-field="memory">${n0(server.memoryGiB)}</td></tr>
<tr><th>${text.utilisation}</th><td>${percent(server.cpuUtilisation)} / ${percent(server.memoryUtilisation)}</td><th>${text.hypervisorMemory}</th><td class="num">${n2(server.hypervisorMemoryGiB)}</td></tr>
<tr><th>${text.ibmiTier}</th><td data-field="ibmi-tier">${escapeHtml(server.ibmiTier ?? text.ibmiTierUnknown)}</td><th>${text.memoryModules}</th><td data-field="memory-modules">${escapeHtml(server.memoryModules ?? '—')}</td></tr>
</tbody></table>
<table class="partitions"><thead><tr><th>${text.partition}</th><th>${text.os}</th><th>${text.mode}</th><th class="num">${text.ecOrCores}</th><th class="num">${text.vps}</th><th class="num">${text.memoryGiB}</th><th class="num">${text.demand}</th></tr></thead><tbody>${rows}</tbody></table>
${processorChart(server, constraints.targetCpuUtilization, text, n2)}
${memoryChart(server, text, n2)}
<h3>${text.whyServer}</h3><ul class="why">${server.explanation.map((line) => `<li>${escapeHtml(formatMessage(line, options.language))}</li>`).join('')}</ul>`,
    });
  }
  if (options.editions) {
    const blocks = options.editions.generations
      .map(
        (generation) => `<h3>${escapeHtml(generation.generation)}</h3>${generation.singleEditionNote ? `<p class="muted">${escapeHtml(generation.singleEditionNote)}</p>` : ''}
<table><thead><tr><th>${text.edition}</th><th></th><th class="num">${text.servers}</th><th class="num">${text.licensedCores}</th><th class="num">${text.cost}</th><th>${text.reason}</th></tr></thead><tbody>${generation.options
          .map(
            (option) => `<tr><td>${escapeHtml(option.edition)}${option.recommended ? ` (${text.recommended})` : ''}</td><td class="${option.feasible ? 'ok' : 'bad'}">${option.feasible ? text.feasible : text.notFeasible}</td><td class="num">${option.servers ?? '—'}</td><td class="num">${option.licensedCores ?? '—'}</td><td class="num">${option.cost === null ? '—' : `${n0(option.cost)} ${escapeHtml(option.currency ?? '')}`}</td><td>${[...option.violations.map((v) => v.message), option.cost === null ? option.costNote : ''].filter(Boolean).map(escapeHtml).join('<br>')}</td></tr>`,
          )
          .join('')}</tbody></table>`,
      )
      .join('');
    const perModel = (options.editions.catalogNotes ?? []).map((note) => `<p>${escapeHtml(formatMessage(note, options.language))}</p>`).join('');
    sections.push({ id: 'editions', title: text.editions, html: blocks + perModel + options.editions.notes.map((note) => `<p class="muted">${escapeHtml(note)}</p>`).join('') });
  }
  sections.push({ id: 'migration', title: text.migration, html: migrationHtml(model, text) });
  sections.push({
    id: 'unplaced',
    title: text.unplaced,
    html:
      solution.unplaced.length === 0
        ? `<p>${text.none}</p>`
        : `<table><thead><tr><th>${text.workload}</th><th>${text.reason}</th></tr></thead><tbody>${solution.unplaced.map((entry) => `<tr><td>${escapeHtml(entry.name)}</td><td>${escapeHtml([entry.reason, ...entry.details].map((each) => formatMessage(each, options.language)).join(': '))}</td></tr>`).join('')}</tbody></table>` +
          (solution.alternatives.length ? '' : ''),
  });
  if (solution.alternatives.length > 0) {
    sections.push({
      id: 'alternatives',
      title: text.alternatives,
      html: `<table><thead><tr><th>${text.models}</th><th class="num">${text.servers}</th><th class="num">${text.licensedCores}</th><th class="num">${text.cost}</th></tr></thead><tbody>${solution.alternatives.map((alternative) => `<tr><td>${escapeHtml(formatMessage(alternative.description, options.language))}</td><td class="num">${alternative.servers}</td><td class="num">${alternative.licensedCores}</td><td class="num">${alternative.cost === null ? '—' : n0(alternative.cost)}</td></tr>`).join('')}</tbody></table>`,
    });
  }
  sections.push({
    id: 'appendix',
    title: text.appendix,
    html: `<table><thead><tr><th>${text.workload}</th><th>${text.os}</th><th>${text.cpuDemand}</th><th class="num">${text.memoryGiB}</th><th>${text.mode}</th><th class="num">${text.count}</th><th>${text.confidence}</th></tr></thead><tbody>${plan.workloads
      .map((workload) => {
        const cpu = workload.cpu;
        const demand = cpu.kind === 'rperf' ? `${n2(cpu.rperf)} rPerf` : cpu.kind === 'cpw' ? `${n0(cpu.cpw)} CPW` : cpu.kind === 'measured' ? `${n2(cpu.cores)} × ${percent(cpu.utilization)} @ ${escapeHtml(cpu.model)}` : `${n2(cpu.cores)} cores`;
        return `<tr><td>${escapeHtml(workload.name)}</td><td>${workload.os}</td><td>${demand}</td><td class="num">${n2(workload.memoryGiB)}</td><td>${workload.processorMode}</td><td class="num">${workload.count}</td><td>${workload.measurement ? `${escapeHtml(workload.measurement.confidence)} (${escapeHtml(workload.measurement.source)}, ${escapeHtml(workload.measurement.basis)}${workload.measurement.memoryBasis ? `, ${escapeHtml(workload.measurement.memoryBasis === 'measured' ? text.memoryMeasured : text.memoryConfigured)}` : ''})` : '—'}</td></tr>`;
      })
      .join('')}</tbody></table>`,
  });

  const cover = `<section class="cover">
${options.logoDataUrl ? `<img src="${escapeHtml(options.logoDataUrl)}" alt="">` : ''}
<div class="brand">PowerVM Sizer</div>
<h1>${escapeHtml(text.title)}: ${escapeHtml(model.planName)}</h1>
<dl>
${options.customer ? `<dt>${text.preparedFor}</dt><dd data-field="customer">${escapeHtml(options.customer)}</dd>` : ''}
${options.author ? `<dt>${text.preparedBy}</dt><dd>${escapeHtml(options.author)}</dd>` : ''}
<dt>${text.date}</dt><dd>${date(options.date)}</dd>
<dt>${text.catalogVersion}</dt><dd>${escapeHtml(options.catalogVersion)}</dd>
</dl></section>`;
  const wanted = options.sections ? new Set<string>(options.sections) : null;
  const included = wanted ? sections.filter((section) => wanted.has(section.id.startsWith('server-') ? 'servers' : section.id)) : sections;
  const pageOf = (id: string) => options.tocPages?.[id];
  const toc = `<section class="major"><nav class="toc"><h2>${text.contents}</h2><ol>${included.map((section) => `<li data-toc="${section.id}"><a href="#${section.id}">${escapeHtml(section.title)}</a><span class="page" data-toc-page="${section.id}">${pageOf(section.id) ?? ''}</span></li>`).join('')}</ol></nav></section>`;
  const body = included.map((section, index) => `<section id="${section.id}" data-title="${escapeHtml(section.title)}" class="${index === 0 || section.id === 'assumptions' || section.id.startsWith('server-') || section.id === 'appendix' ? 'major' : ''}"><h2>${escapeHtml(section.title)}</h2>${section.html}</section>`).join('\n');
  return `<!doctype html>
<html lang="${options.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PowerVM Sizer"><title>${escapeHtml(text.title)}: ${escapeHtml(model.planName)}</title>
<style>${STYLES}</style></head>
<body>${cover}${toc}${body}</body></html>
`;
}
