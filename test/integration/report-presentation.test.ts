// One presentation model feeds every format: the report's growth chart draws the series the summary states, the
// VIOS stay flat as in the sizing, money carries its currency and the PDF names PowerVM Sizer as its creator.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src-main/common';
import { buildPresentation, buildReportModel, renderHtml, renderXlsx, say } from '../../src-main/report';
import { solvePlan } from '../../src-main/solver';
import { fixturePlan, shippedSnapshot } from '../support/plans';
import { writeReportFile } from '../support/reports';
import { tempDir } from '../support/temp';

const catalog = await shippedSnapshot();
const bank = fixturePlan('regional-bank');
const solution = await solvePlan(bank, catalog, { exactLimit: 0 });
const options = {
  language: 'en' as const,
  date: '2026-12-03T08:00:00Z',
  catalogVersion: catalog.catalogVersion,
  catalog,
};

function numberIn(text: string | null | undefined): number {
  return Number((text ?? '').replace(/[^\d.]/g, ''));
}

describe('the presentation model', () => {
  const presentation = buildPresentation(bank, solution, catalog);

  it("keeps the VIOS flat: the horizon demand is the sizing's own utilisation of each server", () => {
    const sized = solution.servers.reduce((sum, server) => sum + server.utilization.cpu * server.cores.active, 0);
    expect(presentation.growth.demandCores.at(-1)).toBeCloseTo(sized, 6);
    expect(presentation.totals.demandCoresAtHorizon).toBeCloseTo(sized, 6);
    const vios = solution.servers
      .flatMap((server) => server.partitions)
      .filter((partition) => partition.role === 'vios')
      .reduce((sum, partition) => sum + (partition.entitledCapacity ?? partition.dedicatedCores ?? 0), 0);
    expect(vios).toBeGreaterThan(0);
    // Today = the clients shrunk by the growth factor, plus the VIOS as sized.
    expect(presentation.totals.demandCoresNow).toBeCloseTo((sized - vios) / presentation.growthFactor + vios, 6);
    expect(presentation.growth.years).toEqual([0, 1, 2, 3]);
    for (let year = 1; year < presentation.growth.demandCores.length; year += 1) {
      expect(presentation.growth.demandCores[year]!).toBeGreaterThan(presentation.growth.demandCores[year - 1]!);
    }
    // Never above the capacity line while every server is under its target.
    expect(presentation.totals.demandCoresAtHorizon).toBeLessThanOrEqual(presentation.totals.capacityCoresAtTarget);
  });

  it('names servers and configurations as a person would, with plurals right', () => {
    expect(formatMessage(presentation.servers[0]!.name as never, 'en')).toBe('Server 1');
    expect(formatMessage(presentation.servers[0]!.name as never, 'zh-CN')).toBe('服务器 1');
    const label = say(presentation.servers[0]!.configurationLabel, 'en');
    expect(label).toMatch(/^Power \w+ · \d+ cores( · [\d.–]+ GHz)?$/);
    for (const alternative of presentation.alternatives) {
      const text = say(alternative.label, 'en');
      expect(text).not.toMatch(/\/|pattern|\d+c\b/);
      for (const note of alternative.notes) expect(say(note, 'en')).not.toMatch(/\b1 workloads\b/);
    }
    const labels = presentation.alternatives.map((alternative) =>
      JSON.stringify([say(alternative.label, 'en'), alternative.licensedCores, alternative.notes]),
    );
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('groups warnings that differ only by workload, with a count and the workloads', () => {
    const total = presentation.warnings.reduce((sum, group) => sum + group.count, 0);
    expect(total).toBe(solution.warnings.length);
    // One warning for the 14 POWER8 workloads without a source configuration, naming each of them once.
    const sourceConfig = presentation.warnings.filter((group) =>
      say(group.text, 'en').includes('no source configuration given for Power S824'),
    );
    expect(sourceConfig).toHaveLength(1);
    const text = say(sourceConfig[0]!.text, 'en');
    expect(text).toContain('14 workloads');
    for (const workload of ['core-db', 'core-db-standby', 'backup'])
      expect(text.split(new RegExp(`\\b${workload}\\b(?!-)`)).length - 1).toBe(1);
  });

  it('states the gap and "proven" so that they cannot contradict each other', () => {
    const { optimality } = presentation;
    const headline = say(optimality.headline, 'en');
    if (optimality.kind === 'bounded') expect(headline).toContain(`${Math.round(solution.bounds.gap * 1000) / 10} %`);
    expect(say(optimality.explanation, 'en')).toMatch(/lower bound|proved|exact|equals/);
  });

  it('never calls a proposal "best possible" without saying that workloads are not placed', () => {
    // The bank's IBM i production partition has no Power10 configuration with a published CPW.
    expect(solution.unplaced.length).toBeGreaterThan(0);
    const workloads = bank.workloads.reduce((sum, workload) => sum + workload.count, 0);
    const placed = workloads - solution.unplaced.length;
    const unplacedNote = `for the ${placed} placed workloads; ${solution.unplaced.length} not placed`;
    expect(say(presentation.optimality.headline, 'en')).toContain(unplacedNote);
    expect(say(presentation.optimality.headline, 'zh-CN')).toContain(`${solution.unplaced.length} 个未能放置`);
    const allPlaced = buildPresentation(
      { ...bank, workloads: bank.workloads.filter((w) => w.os !== 'ibmi') },
      {
        ...solution,
        unplaced: [],
      },
    );
    expect(say(allPlaced.optimality.headline, 'en')).not.toMatch(/not placed/);
  });

  it('shows the design an engineer would draw beside the one found, and why the found one wins', () => {
    const identical = {
      configuration: '9105-42A/3.4/2s/24c',
      modelName: 'Power S1024',
      cores: 24,
      servers: 2,
      licensedCores: 48,
      cost: null,
      unplaced: 0,
    };
    const found = {
      configuration: null,
      modelName: null,
      cores: null,
      servers: 2,
      licensedCores: 40,
      cost: null,
      unplaced: 0,
    };
    const reason = { code: 'report.optimality-exact-why', params: {} };
    const withComparison = { ...solution, comparison: { identical, found, reason } } as typeof solution;
    const design = buildPresentation(bank, withComparison, catalog).symmetricDesign!;
    expect(say(design.label, 'en')).toBe(
      '2 × Power S1024 · 24 cores · 3.40–4.0 GHz (like servers, HA members on like servers)',
    );
    expect(design.licensedCores).toBe(48);
    expect(design.chosen).toBe(false);
    expect(design.verdict).toEqual(reason);
    expect(
      buildPresentation(
        bank,
        { ...withComparison, comparison: { identical, found: identical, reason } } as typeof solution,
        catalog,
      ).symmetricDesign!.chosen,
    ).toBe(true);
    expect(buildPresentation(bank, { ...solution, comparison: undefined }, catalog).symmetricDesign).toBeNull();
  });

  it('gives money its currency wherever a price is known, and "—" where it is not', () => {
    const priced = {
      ...catalog,
      prices: [
        {
          generation: 'POWER10' as const,
          edition: 'Enterprise',
          currency: 'EUR',
          pricePerCore: 1000,
          maintenancePerCorePerYear: 200,
        },
      ],
    };
    const withPrices = buildPresentation(
      bank,
      {
        ...solution,
        servers: solution.servers.map((server) => ({ ...server, cost: server.cores.active * 1600 })),
        totals: { ...solution.totals!, cost: 64_000 },
      },
      priced,
    );
    expect(withPrices.totals.cost).toEqual({ amount: 64_000, currency: 'EUR' });
    for (const server of withPrices.servers) expect(server.cost?.currency).toBe('EUR');
    const html = renderHtml(buildReportModel(bank, solution, options));
    const cost = new JSDOM(html).window.document.querySelector('[data-field="cost"]')!.textContent;
    expect(cost).toBe('—');
  });
});

describe('the rendered report', () => {
  const model = buildReportModel(bank, solution, options);

  it('draws the growth chart from the figures the summary states', () => {
    const document = new JSDOM(renderHtml(model)).window.document;
    const chart = document.querySelector('svg[data-chart="growth"]')!;
    const series = chart.getAttribute('data-series-demand')!.split(' ').map(Number);
    const value = (field: string) =>
      Number(document.querySelector(`[data-field="${field}"]`)!.getAttribute('data-value'));
    expect(series[0]).toBeCloseTo(value('demand-now'), 9);
    expect(series.at(-1)).toBeCloseTo(value('demand-horizon'), 9);
    expect(Number(chart.getAttribute('data-capacity'))).toBeCloseTo(value('capacity'), 9);
    // The headline utilisation is the busiest server at the horizon; the chart's end agrees with the servers' sum.
    const servers = model.presentation.servers;
    expect(series.at(-1)).toBeCloseTo(
      servers.reduce((sum, server) => sum + server.cpuUtilisation * server.activeCores, 0),
      6,
    );
    expect(numberIn(document.querySelector('[data-field="peak-cpu"]')!.textContent)).toBe(
      Math.round(Math.max(...servers.map((server) => server.cpuUtilisation)) * 100),
    );
    // The labels printed on the chart are the series' values, and none sits on the capacity label.
    const labels = [...chart.querySelectorAll('text[data-demand]')].map((text) =>
      Number(text.getAttribute('data-demand')),
    );
    expect(labels).toEqual(series);
  });

  it('draws no growth chart when the plan sets no horizon, where the summary states the one figure', () => {
    const now = { ...bank, constraints: { ...bank.constraints, horizonYears: 0, growthPerYear: 0 } };
    const flat = buildReportModel(now, solution, options);
    expect(flat.presentation.growth.years).toEqual([0]);
    const document = new JSDOM(renderHtml(flat)).window.document;
    expect(document.querySelector('svg[data-chart="growth"]')).toBeNull();
    expect(document.querySelector('[data-field="demand-now"]')!.previousElementSibling!.textContent).toBe(
      'Processor demand',
    );
    // Today's figures are not repeated as figures "at the horizon (0 years)".
    expect(document.querySelector('[data-field="demand-horizon"]')).toBeNull();
    expect(document.querySelector('[data-field="peak-cpu"]')).toBeNull();
    expect(document.body.textContent).not.toContain('0 years');
  });

  it('shows no internal field names, file paths or raw configuration ids', () => {
    const text = new JSDOM(renderHtml(model)).window.document.body.textContent!;
    expect(text).not.toMatch(/docs\/sizing-method|\.md\b|Server server-|pattern '|\/xs\/|\b1 (models|workloads)\b/);
    expect(text).not.toMatch(/>\s*(aix|ibmi|linux)\s*</);
  });

  it("writes a workbook with no field names, in the report's language", async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await renderXlsx({ ...model, options: { ...model.options, language } })).buffer as ArrayBuffer,
      );
      for (const sheet of workbook.worksheets) {
        const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean).map(String);
        for (const header of headers)
          if (header !== 'rPerf') expect(header, `${language} ${sheet.name}`).not.toMatch(/^[a-z]+[A-Z]\w*$/);
      }
      const partitions = workbook.getWorksheet('Partitions')!;
      for (let row = 2; row <= partitions.rowCount; row += 1)
        expect(String(partitions.getRow(row).getCell(6).value)).toMatch(/^(AIX|IBM i|Linux|VIOS)$/);
      const assumptions = workbook.getWorksheet('Assumptions')!;
      for (let row = 2; row <= assumptions.rowCount; row += 1)
        expect(String(assumptions.getRow(row).getCell(1).value)).not.toMatch(/^[a-z]+[A-Z]\w*$/);
    }
  });

  it('prints a PDF whose creator and producer are PowerVM Sizer', async () => {
    const out = join(await tempDir(), 'bank.pdf');
    await writeReportFile(model, out);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Creator:\s+PowerVM Sizer/);
    expect(info).toMatch(/Producer:\s+PowerVM Sizer/);
    expect(info).toMatch(/Title:\s+Capacity report: Regional bank to Power10/);
    expect(info).not.toMatch(/Mozilla|HeadlessChrome|Skia/);
  });
});
