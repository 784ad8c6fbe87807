import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_VERSION, parsePlanText, serializePlan, validatePlan } from '../../../src-main/plan';
import { solvePlan } from '../../../src-main/solver';
import { repoRoot } from '../../support/browser-app';
import { plan, shippedSnapshot } from '../../support/plans';

const versionOneText = readFileSync(join(repoRoot, 'test', 'fixtures', 'plans', 'valid.json'), 'utf8');

describe('plan format 2', () => {
  it('opens a version 1 file, naming each processor demand by its kind', () => {
    const opened = parsePlanText(versionOneText, 'valid.json');
    expect(opened.version).toBe(PLAN_VERSION);
    expect(opened.workloads.map((workload) => workload.cpu)).toEqual([
      { kind: 'rperf', rperf: 120 },
      { kind: 'rperf', rperf: 60 },
      { kind: 'measured', cores: 6, model: '9009-42A', utilization: 0.55 },
    ]);
  });

  it('saves a version 1 file as version 2, and reads that back unchanged', () => {
    const saved = serializePlan(parsePlanText(versionOneText, 'valid.json'));
    expect(JSON.parse(saved)).toMatchObject({ version: 2, workloads: [{ id: 'w1' }, { id: 'w2' }, { id: 'w3' }] });
    expect(serializePlan(parsePlanText(saved, 'again.pvsplan'))).toBe(saved);
  });

  it('gives every workload an id and keeps the ones it has', () => {
    const parsed = plan({
      workloads: [
        { name: 'a', os: 'aix', cpu: { kind: 'cores', cores: 1 }, memoryGiB: 8 },
        { id: 'w1', name: 'b', os: 'aix', cpu: { kind: 'cores', cores: 1 }, memoryGiB: 8 },
      ],
    });
    expect(parsed.workloads.map((workload) => workload.id)).toEqual(['w1-2', 'w1']);
  });

  it('refuses two workloads with one id, naming the second', () => {
    const result = validatePlan({
      format: 'powervm-sizer-plan',
      version: 2,
      name: 'x',
      workloads: [
        { id: 'db', name: 'a', os: 'aix', cpu: { kind: 'cores', cores: 1 }, memoryGiB: 8 },
        { id: 'db', name: 'b', os: 'aix', cpu: { kind: 'cores', cores: 1 }, memoryGiB: 8 },
      ],
    });
    expect(result.problems).toEqual(['workloads[1].id: "db" is already the id of workloads[0]']);
  });

  it('refuses a version 2 demand without its kind, naming the field', () => {
    const result = validatePlan({
      format: 'powervm-sizer-plan',
      version: 2,
      name: 'x',
      workloads: [{ name: 'a', os: 'aix', cpu: { rperf: 5 }, memoryGiB: 8 }],
    });
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/^workloads\[0\]\.cpu(\.kind)?: /);
  });
});

describe('partitions and their workloads', () => {
  it('carry the id of their workload, so db and db-x-1 are never confused', async () => {
    const catalog = await shippedSnapshot();
    const solution = await solvePlan(
      plan({
        workloads: [
          { id: 'database', name: 'db', os: 'aix', cpu: { kind: 'rperf', rperf: 20 }, memoryGiB: 32 },
          { id: 'extra', name: 'db-x', os: 'aix', cpu: { kind: 'rperf', rperf: 10 }, memoryGiB: 16, count: 2 },
        ],
        constraints: { generations: ['POWER10'], models: ['9105-42A'] },
      }),
      catalog,
      { exactLimit: 0 },
    );
    const clients = solution.servers
      .flatMap((server) => server.partitions)
      .filter((partition) => partition.role === 'client');
    expect(clients.map((partition) => [partition.workload, partition.workloadId]).sort()).toEqual([
      ['db', 'database'],
      ['db-x-1', 'extra'],
      ['db-x-2', 'extra'],
    ]);
  });
});
