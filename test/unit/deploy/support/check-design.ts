// The rules a deployable design must meet, checked from the outside (PowerVM rules and the HMC's limits), so a
// test can run them over any plan. Each problem is one line naming the partition.
import type { Design, DesignPartition } from '../../../../src-main/deploy';
import type { PlanFile } from '../../../../src-main/plan/schema';
import type { Solution } from '../../../../src-main/solver/schema';

const cents = (value: number) => Math.round(value * 100);

export function processorProblems(partition: DesignPartition, generation: string, activeCores: number): string[] {
  const problems: string[] = [];
  const where = partition.hmcName;
  const { processor } = partition;
  if (processor.mode === 'dedicated') {
    const { min, desired, max } = processor.processors;
    if (!(min >= 1 && min <= desired && desired <= max && max <= activeCores))
      problems.push(`${where}: dedicated ${min}/${desired}/${max} of ${activeCores}`);
    return problems;
  }
  const step = generation === 'POWER7' ? 10 : 5;
  const units = processor.units;
  const vps = processor.virtualProcessors;
  if (!(units.min <= units.desired && units.desired <= units.max))
    problems.push(`${where}: units ${units.min}/${units.desired}/${units.max}`);
  if (!(vps.min <= vps.desired && vps.desired <= vps.max))
    problems.push(`${where}: VPs ${vps.min}/${vps.desired}/${vps.max}`);
  for (const level of ['min', 'desired', 'max'] as const) {
    const value = cents(units[level]);
    if (value % step !== 0) problems.push(`${where}: ${level} units ${units[level]} not a multiple of ${step / 100}`);
    if (value > vps[level] * 100)
      problems.push(`${where}: ${level} ${units[level]} units over 1.00 per VP (${vps[level]} VP)`);
    if (value < vps[level] * step)
      problems.push(`${where}: ${level} ${units[level]} units under the minimum per VP (${vps[level]} VP)`);
  }
  if (units.max > activeCores) problems.push(`${where}: max units ${units.max} over ${activeCores} cores`);
  if (processor.weight < 0 || processor.weight > 255) problems.push(`${where}: weight ${processor.weight}`);
  return problems;
}

export function designProblems(design: Design, solution: Solution, plan: PlanFile): string[] {
  const problems: string[] = [];
  // Instance names as the plan defines them (name-1, name-2, ... when count > 1), independent of the solver's ids.
  const workloadOf = new Map(
    plan.workloads.flatMap((workload) =>
      Array.from(
        { length: workload.count },
        (_, index) => [workload.count > 1 ? `${workload.name}-${index + 1}` : workload.name, workload] as const,
      ),
    ),
  );
  for (const server of design.servers) {
    const sized = solution.servers.find((each) => each.id === server.serverId)!;
    const byId = new Map(server.partitions.map((partition) => [partition.id, partition]));
    const names = new Set<string>();
    let seenClient = false;
    for (const partition of server.partitions) {
      const where = `${server.serverId}/${partition.hmcName}`;
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,46}$/.test(partition.hmcName)) problems.push(`${where}: name not HMC-safe`);
      if (names.has(partition.hmcName.toLowerCase())) problems.push(`${where}: name used twice`);
      names.add(partition.hmcName.toLowerCase());
      if (partition.role === 'client') seenClient = true;
      else if (seenClient) problems.push(`${where}: VIOS after a client`);
      problems.push(...processorProblems(partition, server.generation, server.activeCores));
      const memory = partition.memoryMB;
      if (!(memory.min <= memory.desired && memory.desired <= memory.max))
        problems.push(`${where}: memory ${memory.min}/${memory.desired}/${memory.max}`);
      for (const value of [memory.min, memory.desired, memory.max])
        if (value % server.lmbMiB !== 0) problems.push(`${where}: ${value} MB not whole LMBs of ${server.lmbMiB}`);
      if (memory.max > server.installedMB)
        problems.push(`${where}: max memory above the server's ${server.installedMB} MB`);
      const source = sized.partitions.find((each) => each.name === partition.sourceName);
      if (!source) problems.push(`${where}: not in the solution`);
      else if (Math.abs(memory.desired - source.memoryGiB * 1024) > 0.5)
        problems.push(`${where}: desired memory ${memory.desired} MB, sized ${source.memoryGiB} GiB`);
      const slots = new Set<number>();
      for (const adapter of partition.adapters) {
        if (slots.has(adapter.slot)) problems.push(`${where}: slot ${adapter.slot} used twice`);
        slots.add(adapter.slot);
        if (adapter.slot < 2 || adapter.slot >= partition.maxVirtualSlots)
          problems.push(`${where}: slot ${adapter.slot} outside 2..${partition.maxVirtualSlots - 1}`);
        if (adapter.kind === 'scsi' || adapter.kind === 'fc') {
          const remote = byId.get(adapter.remoteId);
          const back = remote?.adapters.find((each) => each.kind === adapter.kind && each.slot === adapter.remoteSlot);
          if (
            !remote ||
            !back ||
            back.kind !== adapter.kind ||
            back.remoteId !== partition.id ||
            back.remoteSlot !== adapter.slot ||
            back.side === adapter.side
          ) {
            problems.push(
              `${where}: ${adapter.kind} slot ${adapter.slot} has no matching adapter at ${adapter.remoteId}/${adapter.remoteSlot}`,
            );
          }
          if (adapter.side === 'client' && remote && adapter.remoteName !== remote.hmcName)
            problems.push(`${where}: remote name ${adapter.remoteName}`);
        }
      }
      if (partition.role === 'client') {
        const workload = workloadOf.get(partition.sourceName);
        const vioses = design.viosCount;
        const storage = partition.adapters.filter((adapter) => adapter.kind === 'scsi' || adapter.kind === 'fc');
        if (vioses === 0) {
          if (partition.adapters.length > 0) problems.push(`${where}: virtual adapters without a VIOS`);
          continue;
        }
        const wantStorage = workload?.io?.storage ?? 'vscsi';
        if (
          storage.length !== vioses ||
          storage.some((adapter) => adapter.kind !== (wantStorage === 'npiv' ? 'fc' : 'scsi'))
        )
          problems.push(`${where}: storage adapters do not follow ${wantStorage}`);
        const wantNetwork = workload?.io?.network ?? 'sea';
        const ethernet = partition.adapters.filter((adapter) => adapter.kind === 'ethernet').length;
        const vnic = partition.adapters.filter((adapter) => adapter.kind === 'vnic').length;
        if (ethernet !== (wantNetwork === 'sea' ? 1 : 0) || vnic !== (wantNetwork === 'vnic' ? 1 : 0))
          problems.push(`${where}: network adapters do not follow ${wantNetwork}`);
        const restartable = plan.constraints.redundancy === 'n+1' && wantNetwork !== 'sriov';
        if (partition.remoteRestart !== restartable)
          problems.push(`${where}: remote restart ${partition.remoteRestart}`);
        if ((partition.os === 'ibmi') !== (partition.taggedIo !== null)) problems.push(`${where}: tagged I/O`);
        if (partition.taggedIo && !storage.some((adapter) => adapter.slot === partition.taggedIo!.loadSourceSlot))
          problems.push(`${where}: load source is not a storage adapter`);
      }
    }
  }
  return problems;
}
