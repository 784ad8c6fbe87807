import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Design, buildDesign, implementationChecklist } from '../../../src-main/deploy';
import { formatMessage, hasMessage } from '../../../src-main/common';
import type { PlanFile } from '../../../src-main/plan/schema';
import { FIRMWARE_SHARE_OF_INSTALLED, HYPERVISOR_MIB_PER_VIRTUAL_FC, hptGiB, pptGiB } from '../../../src-main/powervm';
import { solvePlan } from '../../../src-main/solver';
import type { Solution } from '../../../src-main/solver/schema';
import { arbitrarySmallPlan, fixturePlan, plan as makePlan, shippedSnapshot } from '../../support/plans';
import { designProblems } from './support/check-design';
import { crowdedPlan, mixedPlan } from './support/plans';

const catalog = await shippedSnapshot();
const solve = (plan: PlanFile) => solvePlan(plan, catalog, { exactLimit: 0 });

/**
 * Server memory as the deployed design uses it: partitions at desired memory, and the hypervisor's reserve (the
 * sizing's rule, restated) over the page tables of each partition's max_mem and its virtual FC client adapters.
 */
function deployedMemory(design: Design, solution: Solution, plan: PlanFile) {
  return design.servers.map((server) => {
    const sized = solution.servers.find((each) => each.id === server.serverId)!;
    const installedGiB = server.installedMB / 1024;
    let partitionsGiB = 0;
    let tablesGiB = 0;
    for (const partition of server.partitions) {
      const maxGiB = partition.memoryMB.max / 1024;
      partitionsGiB += partition.memoryMB.desired / 1024;
      tablesGiB += hptGiB(maxGiB, partition.os) + pptGiB(maxGiB);
      const clientFc = partition.adapters.filter(
        (adapter) => adapter.kind === 'fc' && adapter.side === 'client',
      ).length;
      tablesGiB += (clientFc * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024;
    }
    // IBM's 3.5 GB per 128 GB is the whole reserve, page tables included; a user's firmware figure excludes them.
    const firmware = plan.constraints.hypervisorFirmwareGiB;
    const share = installedGiB * FIRMWARE_SHARE_OF_INSTALLED;
    const hypervisorGiB = firmware !== null ? firmware + tablesGiB : Math.max(share, tablesGiB);
    return { id: server.serverId, sized, hypervisorGiB, utilization: (partitionsGiB + hypervisorGiB) / installedGiB };
  });
}

describe('the design model', () => {
  const plans: Array<[string, PlanFile]> = [
    ['the valid fixture', fixturePlan('valid')],
    ['mixed storage and network, dual VIOS', mixedPlan()],
    ['mixed, single VIOS, n+1', mixedPlan({ vios: 'single', redundancy: 'n+1' })],
    ['mixed, no VIOS', mixedPlan({ vios: 'none' })],
  ];

  for (const [label, plan] of plans) {
    it(`meets the PowerVM and HMC rules: ${label}`, async () => {
      const solution = await solve(plan);
      expect(solution.servers.length).toBeGreaterThan(0);
      const design = buildDesign(solution, plan, { vlan: 120, workloadVlans: { 'erp-db': 130 } });
      expect(designProblems(design, solution, plan)).toEqual([]);
      expect(design.servers.flatMap((server) => server.partitions).length).toBe(
        solution.servers.flatMap((server) => server.partitions).length,
      );
    }, 60_000);
  }

  it('keeps the slot plan apart and within max_virtual_slots with hundreds of clients per VIOS', async () => {
    const plan = crowdedPlan(360);
    const solution = await solve(plan);
    const design = buildDesign(solution, plan);
    const busiest = Math.max(
      ...design.servers.map((server) => server.partitions.filter((partition) => partition.role === 'client').length),
    );
    expect(busiest).toBeGreaterThan(100);
    expect(designProblems(design, solution, plan)).toEqual([]);
    const raised = design.servers
      .flatMap((server) => server.partitions)
      .filter((partition) => partition.role === 'vios' && partition.maxVirtualSlots > 200);
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.every((vios) => vios.notes.some((note) => note.code === 'deploy.note-slots-raised'))).toBe(true);
  }, 60_000);

  it('reserves exactly the memory the sizing counted: sized and deployed utilisation are the same numbers', async () => {
    // With a firmware figure set, the page tables add to it, so a wrong max_mem or vFC count shows in every server.
    const withFirmware = (plan: PlanFile): PlanFile => ({
      ...plan,
      constraints: { ...plan.constraints, hypervisorFirmwareGiB: 4 },
    });
    const plans = [fixturePlan('valid'), mixedPlan(), crowdedPlan(120)];
    for (const plan of [...plans, ...plans.map(withFirmware)]) {
      const solution = await solve(plan);
      for (const server of deployedMemory(buildDesign(solution, plan), solution, plan)) {
        expect(server.utilization, server.id).toBeCloseTo(server.sized.utilization.memory, 3);
        expect(server.hypervisorGiB, server.id).toBeCloseTo(server.sized.hypervisorMemoryGiB, 2);
        expect(server.utilization).toBeLessThanOrEqual(plan.constraints.targetMemoryUtilization + 1e-9);
      }
    }
  }, 60_000);

  it('deploys the sized entitlement unchanged, within the cores, even with a thousand partitions', async () => {
    for (const plan of [fixturePlan('valid'), mixedPlan({ redundancy: 'n+1' }), crowdedPlan(1000)]) {
      const solution = await solve(plan);
      const design = buildDesign(solution, plan);
      for (const server of design.servers) {
        const notes = [...server.notes, ...server.partitions.flatMap((partition) => partition.notes)].map(
          (note) => note.code,
        );
        expect(notes).not.toContain('deploy.note-units-rounded');
        expect(notes).not.toContain('deploy.note-entitlement-over-cores');
        const sized = solution.servers.find((each) => each.id === server.serverId)!;
        for (const partition of server.partitions) {
          const source = sized.partitions.find((each) => each.name === partition.sourceName)!;
          if (partition.processor.mode === 'shared')
            expect(partition.processor.units.desired).toBeCloseTo(source.entitledCapacity!, 9);
        }
      }
    }
  }, 60_000);

  it('follows the plan for VLANs, names the managed systems and maps names to the HMC, unique per system', async () => {
    const plan = mixedPlan({ names: ['Ärger, Büro', 'Ärger; Büro', 'x'.repeat(80), '数据库', '"quoted"'] });
    const solution = await solve(plan);
    const appId = plan.workloads.find((workload) => workload.name === 'erp-app')!.id!;
    const workloadVlans = { 'erp-db': 130, [appId]: 140 };
    const design = buildDesign(solution, plan, { systemNames: { 'server-1': 'P10-PROD-A' }, vlan: 120, workloadVlans });
    expect(design.servers[0]!.systemName).toBe('P10-PROD-A');
    expect(designProblems(design, solution, plan)).toEqual([]);
    const erp = design.servers
      .flatMap((server) => server.partitions)
      .find((partition) => partition.sourceName === 'erp-db')!;
    expect(erp.vlan).toBe(130);
    const apps = design.servers
      .flatMap((server) => server.partitions)
      .filter((partition) => partition.workload === 'erp-app');
    expect(apps.map((partition) => partition.vlan)).toEqual([140, 140]);
    const mapped = design.names.filter((name) => name.kind === 'partition' && name.original !== name.hmcName);
    expect(mapped.map((name) => name.original).sort()).toEqual(
      ['"quoted"', 'x'.repeat(80), 'Ärger, Büro', 'Ärger; Büro', '数据库'].sort(),
    );
    expect(mapped.find((name) => name.original === 'x'.repeat(80))!.hmcName).toHaveLength(47);
  }, 60_000);

  it('refuses more VLANs on a server than one Shared Ethernet Adapter bridges, naming the field', async () => {
    const plan = makePlan({
      workloads: Array.from({ length: 18 }, (_, index) => ({
        name: `net${index}`,
        os: 'linux' as const,
        cpu: { kind: 'cores' as const, cores: 0.1 },
        memoryGiB: 2,
        io: { network: 'sea' as const },
      })),
      constraints: { generations: ['POWER10'], models: ['9105-42A'] },
    });
    const solution = await solve(plan);
    expect(solution.servers).toHaveLength(1);
    const workloadVlans = Object.fromEntries(plan.workloads.map((workload, index) => [workload.name, 100 + index]));
    expect(() => buildDesign(solution, plan, { workloadVlans })).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        path: 'workloadVlans',
        message: expect.stringMatching(/16 trunk adapters/),
      }),
    );
  }, 60_000);

  it('lists what an implementer must still do, in both languages', async () => {
    const plan = mixedPlan({ redundancy: 'n+1' });
    const design = buildDesign(await solve(plan), plan);
    const items = implementationChecklist(design);
    const codes = new Set(items.map((item) => item.code));
    for (const code of [
      'deploy.check-physical',
      'deploy.check-vios-install',
      'deploy.check-sea',
      'deploy.check-npiv',
      'deploy.check-vscsi',
      'deploy.check-os',
      'deploy.check-spt',
      'deploy.check-remote-restart',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    for (const item of items) {
      expect(hasMessage(item.code), item.code).toBe(true);
      expect(formatMessage(item, 'zh-CN')).not.toContain('—');
    }
  }, 60_000);

  it('holds for random small plans', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySmallPlan, async (plan) => {
        const solution = await solve(plan);
        expect(designProblems(buildDesign(solution, plan), solution, plan)).toEqual([]);
      }),
      { numRuns: 25, seed: 16 },
    );
  }, 60_000);
});
