// The report as one self-contained HTML file: inline styles, inline SVG charts, no script, no external URL.
// The PDF is printed from this same HTML, so the two never drift.
import type { Message } from '../common';
import { REPORT_TEXT, type ReportLanguage, type ReportText, fill } from './i18n';
import { type ReportModel, say } from './model';
import type { GrowthSeries, Money, Segment, Terms, Text } from './presentation-schema';
import { nameIn, sayParts } from '../common';

const COLOURS = [
  '#0f62fe',
  '#8a3ffc',
  '#009d9a',
  '#ee538b',
  '#1192e8',
  '#6929c4',
  '#005d5d',
  '#9f1853',
  '#fa4d56',
  '#198038',
];
const VIOS_COLOUR = '#8d8d8d';
const HYPERVISOR_COLOUR = '#525252';
const FREE_COLOUR = '#e0e0e0';
const OTHERS_COLOUR = '#a8a8a8';
const RESERVE_COLOUR = '#f4f4f4';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

export function formatters(language: string) {
  // A value that is not finite is a bug upstream; the report shows it as unknown ("—"), never "Infinity" or "NaN".
  const number = (value: number, digits = 2) =>
    Number.isFinite(value)
      ? new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value)
      : '—';
  const percent = (value: number) =>
    Number.isFinite(value)
      ? new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value)
      : '—';
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  return { number, percent, date };
}

const SEGMENT_COLOURS: Record<Exclude<Segment['kind'], 'client'>, string> = {
  vios: VIOS_COLOUR,
  others: OTHERS_COLOUR,
  free: FREE_COLOUR,
  reserve: RESERVE_COLOUR,
  hypervisor: HYPERVISOR_COLOUR,
};

/** A horizontal stacked bar with a legend, as inline SVG. */
/**
 * A text as HTML in the report's language. IBM's verbatim quotations stay English, marked lang="en" as quotations; a
 * plain sentence (a producer that emits no message code yet) is tagged as untranslated English, never passed off.
 */
function textHtml(text: Text, language: ReportLanguage, terms: Terms): string {
  if (typeof text === 'string')
    return language === 'en' ? escapeHtml(text) : `<span lang="en" data-untranslated>${escapeHtml(text)}</span>`;
  return sayParts(text, language, terms)
    .map((part) =>
      part.quotation && language !== 'en'
        ? `<span lang="en" class="quotation">${escapeHtml(part.text)}</span>`
        : escapeHtml(part.text),
    )
    .join('');
}

function stackedBar(
  title: string,
  segments: Segment[],
  total: number,
  language: ReportLanguage,
  format: (value: number) => string,
): string {
  const width = 640;
  const barY = 26;
  const barHeight = 26;
  const scale = total > 0 ? width / total : 0;
  let clientIndex = 0;
  const shown = segments
    .filter((segment) => segment.value > 0)
    .map((segment) => ({
      label: say(segment.label, language),
      value: segment.value,
      colour: segment.kind === 'client' ? COLOURS[clientIndex++ % COLOURS.length]! : SEGMENT_COLOURS[segment.kind],
    }));
  let x = 0;
  const rects = shown
    .map((segment) => {
      const w = segment.value * scale;
      const rect = `<rect x="${x.toFixed(2)}" y="${barY}" width="${w.toFixed(2)}" height="${barHeight}" fill="${segment.colour}" stroke="#ffffff" stroke-width="0.5"><title>${escapeHtml(segment.label)}: ${format(segment.value)}</title></rect>`;
      x += w;
      return rect;
    })
    .join('');
  const legend = shown
    .map((segment, index) => {
      const column = index % 3;
      const row = Math.floor(index / 3);
      return `<g transform="translate(${column * 215},${barY + barHeight + 14 + row * 16})"><rect width="10" height="10" fill="${segment.colour}" stroke="#8d8d8d" stroke-width="0.5"/><text x="14" y="9" font-size="10">${escapeHtml(segment.label)} ${format(segment.value)}</text></g>`;
    })
    .join('');
  const height = barY + barHeight + 20 + Math.ceil(shown.length / 3) * 16;
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}"><text x="0" y="14" font-size="12" font-weight="600">${escapeHtml(title)}</text>${rects}${legend}</svg></figure>`;
}

/**
 * Demand by year against the capacity line, from the presentation model's series (the same the summary states). The
 * capacity label sits right of the plot and a value label flips below its point near the line, so none overlap.
 */
function growthChart(growth: GrowthSeries, text: ReportText, format: (value: number) => string): string {
  const years = Math.max(growth.years.length - 1, 1);
  const max = Math.max(growth.capacityCores, ...growth.demandCores) * 1.15 || 1;
  const width = 640;
  const height = 200;
  const left = 40;
  const right = 500;
  const bottom = 170;
  const top = 24;
  const x = (year: number) => left + 12 + ((right - left - 24) * year) / years;
  const y = (value: number) => bottom - ((bottom - top) * value) / max;
  const capacityY = y(growth.capacityCores);
  const line = growth.demandCores.map((value, year) => `${x(year).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const ticks = growth.years
    .map((year) => `<text x="${x(year)}" y="${bottom + 16}" font-size="10" text-anchor="middle">${year}</text>`)
    .join('');
  const labels = growth.demandCores
    .map((value, year) => {
      const at = y(value);
      const below = Math.abs(at - 6 - capacityY) < 12 || at - 6 < top;
      return `<text x="${x(year)}" y="${(below ? at + 14 : at - 6).toFixed(1)}" font-size="9" text-anchor="middle" data-demand="${value}">${format(value)}</text>`;
    })
    .join('');
  const points = growth.demandCores
    .map((value, year) => `<circle cx="${x(year).toFixed(1)}" cy="${y(value).toFixed(1)}" r="2.5" fill="#0f62fe"/>`)
    .join('');
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 10}" width="100%" role="img" aria-label="${escapeHtml(text.growthChart)}" data-chart="growth" data-series-demand="${growth.demandCores.join(' ')}" data-capacity="${growth.capacityCores}">
<text x="0" y="12" font-size="12" font-weight="600">${escapeHtml(text.growthChart)}</text>
<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#8d8d8d"/>
<line x1="${left}" y1="${capacityY}" x2="${right}" y2="${capacityY}" stroke="#da1e28" stroke-dasharray="6 4"/>
<text x="${right + 8}" y="${capacityY - 2}" font-size="10" fill="#da1e28">${escapeHtml(text.capacityLine)}</text>
<text x="${right + 8}" y="${capacityY + 10}" font-size="10" fill="#da1e28">${format(growth.capacityCores)}</text>
<polyline points="${line}" fill="none" stroke="#0f62fe" stroke-width="2"/>${points}${labels}${ticks}
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
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { hyphens: none; word-break: keep-all; }
tr.vios td { color: #525252; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
.kpi { border: 1px solid #c6c6c6; padding: 3mm; break-inside: avoid; }
.kpi .value { font-size: 15pt; } .kpi .label { color: #525252; font-size: 9pt; }
.muted { color: #525252; }
figure.chart { margin: 2mm 0 4mm; }
ul.warnings li, ul.why li { margin-bottom: 1mm; }
nav.toc ol { padding-left: 5mm; } nav.toc li { display: flex; gap: 2mm; margin-bottom: 1.5mm; } nav.toc a { color: #161616; text-decoration: none; flex: 1; border-bottom: 1px dotted #c6c6c6; } nav.toc .page { min-width: 8mm; text-align: right; }
.ok { color: #198038; white-space: nowrap; } .bad { color: #da1e28; white-space: nowrap; }
`;

/** Each partition measured on an older server: from where, to which server, live or not, in which mode, with which VIOS. */
function migrationHtml(model: ReportModel, text: ReportText): string {
  const moves = model.solution.migrations ?? [];
  const { language } = model.options;
  const { terms } = model.presentation;
  if (moves.length === 0) return `<p>${text.migrationNone}</p>`;
  const rows = moves
    .map(
      (move) =>
        `<tr data-partition="${escapeHtml(move.partition)}"><td>${escapeHtml(move.partition)}</td><td>${escapeHtml(`${move.sourceModel} (${move.sourceGeneration})`)}</td><td>${escapeHtml(`${nameIn(move.server, language, terms)} (${move.targetGeneration})`)}</td><td>${move.live ? text.live : text.outage}</td><td data-field="mode">${escapeHtml(move.mode ?? '—')}</td><td>${escapeHtml(move.viosMinimum ?? '—')}</td></tr>`,
    )
    .join('');
  const said = moves.map((move) => `<li>${textHtml(move.message, language, terms)}</li>`).join('');
  return `<p>${text.migrationIntro}</p><table><thead><tr><th>${text.partition}</th><th>${text.sourceServer}</th><th>${text.targetServer}</th><th></th><th>${text.compatibilityMode}</th><th>${text.viosMinimum}</th></tr></thead><tbody>${rows}</tbody></table><ul>${said}</ul>`;
}

export function renderHtml(model: ReportModel): string {
  const { options, plan, solution, presentation } = model;
  const language = options.language;
  const text = REPORT_TEXT[language];
  const { number, percent, date } = formatters(language);
  const n2 = (value: number) => number(value, 2);
  const n0 = (value: number) => number(value, 0);
  const t = (raw: Text) => textHtml(raw, language, presentation.terms);
  /** A main-process message in the report's language, its configuration and server ids read as a person would. */
  const said = (message: Message) => t(message);
  /** Money always with its currency; unknown is "—". */
  const moneyText = (value: Money | null) =>
    value === null ? '—' : `${n0(value.amount)}${value.currency ? ` ${escapeHtml(value.currency)}` : ''}`;
  const { constraints } = plan;
  const { totals, optimality } = presentation;
  const horizon = fill(text.atHorizon, { years: constraints.horizonYears });
  // Without a horizon, "at the horizon (0 years)" would repeat today's figures under another name.
  const hasHorizon = constraints.horizonYears > 0;
  const cores = (value: number) => fill(value === 1 ? text.coresValueOne : text.coresValue, { value: n2(value) });
  const modelName = (mtm: string) => {
    const found = options.catalog?.models.find((each) => (each.machineTypeModel ?? each.id) === mtm);
    return found ? `${found.name} (${mtm})` : mtm;
  };

  const sections: Array<{ id: string; title: string; html: string }> = [];
  sections.push({
    id: 'summary',
    title: text.summary,
    html: `<div class="kpis">
<div class="kpi"><div class="value" data-field="servers">${n0(totals.servers)}</div><div class="label">${text.servers}</div></div>
<div class="kpi"><div class="value" data-field="licensed-cores">${n0(totals.licensedCores)}</div><div class="label">${text.licensedCores}</div></div>
<div class="kpi"><div class="value" data-field="cost">${moneyText(totals.cost)}</div><div class="label">${text.cost}${totals.cost === null ? ` — ${text.costUnknown}` : ''}</div></div>
<div class="kpi"><div class="value" data-field="peak-cpu-now">${percent(totals.peakCpuNow)}</div><div class="label">${text.peakCpu}${hasHorizon ? `, ${text.now}` : ''}</div></div>
${hasHorizon ? `<div class="kpi"><div class="value" data-field="peak-cpu">${percent(totals.peakCpuAtHorizon)}</div><div class="label">${text.peakCpu}, ${horizon}</div></div>` : ''}
<div class="kpi"><div class="value" data-field="peak-memory">${percent(totals.peakMemory)}</div><div class="label">${text.peakMemory}</div></div>
</div>
<table><tbody>
<tr><th>${text.models}</th><td>${totals.models.map(t).join('<br>')}</td></tr>
<tr><th>${text.edition}</th><td>${totals.editions.map(escapeHtml).join('<br>')}</td></tr>
<tr><th>${text.objective}</th><td>${t(presentation.objectiveLabel)}</td></tr>
<tr><th>${text.optimality}</th><td><strong data-field="optimality">${t(optimality.headline)}</strong><br><span class="muted">${t(optimality.explanation)}</span></td></tr>
<tr><th>${hasHorizon ? text.demandToday : text.cpuDemand}</th><td data-field="demand-now" data-value="${totals.demandCoresNow}">${cores(totals.demandCoresNow)}</td></tr>
${hasHorizon ? `<tr><th>${text.demandAtHorizon}</th><td data-field="demand-horizon" data-value="${totals.demandCoresAtHorizon}">${cores(totals.demandCoresAtHorizon)}</td></tr>` : ''}
<tr><th>${text.capacityAtTarget}</th><td data-field="capacity" data-value="${totals.capacityCoresAtTarget}">${cores(totals.capacityCoresAtTarget)}</td></tr>
</tbody></table>
${presentation.servers.length > 0 && hasHorizon ? growthChart(presentation.growth, text, n2) : ''}`,
  });
  const warnings = presentation.warnings
    .map((group) => {
      const times = group.count > 1 ? `<strong>${escapeHtml(fill(text.times, { count: group.count }))}</strong> ` : '';
      const who =
        group.listed || group.workloads.length === 0
          ? ''
          : ` <span class="muted">(${escapeHtml(group.workloads.length === 1 ? fill(text.affectedOne, { workloads: group.workloads[0]! }) : fill(text.affected, { count: group.workloads.length, workloads: group.workloads.join(', ') }))})</span>`;
      return `<li data-count="${group.count}">${times}${t(group.text)}${who}</li>`;
    })
    .join('');
  sections.push({
    id: 'assumptions',
    title: text.assumptions,
    html: `<table><tbody>
<tr><th>${text.targets}</th><td>${fill(text.targetsValue, { cpu: percent(constraints.targetCpuUtilization), memory: percent(constraints.targetMemoryUtilization) })}</td></tr>
<tr><th>${text.growth}</th><td>${hasHorizon ? fill(text.growthValue, { rate: percent(constraints.growthPerYear), years: constraints.horizonYears, factor: number(presentation.growthFactor, 3) }) : text.growthNone}</td></tr>
<tr><th>${text.redundancy}</th><td>${text.redundancyValues[constraints.redundancy]}</td></tr>
<tr><th>${text.peakSharing}</th><td>${constraints.peakSharing === 'time-of-day' ? text.peakSharingTimeOfDay : text.peakSharingNone}</td></tr>
<tr><th>${text.viosLayout}</th><td>${text.viosValues[constraints.vios]} (VIOS ${escapeHtml(constraints.viosVersion)})</td></tr>
<tr><th>${text.catalogVersion}</th><td>${escapeHtml(options.catalogVersion)}</td></tr>
</tbody></table>
<h3>${text.method}</h3><p>${escapeHtml(text.methodText)}</p>
<h3>${text.warnings}</h3><ul class="warnings">${warnings || `<li>${text.none}</li>`}</ul>
<h3>${text.catalogRules}</h3><ul class="catalog-rules">${(solution.catalogNotes ?? []).map((note) => `<li>${said(note)}</li>`).join('') || `<li>${text.none}</li>`}</ul>`,
  });
  presentation.servers.forEach((server, index) => {
    const partitions = solution.servers[index]?.partitions ?? [];
    const rows = partitions
      .map(
        (partition) =>
          `<tr class="${partition.role}" data-partition="${escapeHtml(partition.name)}"><td>${escapeHtml(partition.name)}</td><td>${text.osNames[partition.role === 'vios' ? 'vios' : partition.os]}</td><td>${text.modes[partition.mode]}</td><td class="num">${partition.entitledCapacity !== undefined ? n2(partition.entitledCapacity) : `${n0(partition.dedicatedCores ?? 0)}`}</td><td class="num">${partition.virtualProcessors ?? '—'}</td><td class="num">${n2(partition.memoryGiB)}</td><td class="num">${n2(partition.demandCores)}</td></tr>`,
      )
      .join('');
    const name = say(server.name, language, presentation.terms);
    sections.push({
      id: `server-${server.id}`,
      title: `${name}: ${server.modelName}`,
      html: `<table class="block"><tbody>
<tr><th>${text.configuration}</th><td data-field="configuration">${t(server.configurationLabel)} <span class="muted">(${escapeHtml(server.model)})</span></td><th>${text.edition}</th><td>${escapeHtml(server.generation)} ${escapeHtml(server.edition)}</td></tr>
<tr><th>${text.cores}</th><td class="num" data-field="cores">${n0(server.activeCores)}</td><th>${text.memory}</th><td class="num" data-field="memory">${n0(server.memoryGiB)}</td></tr>
<tr><th>${text.utilisation}</th><td>${percent(server.cpuUtilisation)} / ${percent(server.memoryUtilisation)}</td><th>${text.hypervisorMemory}</th><td class="num">${n2(server.hypervisorMemoryGiB)}</td></tr>
<tr><th>${text.ibmiTier}</th><td data-field="ibmi-tier">${escapeHtml(server.ibmiTier ?? text.ibmiTierUnknown)}</td><th>${text.memoryModules}</th><td data-field="memory-modules">${escapeHtml(server.memoryModules ?? '—')}</td></tr>
</tbody></table>
<table class="partitions"><thead><tr><th>${text.partition}</th><th>${text.os}</th><th>${text.mode}</th><th class="num">${text.ecOrCores}</th><th class="num">${text.vps}</th><th class="num">${text.memoryGiB}</th><th class="num">${text.demand}</th></tr></thead><tbody>${rows}</tbody></table>
${stackedBar(text.processorChart, server.processorSegments, server.activeCores, language, n2)}
${stackedBar(text.memoryChart, server.memorySegments, server.memoryGiB, language, n2)}
<h3>${text.whyServer}</h3><ul class="why">${server.explanation.map((line) => `<li>${t(line)}</li>`).join('')}</ul>`,
    });
  });
  if (options.editions) {
    const featureList = (features: readonly string[]) =>
      features.map((key) => (text.features as Record<string, string>)[key] ?? key).join(', ');
    const blocks = options.editions.generations
      .map(
        (
          generation,
        ) => `<h3>${escapeHtml(generation.generation)}</h3>${generation.singleEditionNote ? `<p class="muted">${t(generation.singleEditionNote)}</p>` : ''}
<table><thead><tr><th>${text.edition}</th><th></th><th class="num">${text.servers}</th><th class="num">${text.licensedCores}</th><th class="num">${text.cost}</th><th>${text.reason}</th></tr></thead><tbody>${generation.options
          .map(
            (option) =>
              `<tr><td>${escapeHtml(option.edition)}${option.recommended ? ` (${text.recommended})` : ''}</td><td class="${option.feasible ? 'ok' : 'bad'}">${option.feasible ? text.feasible : text.notFeasible}</td><td class="num">${option.servers ?? '—'}</td><td class="num">${option.licensedCores ?? '—'}</td><td class="num">${option.included && option.cost === 0 ? text.includedNoCharge : moneyText(option.cost === null ? null : { amount: option.cost, currency: option.currency })}</td><td>${[...option.violations.map((v) => t(v.message)), option.missingFeatures.length > 0 && option.violations.length === 0 ? escapeHtml(featureList(option.missingFeatures)) : '', option.cost === null ? t(option.costNote) : ''].filter(Boolean).join('<br>')}</td></tr>`,
          )
          .join('')}</tbody></table>`,
      )
      .join('');
    const perModel = (options.editions.catalogNotes ?? []).map((note) => `<p>${said(note)}</p>`).join('');
    sections.push({
      id: 'editions',
      title: text.editions,
      html: blocks + perModel + options.editions.notes.map((note) => `<p class="muted">${t(note)}</p>`).join(''),
    });
  }
  sections.push({ id: 'migration', title: text.migration, html: migrationHtml(model, text) });
  sections.push({
    id: 'unplaced',
    title: text.unplaced,
    html:
      presentation.unplaced.length === 0
        ? `<p>${text.none}</p>`
        : `<table><thead><tr><th>${text.workload}</th><th>${text.reason}</th></tr></thead><tbody>${presentation.unplaced.map((entry) => `<tr><td>${escapeHtml(entry.name)}</td><td>${t(entry.reason)}${entry.details.length > 0 ? `${language === 'zh-CN' ? '：' : ': '}${entry.details.map(t).join(language === 'zh-CN' ? '；' : '; ')}` : ''}</td></tr>`).join('')}</tbody></table>`,
  });
  const symmetric = presentation.symmetricDesign;
  if (presentation.alternatives.length > 0 || symmetric) {
    const symmetricHtml = symmetric
      ? `<h3>${text.symmetric}</h3><table><tbody><tr><td>${t(symmetric.label)}</td><td class="num">${n0(symmetric.servers)}</td><td class="num">${n0(symmetric.licensedCores)}</td><td class="num">${moneyText(symmetric.cost)}</td></tr><tr><td colspan="4" class="muted">${t(symmetric.verdict)}</td></tr></tbody></table>`
      : '';
    sections.push({
      id: 'alternatives',
      title: text.alternatives,
      html: `${symmetricHtml}<table><thead><tr><th>${text.configuration}</th><th class="num">${text.servers}</th><th class="num">${text.licensedCores}</th><th class="num">${text.cost}</th><th>${text.notes}</th></tr></thead><tbody>${presentation.alternatives.map((alternative) => `<tr data-alternative><td>${t(alternative.label)}</td><td class="num">${n0(alternative.servers)}</td><td class="num">${n0(alternative.licensedCores)}</td><td class="num">${moneyText(alternative.cost)}</td><td>${alternative.notes.map(t).join('; ')}</td></tr>`).join('')}</tbody></table>`,
    });
  }
  sections.push({
    id: 'appendix',
    title: text.appendix,
    html: `<table><thead><tr><th>${text.workload}</th><th>${text.os}</th><th>${text.cpuDemand}</th><th class="num">${text.memoryGiB}</th><th>${text.mode}</th><th class="num">${text.count}</th><th>${text.confidence}</th></tr></thead><tbody>${plan.workloads
      .map((workload) => {
        const cpu = workload.cpu;
        const values = text.cpuDemandValues;
        const demand =
          cpu.kind === 'rperf'
            ? fill(values.rperf, { value: n2(cpu.rperf) })
            : cpu.kind === 'cpw'
              ? fill(values.cpw, { value: n0(cpu.cpw) })
              : cpu.kind === 'measured'
                ? fill(cpu.cores === 1 ? values.measuredOne : values.measured, {
                    cores: n2(cpu.cores),
                    utilisation: percent(cpu.utilization),
                    model: modelName(cpu.model),
                  })
                : fill(cpu.cores === 1 ? values.coresOne : values.cores, { value: n2(cpu.cores) });
        const measured = workload.measurement
          ? `${text.confidenceValues[workload.measurement.confidence]} (${escapeHtml(workload.measurement.source)}, ${text.basisValues[workload.measurement.basis]}${workload.measurement.memoryBasis ? `, ${workload.measurement.memoryBasis === 'measured' ? text.memoryMeasured : text.memoryConfigured}` : ''})`
          : '—';
        return `<tr><td>${escapeHtml(workload.name)}</td><td>${text.osNames[workload.os]}</td><td>${escapeHtml(demand)}</td><td class="num">${n2(workload.memoryGiB)}</td><td>${text.modes[workload.processorMode]}</td><td class="num">${workload.count}</td><td>${measured}</td></tr>`;
      })
      .join('')}</tbody></table>${checklistHtml(options.checklist ?? [], text, options.language, presentation.terms)}`,
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
  const included = wanted
    ? sections.filter((section) => wanted.has(section.id.startsWith('server-') ? 'servers' : section.id))
    : sections;
  const pageOf = (id: string) => options.tocPages?.[id];
  const toc = `<section class="major"><nav class="toc"><h2>${text.contents}</h2><ol>${included.map((section) => `<li data-toc="${section.id}"><a href="#${section.id}">${escapeHtml(section.title)}</a><span class="page" data-toc-page="${section.id}">${pageOf(section.id) ?? ''}</span></li>`).join('')}</ol></nav></section>`;
  const body = included
    .map(
      (section, index) =>
        `<section id="${section.id}" data-title="${escapeHtml(section.title)}" class="${index === 0 || section.id === 'assumptions' || section.id.startsWith('server-') || section.id === 'appendix' ? 'major' : ''}"><h2>${escapeHtml(section.title)}</h2>${section.html}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${options.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PowerVM Sizer"><title>${escapeHtml(text.title)}: ${escapeHtml(model.planName)}</title>
<style>${STYLES}</style></head>
<body>${cover}${toc}${body}</body></html>
`;
}

/** The implementation checklist of the deployable design: what an implementer must still do by hand. */
function checklistHtml(items: readonly Message[], text: ReportText, language: ReportLanguage, terms: Terms): string {
  if (items.length === 0) return '';
  // The steps name servers as the rest of the report does ("Server 1"); the HMC names are in the deployment files.
  return `<h3>${text.checklist}</h3><ul class="checklist" data-field="checklist">${items.map((item) => `<li>${textHtml(item, language, terms)}</li>`).join('')}</ul>`;
}
