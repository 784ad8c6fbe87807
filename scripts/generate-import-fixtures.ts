// Synthetic measurement files following the published nmon, nsum and HMC lslparutil layouts, seeded so every
// run writes the same bytes. `npx tsx scripts/generate-import-fixtures.ts [outDir] [--big MB]`.
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { random } from '../test/bench/families';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const pad = (value: number) => String(value).padStart(2, '0');

export interface NmonOptions {
  host: string;
  machineType: string;
  os: 'aix' | 'linux';
  mode: 'shared' | 'dedicated';
  entitlement: number;
  virtualCpus: number;
  memoryMB: number;
  snapshots: number;
  intervalSeconds: number;
  seed: number;
  /** Hour of the day when the load peaks. */
  peakHour: number;
  /** Snapshots present of those announced (drops the rest, as a crashed collection would). */
  truncateAt?: number;
}

export function nmonText(options: NmonOptions): string {
  const next = random(options.seed);
  const lines: string[] = [
    'AAA,progname,topas_nmon',
    `AAA,command,/usr/bin/topas_nmon -f -s ${options.intervalSeconds} -c ${options.snapshots}`,
    'AAA,version,TOPAS-NMON',
    `AAA,host,${options.host}`,
    `AAA,interval,${options.intervalSeconds}`,
    `AAA,snapshots,${options.snapshots}`,
    `AAA,cpus,${options.virtualCpus * 8},${options.virtualCpus * 8}`,
    options.os === 'aix' ? 'AAA,AIX,7.2.5.7' : 'AAA,OS,Linux,5.14.0-284.el9.ppc64le,#1 SMP,ppc64le',
    `AAA,MachineType,IBM,${options.machineType}`,
    `AAA,SerialNumber,78${Math.floor(next() * 1e5)}`,
    `AAA,LPARNumberName,${1 + Math.floor(next() * 30)},${options.host}`,
    `BBBL,01,lparno,${1 + Math.floor(next() * 30)}`,
    `BBBL,02,lparname,${options.host}`,
    `BBBL,03,CPU in sys,${options.virtualCpus}`,
    `BBBL,04,Entitled Capacity,${options.entitlement}`,
    `BBBL,05,Online Virtual CPUs,${options.virtualCpus}`,
    `BBBL,06,Partition Mode,${options.mode === 'shared' ? 'Shared' : 'Dedicated'}`,
    `LPAR,Logical Partition ${options.host},PhysicalCPU,virtualCPUs,logicalCPUs,poolCPUs,entitled,weight,PoolIdle,usedAllCPU%,usedPoolCPU%,SharedCPU,Capped,EC_User%,EC_Sys%,EC_Wait%,EC_Idle%,VP_User%,VP_Sys%,VP_Wait%,VP_Idle%,Folded,Pool_id`,
    `CPU_ALL,CPU Total ${options.host},User%,Sys%,Wait%,Idle%,Busy,CPUs`,
    options.os === 'aix'
      ? `MEM,Memory ${options.host},Real Free %,Virtual free %,Real free(MB),Virtual free(MB),Real total(MB),Virtual total(MB)`
      : `MEM,Memory MB ${options.host},memtotal,hightotal,lowtotal,swaptotal,memfree,highfree,lowfree,swapfree,memshared,cached,active,bigfree,buffers,swapcached,inactive`,
    ...(options.os === 'aix'
      ? [`MEMNEW,Memory New ${options.host},Process%,FScache%,System%,Free%,Pinned%,User%`]
      : []),
    `DISKREAD,Disk Read KB/s ${options.host},hdisk0,hdisk1`,
    `DISKWRITE,Disk Write KB/s ${options.host},hdisk0,hdisk1`,
    `DISKXFER,Disk transfers per second ${options.host},hdisk0,hdisk1`,
    `NET,Network I/O ${options.host},en0-read-KB/s,en0-write-KB/s`,
  ];
  const start = Date.UTC(2026, 10, 16, 0, 0, 0);
  const present = options.truncateAt ?? options.snapshots;
  for (let index = 1; index <= present; index += 1) {
    const tag = `T${String(index).padStart(4, '0')}`;
    const at = new Date(start + (index - 1) * options.intervalSeconds * 1000);
    lines.push(
      `ZZZZ,${tag},${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())},${pad(at.getUTCDate())}-${MONTHS[at.getUTCMonth()]}-${at.getUTCFullYear()}`,
    );
    const hour = at.getUTCHours() + at.getUTCMinutes() / 60;
    const daily = Math.exp(-((hour - options.peakHour) ** 2) / 8);
    const busy = Math.min(0.98, 0.15 + 0.7 * daily + 0.1 * next());
    const physical = Number(
      (busy * (options.mode === 'shared' ? options.virtualCpus * 0.8 : options.virtualCpus)).toFixed(3),
    );
    if (options.mode === 'shared') {
      lines.push(
        `LPAR,${tag},${physical},${options.virtualCpus},${options.virtualCpus * 8},16,${options.entitlement},128,${(16 - physical).toFixed(2)},${((physical / 16) * 100).toFixed(2)},${((physical / 16) * 100).toFixed(2)},1,0,60.1,20.2,1.0,18.7,50.0,15.0,1.0,34.0,0,0`,
      );
    }
    const user = (busy * 75).toFixed(1);
    const sys = (busy * 25).toFixed(1);
    lines.push(
      `CPU_ALL,${tag},${user},${sys},0.5,${(100 - Number(user) - Number(sys) - 0.5).toFixed(1)},,${options.virtualCpus * 8}`,
    );
    const freeMB = Math.round(options.memoryMB * (0.35 - 0.2 * daily));
    if (options.os === 'aix') {
      lines.push(
        `MEM,${tag},${((freeMB / options.memoryMB) * 100).toFixed(1)},90.0,${freeMB},8000,${options.memoryMB},8192`,
      );
      lines.push(
        `MEMNEW,${tag},${(45 + 20 * daily).toFixed(1)},${(25 - 10 * daily).toFixed(1)},10.0,${(20 - 10 * daily).toFixed(1)},12.0,50.0`,
      );
    } else {
      lines.push(
        `MEM,${tag},${options.memoryMB},0,0,4096,${freeMB},0,0,4000,0,${Math.round(options.memoryMB * 0.1)},0,-1,${Math.round(options.memoryMB * 0.02)},0,0`,
      );
    }
    lines.push(`DISKREAD,${tag},${(800 * busy).toFixed(1)},${(400 * busy).toFixed(1)}`);
    lines.push(`DISKWRITE,${tag},${(300 * busy).toFixed(1)},${(100 * busy).toFixed(1)}`);
    lines.push(`DISKXFER,${tag},${(120 * busy).toFixed(1)},${(60 * busy).toFixed(1)}`);
    lines.push(`NET,${tag},${(2000 * busy).toFixed(1)},${(1500 * busy).toFixed(1)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeFixtures(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const day = { snapshots: 288, intervalSeconds: 300 };
  writeFileSync(
    join(outDir, 'aix-shared.nmon'),
    nmonText({
      host: 'erpdb01',
      machineType: '8286-42A',
      os: 'aix',
      mode: 'shared',
      entitlement: 2,
      virtualCpus: 4,
      memoryMB: 65536,
      seed: 1,
      peakHour: 14,
      ...day,
    }),
  );
  writeFileSync(
    join(outDir, 'aix-dedicated.nmon'),
    nmonText({
      host: 'batch01',
      machineType: '8284-22A',
      os: 'aix',
      mode: 'dedicated',
      entitlement: 4,
      virtualCpus: 4,
      memoryMB: 32768,
      seed: 2,
      peakHour: 2,
      ...day,
    }),
  );
  writeFileSync(
    join(outDir, 'linux-shared.nmon'),
    nmonText({
      host: 'web01',
      machineType: '9009-22A',
      os: 'linux',
      mode: 'shared',
      entitlement: 1,
      virtualCpus: 2,
      memoryMB: 16384,
      seed: 3,
      peakHour: 20,
      ...day,
    }),
  );
  writeFileSync(
    join(outDir, 'truncated.nmon'),
    nmonText({
      host: 'app02',
      machineType: '8286-42A',
      os: 'aix',
      mode: 'shared',
      entitlement: 1,
      virtualCpus: 2,
      memoryMB: 16384,
      seed: 4,
      peakHour: 10,
      snapshots: 288,
      intervalSeconds: 300,
      truncateAt: 60,
    }),
  );
  writeFileSync(join(outDir, 'damaged.nmon'), 'this file was cut before its header\nT0001,0.5\n');
  writeFileSync(
    join(outDir, 'summary.nsum.csv'),
    [
      'lpar,serial,machine type,os,entitlement,vp,min,avg,max,p95,memory gb',
      'sapdb,7812345,9009-42A,AIX,4,8,0.8,2.1,6.2,4.9,256',
      'sapapp1,7812345,9009-42A,AIX,2,4,0.2,0.9,3.1,2.4,64',
    ].join('\n') + '\n',
  );
  const hmc: string[] = [
    'time,lpar_name,capped_cycles,uncapped_cycles,entitled_cycles,time_cycles,curr_proc_units,curr_mem,curr_proc_mode',
  ];
  const next = random(9);
  for (const [lpar, units] of [
    ['hmc-lpar1', 1.5],
    ['hmc-lpar2', 0.5],
  ] as const) {
    let capped = 0;
    let uncapped = 0;
    let time = 0;
    for (let index = 0; index < 12 * 24; index += 1) {
      const at = new Date(Date.UTC(2026, 10, 16, 0, 0, 0) + index * 300_000);
      const used = units * (0.3 + 0.6 * next());
      const interval = 300 * 512_000_000; // time cycles per 5 minutes at 512 MHz timebase
      capped += Math.round(Math.min(used, units) * interval);
      uncapped += Math.round(Math.max(0, used - units) * interval);
      time += interval;
      hmc.push(
        `${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00,${lpar},${capped},${uncapped},${Math.round(units * time)},${time},${units},8192,shared`,
      );
    }
  }
  writeFileSync(join(outDir, 'hmc-lslparutil.csv'), `${hmc.join('\n')}\n`);
  writeFileSync(
    join(outDir, 'generic.csv'),
    [
      'time,lpar,coresUsed,memoryGiB,mtm',
      '2026-11-16T00:00:00Z,ora01,1.2,48,9009-22A',
      '2026-11-16T00:15:00Z,ora01,2.4,50,9009-22A',
      '2026-11-16T00:30:00Z,ora01,1.8,49,9009-22A',
    ].join('\n') + '\n',
  );
}

/** A large nmon set for the import benchmark, written as a stream (never held whole). */
export async function writeBigNmonSet(outDir: string, megabytes: number): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  let index = 0;
  while (bytes < megabytes * 1e6) {
    const text = nmonText({
      host: `lpar${index}`,
      machineType: '8286-42A',
      os: 'aix',
      mode: 'shared',
      entitlement: 2,
      virtualCpus: 4,
      memoryMB: 32768,
      seed: index + 100,
      peakHour: index % 24,
      snapshots: 2016,
      intervalSeconds: 300,
    });
    const stream = createWriteStream(join(outDir, `lpar${index}.nmon`));
    await new Promise<void>((done, fail) => stream.end(text, () => done()).on('error', fail));
    bytes += Buffer.byteLength(text);
    index += 1;
  }
  return bytes;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = process.argv[2] ?? join(import.meta.dirname, '..', 'test', 'fixtures', 'import');
  writeFixtures(outDir);
  console.log(`wrote fixtures to ${outDir}`);
}
