// Crash recovery reads the autosaved draft through its schema: a draft of an older version is upgraded, a damaged
// one is set aside (kept, never deleted) and said with its problem named, and nothing throws.
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Message, formatMessage } from '../../../src-main/common';
import { PlanDraft } from '../../../src-main/plan';
import { PlanWorkspace } from '../../../src-main/platform';

const row = (overrides: Record<string, unknown> = {}) => ({
  workloadId: 'w-db',
  name: 'db',
  os: 'aix',
  cpuKind: 'rperf',
  cpuValue: '12',
  sourceModel: '',
  utilization: '',
  memoryGiB: '64',
  processorMode: 'shared',
  count: '1',
  features: '',
  haGroup: '',
  ...overrides,
});
const SAVED_AT = '2026-12-03T08:00:00.000Z';
const NOW = new Date('2026-12-03T09:30:00.000Z');

async function workspaceWith(content: string | null) {
  const dir = await mkdtemp(join(tmpdir(), 'pvs-draft-'));
  if (content !== null) {
    await mkdir(join(dir, 'autosave'), { recursive: true });
    await writeFile(join(dir, 'autosave', 'draft.json'), content);
  }
  return { dir, workspace: new PlanWorkspace(dir) };
}
const record = (draft: unknown) => JSON.stringify({ savedAt: SAVED_AT, path: null, draft });
const said = (message: Message) => formatMessage(message, 'en');

async function expectSetAside(dir: string, content: string, keptAs: string) {
  expect(keptAs).toBe(join(dir, 'autosave', 'draft.json.damaged-2026-12-03T09-30-00-000Z'));
  expect(await readFile(keptAs, 'utf8')).toBe(content);
  expect(await readdir(join(dir, 'autosave'))).toEqual(['draft.json.damaged-2026-12-03T09-30-00-000Z']);
}

describe('crash recovery of the autosaved draft', () => {
  it('offers back a draft as typed, rows the plan would refuse included', async () => {
    const draft = { name: 'half typed', customer: 'Acme', rows: [row({ memoryGiB: 'abc' })], constraints: {} };
    const { workspace } = await workspaceWith(record(draft));
    const found = await workspace.recovery(NOW);
    expect(found).toEqual({ kind: 'draft', savedAt: SAVED_AT, path: null, draft: PlanDraft.parse(draft) });
    expect(found?.kind === 'draft' && found.draft.rows[0]?.memoryGiB).toBe('abc');
  });

  it('upgrades a draft written before plan format 2: every row gets a workload key, none taken twice', async () => {
    const { id: _id, workloadId: _key, ...old } = { id: 3, ...row() };
    const draft = {
      name: 'before ids',
      customer: '',
      rows: [old, { ...old, name: 'app' }, row({ workloadId: 'w1', name: 'web' })],
      constraints: { generations: ['POWER9'] },
    };
    const { workspace } = await workspaceWith(record(draft));
    const found = await workspace.recovery(NOW);
    expect(found?.kind).toBe('draft');
    if (found?.kind !== 'draft') return;
    expect(found.draft.rows.map((each) => each.workloadId)).toEqual(['w1-2', 'w2', 'w1']);
    expect(found.draft.constraints.generations).toEqual(['POWER9']);
  });

  it('keeps the rows of a draft whose targets hold a value the plan refuses; that value takes its default', async () => {
    const constraints = { growthPerYear: 50, targetCpuUtilization: 0.6, horizonYears: 'abc', retired: true };
    const { workspace } = await workspaceWith(record({ name: 'x', customer: '', rows: [row()], constraints }));
    const found = await workspace.recovery(NOW);
    if (found?.kind !== 'draft') throw new Error(`expected a draft, got ${JSON.stringify(found)}`);
    expect(found.draft.rows).toHaveLength(1);
    expect(found.draft.constraints).toMatchObject({ growthPerYear: 0, targetCpuUtilization: 0.6, horizonYears: 0 });
    expect(found.draft.constraints).not.toHaveProperty('retired');
  });

  it('sets a draft that is not JSON aside and says so; the next start finds none', async () => {
    const content = '{"savedAt": "2026-12-03T08:00:00.000Z", "draft": {"rows": [';
    const { dir, workspace } = await workspaceWith(content);
    const found = await workspace.recovery(NOW);
    expect(found?.kind).toBe('damaged');
    if (found?.kind !== 'damaged') return;
    expect(found.problem.code).toBe('workspace.draft-not-json');
    expect(said(found.problem)).toMatch(/^The autosaved draft is damaged \(not valid JSON: .+\); it was set aside/);
    await expectSetAside(dir, content, found.keptAs);
    expect(await workspace.recovery(NOW)).toBeNull();
  });

  it('names the field of a draft that fails its schema, and keeps the file', async () => {
    const content = record({ name: 'x', customer: '', rows: [row(), row({ cpuKind: 'watts' })], constraints: {} });
    const { dir, workspace } = await workspaceWith(content);
    const found = await workspace.recovery(NOW);
    if (found?.kind !== 'damaged') throw new Error(`expected a damaged draft, got ${JSON.stringify(found)}`);
    expect(found.problem).toMatchObject({ code: 'workspace.draft-invalid' });
    expect(said(found.problem)).toContain('draft.rows[1].cpuKind');
    await expectSetAside(dir, content, found.keptAs);
  });

  it('counts the further problems of a draft wrong in several places', async () => {
    const content = record({ name: 7, rows: 'none', constraints: { vios: 'triple', colour: 'red' } });
    const { workspace } = await workspaceWith(content);
    const found = await workspace.recovery(NOW);
    if (found?.kind !== 'damaged') throw new Error('expected a damaged draft');
    expect(found.problem.code).toBe('workspace.draft-invalid-more');
    expect(said(found.problem)).toMatch(/\(draft\.name: .+; and \d+ more problems\)/);
    expect(formatMessage(found.problem, 'zh-CN')).toContain('自动保存的草稿已损坏');
  });

  it('never throws for a draft it cannot read at all', async () => {
    const { dir, workspace } = await workspaceWith(null);
    await mkdir(join(dir, 'autosave', 'draft.json'), { recursive: true });
    const found = await workspace.recovery(NOW);
    expect(found).toMatchObject({ kind: 'damaged', problem: { code: 'workspace.draft-unreadable' } });
  });

  it('finds nothing when no draft was left', async () => {
    const { workspace } = await workspaceWith(null);
    expect(await workspace.recovery(NOW)).toBeNull();
  });
});
