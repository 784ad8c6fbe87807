import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src-main/plan';
import { CSV_COLUMNS, buildReportModel, renderCsv, renderHtml, renderXlsx } from '../../src-main/report';
import { writeReportFile } from '../support/reports';
import { compareEditions, solvePlan } from '../../src-main/solver';
import { cli, fixture } from '../support/cli';
import { fixturePlan, shippedSnapshot } from '../support/plans';
import { tempDir } from '../support/temp';
import { generatePlan } from '../bench/families';

const catalog = await shippedSnapshot();
const plan = fixturePlan('migration-power8');
const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
const editions = await compareEditions(fixturePlan('power9-editions'), catalog, {});
const model = buildReportModel(plan, solution, {
  language: 'en',
  date: '2026-11-25T10:00:00Z',
  catalogVersion: catalog.catalogVersion,
  customer: 'Acme Bank',
  author: 'J. Doe',
  editions,
});

describe('capacity reports', () => {
  it('HTML is self-contained and shows the numbers of the solution', () => {
    const html = renderHtml(model);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const document = new JSDOM(html).window.document;
    expect(document.querySelector('[data-field="servers"]')?.textContent).toBe(String(solution.servers.length));
    expect(document.querySelector('[data-field="licensed-cores"]')?.textContent).toBe(
      String(solution.totals!.licensedCores),
    );
    expect(document.querySelector('[data-field="customer"]')?.textContent).toBe('Acme Bank');
    for (const server of solution.servers) {
      const section = document.getElementById(`server-${server.id}`)!;
      expect(section.querySelector('[data-field="cores"]')?.textContent).toBe(String(server.cores.active));
      const partitions = [...section.querySelectorAll('tr[data-partition]')].map((row) =>
        row.getAttribute('data-partition'),
      );
      expect(partitions).toEqual(server.partitions.map((partition) => partition.name));
      expect(section.querySelectorAll('svg').length).toBe(2);
    }
    expect(document.getElementById('editions')?.textContent).toContain(
      'Standard does not offer Live Partition Mobility',
    );
    expect(document.querySelectorAll('nav.toc li').length).toBeGreaterThan(solution.servers.length);
  });

  it("CSV holds every partition with the solution's figures", () => {
    const table = parseCsvTable(renderCsv(model));
    const rows = [table.headers, ...table.rows];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const partitions = solution.servers.flatMap((server) =>
      server.partitions.map((partition) => ({ server, partition })),
    );
    expect(rows.length - 1).toBe(partitions.length);
    rows.slice(1).forEach((row, index) => {
      const { server, partition } = partitions[index]!;
      expect(row[0]).toBe(server.id);
      expect(row[3]).toBe(partition.name);
      expect(Number(row[10])).toBe(partition.memoryGiB);
      expect(Number(row[11])).toBe(partition.demandCores);
      if (partition.entitledCapacity !== undefined) expect(Number(row[7])).toBe(partition.entitledCapacity);
    });
  });

  it('XLSX has the six sheets with real numbers that equal the solution', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(model)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Servers',
      'Partitions',
      'Workloads',
      'Editions',
      'Assumptions',
    ]);
    const servers = workbook.getWorksheet('Servers')!;
    expect(servers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    solution.servers.forEach((server, index) => {
      const row = servers.getRow(index + 2);
      expect(row.getCell(1).value).toBe(server.id);
      expect(row.getCell(6).value).toBe(server.cores.active);
      expect(row.getCell(8).value).toBe(server.memoryGiB);
      expect(row.getCell(11).value).toBe(server.utilization.cpu);
      expect(row.getCell(11).numFmt).toBe('0.0%');
    });
    const partitions = workbook.getWorksheet('Partitions')!;
    expect(partitions.rowCount - 1).toBe(model.partitionRows.length);
    expect(partitions.getRow(2).getCell(11).value).toBe(model.partitionRows[0]!.memoryGiB);
  });

  it('PDF prints from the same HTML with page numbers, and renders to images', async () => {
    const dir = await tempDir();
    const out = join(dir, 'report.pdf');
    await writeReportFile(model, out);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(solution.servers.length + 3);
    const lastPage = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), out, '-'], {
      encoding: 'utf8',
    });
    expect(lastPage).toContain(`Page ${pages} of ${pages}`);
    // The contents list carries the page on which each section starts, and the bookmarks (read by poppler, not by
    // our own reader) agree with it.
    const contents = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', out, '-'], { encoding: 'utf8' });
    const outline = [
      ...execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', out], { encoding: 'utf8' }).matchAll(
        /<item page="(\d+)">([^<]*)<\/item>/g,
      ),
    ].map((match) => ({ page: Number(match[1]), title: match[2]! }));
    expect(outline.map((item) => item.title)).toEqual(
      expect.arrayContaining(solution.servers.map((_, index) => expect.stringContaining(`Server ${index + 1}:`))),
    );
    for (const item of outline) {
      const line = contents.split('\n').find((candidate) => candidate.includes(item.title.replace(/&amp;/g, '&')))!;
      expect(Number(/(\d+)\s*$/.exec(line)?.[1]), item.title).toBe(item.page);
      const onThatPage = execFileSync('pdftotext', ['-f', String(item.page), '-l', String(item.page), out, '-'], {
        encoding: 'utf8',
      });
      expect(onThatPage).toContain(item.title.replace(/&amp;/g, '&'));
    }
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', out, join(dir, 'page')]);
    expect((await readdir(dir)).filter((name) => name.startsWith('page-')).length).toBe(2);
    expect(await readdir(dir)).not.toContain(expect.stringMatching(/\.tmp$/));
  });

  it('PDF page breaks never cut a chart: every chart title and its last legend entry share a page', async () => {
    const bigPlan = generatePlan('many-small', 160);
    const bigSolution = await solvePlan(bigPlan, catalog, { exactLimit: 0 });
    const bigModel = buildReportModel(bigPlan, bigSolution, {
      language: 'en',
      date: '2026-11-25T10:00:00Z',
      catalogVersion: catalog.catalogVersion,
    });
    const out = join(await tempDir(), 'big.pdf');
    await writeReportFile(bigModel, out);
    const pages = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })
      .split('\f')
      .map((page) => page.replace(/\s+/g, ' '));
    const figures = [...renderHtml(bigModel).matchAll(/<figure class="chart">(.*?)<\/figure>/gs)].map((match) =>
      [...match[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => text[1]!),
    );
    expect(figures.length).toBeGreaterThan(bigSolution.servers.length);
    // A server with dozens of partitions shows its 23 largest and the rest as one entry, so its chart fits a page.
    const busiest = Math.max(
      ...bigSolution.servers.map(
        (server) => server.partitions.filter((partition) => partition.role === 'client').length,
      ),
    );
    expect(busiest).toBeGreaterThan(24);
    expect(Math.max(...figures.map((legend) => legend.length))).toBeLessThanOrEqual(1 + 2 + 24 + 2);
    expect(
      figures.some((legend) => legend.some((entry) => entry.startsWith(`${busiest - 23} smaller partitions`))),
    ).toBe(true);
    expect(pages.length).toBeGreaterThan(bigSolution.servers.length + 3);
    // pdftotext reads a legend column by column, so the check is per page, not by position.
    const occurrences = (text: string, part: string) => text.split(part).length - 1;
    const titlesSeen = new Map<string, number>();
    let page = 0;
    for (const [title, ...legend] of figures) {
      const seen = titlesSeen.get(`${page}:${title}`) ?? 0;
      if (occurrences(pages[page]!, title!) <= seen) {
        do page += 1;
        while (page < pages.length && !pages[page]!.includes(title!));
      }
      expect(page, `chart "${title}" not found`).toBeLessThan(pages.length);
      titlesSeen.set(`${page}:${title}`, (titlesSeen.get(`${page}:${title}`) ?? 0) + 1);
      for (const entry of legend)
        expect(pages[page], `chart "${title}" on page ${page + 1} is cut before "${entry}"`).toContain(entry);
    }
  });

  it('PDF in Simplified Chinese carries the Chinese text', async () => {
    const dir = await tempDir();
    const out = join(dir, 'zh.pdf');
    await writeReportFile({ ...model, options: { ...model.options, language: 'zh-CN', customer: '示例银行' } }, out);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('容量规划报告');
    expect(text).toContain('示例银行');
  });

  it('the CLI picks the format from the extension and refuses an unknown one', async () => {
    const dir = await tempDir();
    const out = join(dir, 'plan.xlsx');
    expect((await cli(['size', fixture('migration-power8'), '--report', out], dir)).code).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
    const bad = await cli(['size', fixture('valid'), '--report', join(dir, 'plan.docx')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--report');
  });
});
