// Issue 14: the report says which compatibility mode each migrated partition runs in, the IBM i tier of each
// server, its memory modules, and the published rules behind the proposal, in the report's language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../src-main/catalog';
import { readShippedCatalog } from '../../../src-main/platform';
import { parsePlanText } from '../../../src-main/plan';
import { buildReportModel } from '../../../src-main/report';
import { renderHtml } from '../../../src-main/report/html';
import { solvePlan } from '../../../src-main/solver/solve';
import { fixture } from '../../support/cli';
import { resourcesDir } from '../../support/temp';

describe('the report on catalog facts', async () => {
  const catalog = snapshotOf(await readShippedCatalog(resourcesDir));
  const plan = parsePlanText(readFileSync(fixture('ibm-review/power7-lpm'), 'utf8'));
  const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
  const options = { date: '2026-12-03', catalogVersion: 'test' } as const;

  it('has a migration section naming the POWER7 compatibility mode (IBM Support node 6243336)', () => {
    const html = renderHtml(buildReportModel(plan, solution, { ...options, language: 'en' }));
    expect(html).toContain('id="migration"');
    expect(html).toMatch(/data-field="mode">POWER7</);
    expect(html).toContain('runs in POWER7 compatibility mode');
  });

  it('shows the IBM i tier and the memory modules of each server, and the rules, in Chinese too', () => {
    const html = renderHtml(buildReportModel(plan, solution, { ...options, language: 'zh-CN' }));
    expect(html).toContain('IBM i 软件层级');
    expect(html).toContain('兼容模式运行');
    expect(html).toContain('虚拟化管理程序内存：取');
  });
});
