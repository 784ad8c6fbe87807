// Plans that exercise every choice the design renders: storage and network per workload, VIOS layouts, n+1,
// IBM i, dedicated partitions, and a server with hundreds of clients per VIOS.
import type { PlanFile, WorkloadInput } from '../../../../src-main/plan/schema';
import { plan } from '../../../support/plans';

export function mixedPlan(
  overrides: { vios?: 'dual' | 'single' | 'none'; redundancy?: 'none' | 'n+1'; names?: string[] } = {},
): PlanFile {
  const names = overrides.names ?? [];
  const workloads: WorkloadInput[] = [
    {
      name: 'erp-db',
      os: 'aix',
      cpu: { kind: 'rperf', rperf: 120 },
      memoryGiB: 256,
      io: { storage: 'npiv', network: 'sea' },
    },
    {
      name: 'erp-app',
      os: 'aix',
      cpu: { kind: 'rperf', rperf: 40 },
      memoryGiB: 64,
      count: 2,
      io: { storage: 'vscsi', network: 'sea' },
    },
    {
      name: 'payroll',
      os: 'ibmi',
      cpu: { kind: 'cores', cores: 1.3 },
      memoryGiB: 48,
      io: { storage: 'npiv', network: 'vnic' },
    },
    {
      name: 'spool',
      os: 'ibmi',
      cpu: { kind: 'cores', cores: 0.4 },
      memoryGiB: 12,
      io: { storage: 'vscsi', network: 'sea' },
    },
    {
      name: 'web',
      os: 'linux',
      cpu: { kind: 'cores', cores: 0.33 },
      memoryGiB: 8,
      count: 3,
      io: { storage: 'vscsi', network: 'sriov' },
    },
    {
      name: 'batch',
      os: 'linux',
      cpu: { kind: 'cores', cores: 3.2 },
      memoryGiB: 32,
      processorMode: 'dedicated',
      io: { storage: 'npiv', network: 'vnic' },
    },
    ...names.map((name, index): WorkloadInput => ({
      name,
      os: index % 2 ? 'aix' : 'linux',
      cpu: { kind: 'cores', cores: 0.2 + index / 10 },
      memoryGiB: 4 + index,
      io: { storage: index % 2 ? 'npiv' : 'vscsi', network: index % 3 ? 'sea' : 'vnic' },
    })),
  ];
  return plan({
    name: 'Mixed',
    workloads,
    constraints: {
      generations: ['POWER10'],
      models: ['9105-42A'],
      vios: overrides.vios ?? 'dual',
      redundancy: overrides.redundancy ?? 'none',
    },
  });
}

/** Many small partitions: more than a hundred clients per VIOS, where slot plans used to collide. */
export function crowdedPlan(workloads: number): PlanFile {
  return plan({
    name: 'Crowded',
    workloads: [
      {
        name: 'small-vscsi',
        os: 'linux',
        cpu: { kind: 'cores', cores: 0.12 },
        memoryGiB: 2,
        count: Math.ceil(workloads / 2),
        io: { storage: 'vscsi' },
      },
      {
        name: 'small-npiv',
        os: 'aix',
        cpu: { kind: 'cores', cores: 0.07 },
        memoryGiB: 2,
        count: Math.floor(workloads / 2),
        io: { storage: 'npiv' },
      },
    ],
    constraints: { generations: ['POWER10'], models: ['9080-HEX'] },
  });
}

/** Names a plan file or a customer's spreadsheet may carry: shell, attribute-list, YAML, Jinja and CSV breakers. */
export const HOSTILE_NAMES = [
  "a'; touch pwned1; echo '",
  '$(touch pwned2)',
  '`touch pwned3`',
  'x"; touch pwned4; echo "',
  'f,lpar_env=vioserver,max_mem=99999999',
  'name=evil,"virtual_scsi_adapters=1/server/any//1/0"',
  'line\nbreak; touch pwned5',
  'cr\rreturn',
  "{{ lookup('pipe', 'touch pwned6') }}",
  '{% for x in range(3) %}x{% endfor %}',
  'ｅｒｐ－ｄｂ',
  'еrp-db',
  'next\u2028line\u0085touch pwned7',
  'back\\slash\\',
  '=cmd|"/c calc"!A1',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '--help',
  'a'.repeat(10_000),
  '   ',
  '数据库服务器',
];
