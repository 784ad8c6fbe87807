// Import benchmark: throughput and peak memory over generated nmon (default 500 MB, written to a temporary folder at
// bench time, removed afterwards), once as a few large files and once as thousands of small ones, each side by side
// with a bare read of the same bytes (read and split into lines, nothing parsed). Figures only, never a pass/fail.
import { closeSync, createWriteStream, openSync, readSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { importFiles } from '../../src-main/import';
import { tempDir } from '../support/temp';
import { random } from './families';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const pad = (value: number) => String(value).padStart(2, '0');
const LOGICAL_CPUS = 16;

/**
 * One AIX topas_nmon file the way real ones look: besides the sections the import reads, per-CPU lines and TOP
 * process lines (most of a real file's bytes). Written as a stream; returns the bytes written.
 */
async function writeNmon(path: string, lpar: number, snapshots: number, startDay: number): Promise<number> {
  const next = random(lpar + 7);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let buffered: string[] = [];
  const flush = async () => {
    const text = `${buffered.join('\n')}\n`;
    buffered = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  const host = `lpar${lpar}`;
  buffered.push(
    'AAA,progname,topas_nmon',
    'AAA,command,/usr/bin/topas_nmon -f -d -t -s 60 -c 1440',
    'AAA,version,TOPAS-NMON',
    `AAA,host,${host}`,
    'AAA,AIX,7.2.5.7',
    'AAA,interval,60',
    `AAA,snapshots,${snapshots}`,
    `AAA,cpus,${LOGICAL_CPUS},${LOGICAL_CPUS}`,
    'AAA,MachineType,IBM,9009-42A',
    'AAA,SerialNumber,78ABCDE',
    `AAA,LPARNumberName,${lpar + 1},${host}`,
    'BBBL,04,Entitled Capacity,2.0',
    'BBBL,05,Online Virtual CPUs,4',
    `LPAR,Logical Partition ${host},PhysicalCPU,virtualCPUs,logicalCPUs,poolCPUs,entitled,weight,PoolIdle,usedAllCPU%,usedPoolCPU%,SharedCPU,Capped,EC_User%,EC_Sys%,EC_Wait%,EC_Idle%,VP_User%,VP_Sys%,VP_Wait%,VP_Idle%,Folded,Pool_id`,
    `CPU_ALL,CPU Total ${host},User%,Sys%,Wait%,Idle%,Busy,PhysicalCPUs`,
    ...Array.from(
      { length: LOGICAL_CPUS },
      (_, cpu) => `CPU${pad(cpu + 1)},CPU ${cpu + 1} ${host},User%,Sys%,Wait%,Idle%`,
    ),
    `MEM,Memory ${host},Real Free %,Virtual free %,Real free(MB),Virtual free(MB),Real total(MB),Virtual total(MB)`,
    `MEMNEW,Memory New ${host},Process%,FScache%,System%,Free%,Pinned%,User%`,
    `DISKREAD,Disk Read KB/s ${host},hdisk0,hdisk1,hdisk2,hdisk3`,
    `DISKWRITE,Disk Write KB/s ${host},hdisk0,hdisk1,hdisk2,hdisk3`,
    `DISKXFER,Disk transfers per second ${host},hdisk0,hdisk1,hdisk2,hdisk3`,
    `NET,Network I/O ${host},en0-read-KB/s,en1-read-KB/s,en0-write-KB/s,en1-write-KB/s`,
    'TOP,%CPU Utilisation',
    'TOP,+PID,Time,%CPU,%Usr,%Sys,Threads,Size,ResText,ResData,CharIO,%RAM,Paging,Command,WLMclass',
  );
  const start = Date.UTC(2026, 10, 16 + startDay);
  for (let index = 1; index <= snapshots; index += 1) {
    const tag = `T${String(index).padStart(4, '0')}`;
    const at = new Date(start + (index - 1) * 60_000);
    const busy = 0.2 + 0.6 * Math.exp(-((at.getUTCHours() - (lpar % 24)) ** 2) / 8) + 0.1 * next();
    const user = (busy * 70).toFixed(1);
    const sys = (busy * 20).toFixed(1);
    buffered.push(
      `ZZZZ,${tag},${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00,${pad(at.getUTCDate())}-${MONTHS[at.getUTCMonth()]}-${at.getUTCFullYear()}`,
    );
    for (let cpu = 1; cpu <= LOGICAL_CPUS; cpu += 1)
      buffered.push(`CPU${pad(cpu)},${tag},${user},${sys},0.3,${(100 - Number(user) - Number(sys) - 0.3).toFixed(1)}`);
    buffered.push(
      `CPU_ALL,${tag},${user},${sys},0.3,${(100 - Number(user) - Number(sys) - 0.3).toFixed(1)},,${LOGICAL_CPUS}`,
      `LPAR,${tag},${(busy * 4).toFixed(3)},4,${LOGICAL_CPUS},16,2.00,128,${(16 - busy * 4).toFixed(2)},${(busy * 25).toFixed(2)},${(busy * 25).toFixed(2)},1,0,60.1,20.2,1.0,18.7,50.0,15.0,1.0,34.0,0,0`,
      `MEM,${tag},30.0,95.0,9830.4,7782.4,32768.0,8192.0`,
      `MEMNEW,${tag},${(40 + 20 * busy).toFixed(1)},25.0,12.0,${(23 - 20 * busy).toFixed(1)},11.0,55.0`,
      `DISKREAD,${tag},${(800 * busy).toFixed(1)},${(400 * busy).toFixed(1)},12.0,0.0`,
      `DISKWRITE,${tag},${(300 * busy).toFixed(1)},${(100 * busy).toFixed(1)},4.0,0.0`,
      `DISKXFER,${tag},${(120 * busy).toFixed(1)},${(60 * busy).toFixed(1)},1.0,0.0`,
      `NET,${tag},${(2000 * busy).toFixed(1)},3.1,${(1500 * busy).toFixed(1)},2.2`,
      ...Array.from(
        { length: 6 },
        (_, process) =>
          `TOP,${String(1000 + process * 7919).padStart(7, '0')},${tag},${((busy * 30) / (process + 1)).toFixed(2)},${((busy * 25) / (process + 1)).toFixed(2)},${((busy * 5) / (process + 1)).toFixed(2)},12,204800,512,203000,1200,3.1,0,oracle${process},Unclassified`,
      ),
    );
    if (buffered.length > 2000) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
  return bytes;
}

/**
 * Files of `perFile` snapshots (one minute apart), `filesPerLpar` consecutive days of each LPAR (as day files are),
 * until the total reaches `megabytes`.
 */
export async function writeSet(
  dir: string,
  megabytes: number,
  perFile: number,
  filesPerLpar: number,
): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  while (bytes < megabytes * 1e6) {
    const lpar = Math.floor(files / filesPerLpar);
    const day = (files % filesPerLpar) * Math.ceil(perFile / 1440);
    bytes += await writeNmon(join(dir, `lpar${lpar}_${files % filesPerLpar}.nmon`), lpar, perFile, day);
    files += 1;
  }
  return { bytes, files };
}

/**
 * The floor: the same bytes read and split into lines, nothing else, the cheapest way Node offers (synchronous reads
 * into one reused 1 MiB buffer, one newline search per line), so the ratio is not flattered by a slow floor.
 */
function bareRead(dir: string): { seconds: number; cpuSeconds: number; lines: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const scratch = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  for (const name of readdirSync(dir)) {
    const handle = openSync(join(dir, name), 'r');
    try {
      for (let got = readSync(handle, scratch, 0, scratch.length, null); got > 0;) {
        const view = got === scratch.length ? scratch : scratch.subarray(0, got);
        for (let at = view.indexOf(10); at >= 0; at = view.indexOf(10, at + 1)) lines += 1;
        got = readSync(handle, scratch, 0, scratch.length, null);
      }
    } finally {
      closeSync(handle);
    }
  }
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpu), lines };
}

export interface ImportBenchRow {
  shape: string;
  files: number;
  megabytes: number;
  lpars: number;
  seconds: number;
  mbPerSecond: number;
  bareMbPerSecond: number;
  /** Import time over the bare read's time. */
  ratio: number;
  /** The same from CPU time (what one core does, whatever else the machine runs). */
  cpuMbPerSecond: number;
  bareCpuMbPerSecond: number;
  cpuRatio: number;
  peakRssMiB: number;
}

async function runShape(
  shape: string,
  megabytes: number,
  perFile: number,
  filesPerLpar: number,
): Promise<ImportBenchRow> {
  const dir = await tempDir('pvs-bench-import-');
  try {
    const { bytes, files } = await writeSet(dir, megabytes, perFile, filesPerLpar);
    global.gc?.();
    bareRead(dir); // warms the page cache for both measurements alike
    const bare = bareRead(dir);
    // process.memoryUsage.rss() reads the resident size alone: process.memoryUsage() also walks the heap spaces,
    // which, called on every progress report (twice per small file), would bill the import for the measuring.
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await importFiles([dir], { onProgress: () => (peak = Math.max(peak, process.memoryUsage.rss())) });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsSince(cpu);
    clearInterval(sampler);
    const mb = bytes / 1e6;
    return {
      shape,
      files,
      megabytes: Math.round(mb),
      lpars: result.measurements.length,
      seconds: round(seconds, 2),
      mbPerSecond: round(mb / seconds, 1),
      bareMbPerSecond: round(mb / bare.seconds, 1),
      ratio: round(seconds / bare.seconds, 2),
      cpuMbPerSecond: round(mb / cpuSeconds, 1),
      bareCpuMbPerSecond: round(mb / bare.cpuSeconds, 1),
      cpuRatio: round(cpuSeconds / bare.cpuSeconds, 2),
      peakRssMiB: Math.round(peak / 1024 / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
/** CPU time of this process since `from` (user + system): on a shared machine the wall clock also counts waiting. */
function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

export async function runImportBench(megabytes = 500): Promise<ImportBenchRow[]> {
  // A few large files: five weeks of one-minute samples per LPAR in one file (about 70 MB each).
  const large = await runShape('few large files', megabytes, 35 * 1440, 1);
  // Thousands of small files: two hours of one-minute samples per file (about 0.17 MB each), a week of them per LPAR.
  const small = await runShape('many small files', megabytes, 120, 7);
  return [large, small];
}
