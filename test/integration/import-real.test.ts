// Real nmon files from public repositories (see test/fixtures/import-real/README.md), imported as a user would and
// compared with figures this test computes itself from the same lines with a deliberately plain reading.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles, percentile, renderMessage, statisticsOf, toWorkloads } from '../../src-main/import';
import { repoRoot } from '../support/browser-app';
import { shippedSnapshot } from '../support/plans';
import { tempDir } from '../support/temp';

const real = join(repoRoot, 'test', 'fixtures', 'import-real');
const aixText = gunzipSync(await readFile(join(real, 'aixlpar.nmon.gz'))).toString('latin1');
const catalog = await shippedSnapshot();

/** The plain reading: ZZZZ times by tag, then a section's column by its header's name, by tag. */
function plain(text: string) {
  const lines = text.split(/\r?\n/).map((line) => line.split(','));
  const times = new Map(
    lines.filter((cells) => cells[0] === 'ZZZZ').map((cells) => [cells[1]!, `${cells[3]} ${cells[2]}`]),
  );
  const columnOf = (section: string, name: string) => {
    const header = lines.find((cells) => cells[0] === section && !/^T\d+$/.test(cells[1]!))!;
    const at = header.findIndex((cell) => cell.trim() === name);
    return lines
      .filter((cells) => cells[0] === section && /^T\d+$/.test(cells[1]!))
      .map((cells) => ({ tag: cells[1]!, value: Number(cells[at]) }));
  };
  return { times, columnOf };
}

describe('a real AIX 7.1 topas_nmon file of a shared POWER7 LPAR (8205-E6C)', () => {
  const { times, columnOf } = plain(aixText);
  const physical = columnOf('LPAR', 'PhysicalCPU').map((each) => each.value);

  it('gives the samples, period, statistics and memory the lines hold', async () => {
    const result = await importFiles([join(real, 'aixlpar.nmon.gz')]);
    expect(result.damaged).toEqual([]);
    const [lpar] = result.measurements;
    // The partition's configuration as its BBBL lines and the AAA hardware line state it.
    const bbbl = (label: string) =>
      Number(
        aixText
          .split('\n')
          .map((line) => line.split(','))
          .find((cells) => cells[0] === 'BBBL' && cells[2]!.trim() === label)![3],
      );
    const hardware = aixText.split('\n').find((line) => line.startsWith('AAA,hardware,'))!;
    expect(lpar).toMatchObject({
      lparName: 'aixlpar',
      serial: '0123456A',
      lparNumber: bbbl('lparno'),
      machineTypeModel: '8205-E6C',
      processorGeneration: /Implementation (POWER\d+)/.exec(hardware)![1],
      os: 'aix',
      mode: 'shared',
      entitlement: bbbl('Entitled Capacity'),
      virtualProcessors: bbbl('Virtual CPU'),
      smtThreads: bbbl('smt threads'),
    });
    expect([bbbl('Entitled Capacity'), bbbl('Virtual CPU'), bbbl('smt threads')]).toEqual([1.3, 7, 4]);
    expect(lpar!.samples.cores).toHaveLength(physical.length);
    expect(physical).toHaveLength(187);
    const statistics = statisticsOf(lpar!.samples)!;
    expect(statistics.p95).toBe(percentile(physical, 95));
    expect(statistics.p95).toBe(2.156);
    expect(statistics.peak).toBe(Math.max(...physical));
    expect(lpar!.periodStart).toBe('2016-02-10T17:28:10.000Z');
    expect(times.get('T0001')).toBe('10-FEB-2016 17:28:10');
    const total = columnOf('MEM', 'Real total(MB)').map((each) => each.value);
    expect(lpar!.memoryConfiguredGiB).toBe(total[0]! / 1024);
    const process = columnOf('MEMNEW', 'Process%').map((each) => each.value);
    const system = columnOf('MEMNEW', 'System%').map((each) => each.value);
    const peakPercent = Math.max(...process.map((value, index) => value + system[index]!));
    expect(lpar!.memoryUsedPeakGiB).toBeCloseTo((total[0]! * peakPercent) / 100 / 1024, 9);
    expect(lpar!.files[0]!.lost.map((message) => renderMessage(message))).toEqual([
      '187 of the 312 snapshots the collection announced are present',
    ]);
  });

  it('converts through its POWER7 model, the Power 740 8205-E6C the catalog now holds, or the model the user picks', async () => {
    const result = await importFiles([join(real, 'aixlpar.nmon.gz')]);
    const [fromFile] = toWorkloads(result.measurements, catalog, { basis: 'p95', headroom: 0 });
    expect(fromFile!.problem).toBeNull();
    expect(fromFile!.workload).toMatchObject({
      name: 'aixlpar',
      cpu: { kind: 'measured', cores: 2.156, model: '8205-E6C' },
      memoryGiB: 42,
    });
    expect(fromFile!.summary.sourceModelFrom).toBe('file');
    const [chosen] = toWorkloads(result.measurements, catalog, { basis: 'p95', headroom: 0, sourceModel: '8205-E6B' });
    expect(chosen!.workload).toMatchObject({ cpu: { kind: 'measured', cores: 2.156, model: '8205-E6B' } });
    expect(chosen!.summary.notes.map((note) => renderMessage(note))).toContain(
      'source model 8205-E6B chosen by the user (the file says 8205-E6C)',
    );
  });

  it('keeps its statistics and profile when sorted, and when split into two files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'sorted.nmon'), `${aixText.trimEnd().split('\n').sort().join('\n')}\n`);
    const sorted = (await importFiles([join(dir, 'sorted.nmon')])).measurements[0]!;
    const original = (await importFiles([join(real, 'aixlpar.nmon.gz')])).measurements[0]!;
    expect([...sorted.samples.cores]).toEqual([...original.samples.cores]);
    expect(sorted.profile).toEqual(original.profile);

    const lines = aixText.split('\n');
    const cut = lines.findIndex((line) => line.startsWith('ZZZZ,T0094,'));
    const header = lines.slice(
      0,
      lines.findIndex((line) => line.startsWith('ZZZZ,')),
    );
    await writeFile(join(dir, 'first.nmon'), lines.slice(0, cut).join('\n'));
    await writeFile(join(dir, 'second.nmon'), [...header, ...lines.slice(cut)].join('\n'));
    const merged = await importFiles([join(dir, 'first.nmon'), join(dir, 'second.nmon')]);
    expect(merged.measurements).toHaveLength(1);
    expect(statisticsOf(merged.measurements[0]!.samples)!.p95).toBe(2.156);
    expect(merged.measurements[0]!.files.map((file) => file.samples)).toEqual([93, 94]);
  });
});

describe('a real Linux nmon file of an x86 laptop', () => {
  it('is refused in one line that says what it is', async () => {
    const result = await importFiles([join(real, 'linux_150818_1024.nmon.gz')]);
    expect(result.measurements).toEqual([]);
    expect(renderMessage(result.damaged[0]!.reason)).toBe(
      'nmon of linux, an x86 system (Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz), not a Power partition: it cannot be sized as an LPAR',
    );
  });
});

// Real configuration headers of two LPARs of a TA-nmon collection (test/fixtures/import-real/README.md): nmon -F
// wrote them to a pipe, so the files hold no snapshot. Alone they are refused; with snapshots this test writes after
// them, the import must read each header as this test reads it.
const linuxHeaderFile = join(real, 'ta-nmon-linux-ppc64le-header.nmon.gz');
const aixHeaderFile = join(real, 'ta-nmon-aix72-power8-header.nmon.gz');
const linuxHeader = gunzipSync(await readFile(linuxHeaderFile)).toString('latin1');
const aixHeader = gunzipSync(await readFile(aixHeaderFile)).toString('latin1');

/** The quoted outputs of one command in the BBBP lines, in order. */
function bbbp(text: string, command: string): string[] {
  return text
    .split('\n')
    .map((line) => /^BBBP,\d+,(.*?),"(.*)"\s*$/.exec(line))
    .filter((match) => match !== null && match[1] === command)
    .map((match) => match![2]!);
}
/** "Key : value" (lparstat -i, lsconf) or "key=value" (lparcfg) of one command's output. */
function keyed(text: string, command: string, key: string, separator = ':'): string {
  const line = bbbp(text, command).find((each) => each.split(separator)[0]!.trim() === key);
  if (line === undefined) throw new Error(`no ${key} in ${command}`);
  return line.slice(line.indexOf(separator) + 1).trim();
}
const aaa = (text: string, key: string) =>
  text
    .split('\n')
    .find((line) => line.startsWith(`AAA,${key},`))!
    .split(',')
    .slice(2);

/** Snapshots every 30 minutes from the header's own date and time, with the section lines `lines` makes. */
function withSnapshots(
  header: string,
  sectionHeaders: string[],
  count: number,
  lines: (tag: string, index: number) => string[],
) {
  const [day, month, year] = aaa(header, 'date')[0]!.split('-');
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const start = Date.UTC(Number(year), months.indexOf(month!), Number(day), 8);
  const out = [header.trimEnd(), ...sectionHeaders];
  for (let index = 0; index < count; index += 1) {
    const tag = `T${String(index + 1).padStart(4, '0')}`;
    const at = new Date(start + index * 30 * 60_000);
    const date = `${String(at.getUTCDate()).padStart(2, '0')}-${months[at.getUTCMonth()]}-${at.getUTCFullYear()}`;
    out.push(`ZZZZ,${tag},${at.toISOString().slice(11, 19)},${date}`, ...lines(tag, index));
  }
  return `${out.join('\n')}\n`;
}
/** The header with its snapshots, written as `<host>.nmon` in a new temporary folder; returns the file's path. */
async function writeWithSnapshots(host: string, ...snapshots: Parameters<typeof withSnapshots>): Promise<string> {
  const file = join(await tempDir(), `${host}.nmon`);
  await writeFile(file, withSnapshots(...snapshots));
  return file;
}
const busyOf = (index: number) => ({ user: 10 + ((index * 37) % 60), sys: 5 + (index % 4) });

describe('real configuration headers of a TA-nmon collection: Linux on Power (8247-22L) and AIX 7.2 (8408-E8E)', () => {
  it('are refused alone, saying they hold only the configuration and where the samples went', async () => {
    for (const [file, text] of [
      [linuxHeaderFile, linuxHeader],
      [aixHeaderFile, aixHeader],
    ] as const) {
      const lines = text.split('\n');
      expect(lines.some((line) => /^(ZZZZ|CPU_ALL|LPAR),/.test(line))).toBe(false);
      const result = await importFiles([file]);
      expect(result.measurements).toEqual([]);
      expect(renderMessage(result.damaged[0]!.reason)).toBe(
        `only the configuration header of an nmon collection (${(lines.length - (text.endsWith('\n') ? 1 : 0)).toLocaleString('en-US')} lines of AAA and BBB, no snapshots): its samples were written to another file (nmon -F to a pipe, as TA-nmon collects): import that file with it`,
      );
    }
  });

  it('Linux on Power: server type from host-model, serial from host-serial, cores and mode from its own lines', async () => {
    const host = aaa(linuxHeader, 'host')[0]!;
    expect(aaa(linuxHeader, 'OS').at(-1)).toBe('ppc64le');
    const model = bbbp(linuxHeader, '/proc/device-tree/host-model')[0]!;
    const serial = bbbp(linuxHeader, '/proc/device-tree/host-serial')[0]!;
    const cores = Number(/=\s*(\d+)/.exec(bbbp(linuxHeader, 'ppc64_cpu - cores')[0]!)![1]);
    const shared = keyed(linuxHeader, '/proc/ppc64/lparcfg', 'shared_processor_mode', '=') === '1';
    const generation = /POWER\d+/.exec(keyed(linuxHeader, '/proc/cpuinfo', 'cpu'))![0];
    const memTotalMB = Number(/\d+/.exec(keyed(linuxHeader, '/proc/meminfo', 'MemTotal'))![0]) / 1024;
    const count = 48;
    const file = await writeWithSnapshots(
      host,
      linuxHeader,
      [
        `CPU_ALL,CPU Total ${host},User%,Sys%,Wait%,Idle%,Steal%,Busy,CPUs`,
        `MEM,Memory MB ${host},memtotal,hightotal,lowtotal,swaptotal,memfree,highfree,lowfree,swapfree,memshared,cached,active,bigfree,buffers,swapcached,inactive`,
      ],
      count,
      (tag, index) => {
        const { user, sys } = busyOf(index);
        return [
          `CPU_ALL,${tag},${user}.0,${sys}.0,0.0,${100 - user - sys}.0,0.0,,${cores}`,
          `MEM,${tag},${memTotalMB.toFixed(1)},-0.0,-0.0,4095.9,180.5,-0.0,-0.0,4033.7,-0.0,1384.7,374.9,-1.0,204.9,1.2,1277.9`,
        ];
      },
    );
    const result = await importFiles([file]);
    expect(result.damaged).toEqual([]);
    const [lpar] = result.measurements;
    expect(lpar).toMatchObject({
      lparName: host,
      os: 'linux',
      machineTypeModel: model,
      serial,
      mode: shared ? 'shared' : 'dedicated',
      processorGeneration: generation,
      virtualProcessors: cores,
    });
    expect(model).toBe('8247-22L');
    // nmon for Linux tells a PowerKVM guest by lparcfg's system_type, and so does the import.
    const systemType = keyed(linuxHeader, '/proc/ppc64/lparcfg', 'system_type', '=');
    expect(systemType).toMatch(/emulated by qemu/);
    expect(lpar!.notes.map((note) => renderMessage(note))).toContain(
      `${host} is a PowerKVM guest (lparcfg: emulated by qemu), not a PowerVM partition: its CPUs are threads of the KVM host, so the cores used are an estimate from its CPU busy share`,
    );
    const expected = Array.from({ length: count }, (_, index) => {
      const { user, sys } = busyOf(index);
      return ((user + sys) / 100) * cores;
    });
    expect([...lpar!.samples.cores]).toEqual(expected.map((value) => expect.closeTo(value, 9)));
    expect(lpar!.memoryConfiguredGiB).toBeCloseTo(Number(memTotalMB.toFixed(1)) / 1024, 9);

    // The S822L is not in the catalog: the choice offered starts with the catalog's models of the file's generation.
    const [workload] = toWorkloads(result.measurements, catalog, { basis: 'peak', headroom: 0 });
    expect(workload!.workload).toBeNull();
    expect(renderMessage(workload!.problem!)).toBe(
      `source model ${model} (${generation}, as the file says) is not in the catalog: choose another ${generation} model (--source-model) or add ${model} as a user model`,
    );
    const sameGeneration = catalog.models
      .filter((each) => each.generation === generation && (each.configurations.length > 0 || each.role === 'source'))
      .map((each) => each.machineTypeModel ?? each.id);
    expect(sameGeneration.length).toBeGreaterThan(0);
    expect(workload!.modelChoices.slice(0, sameGeneration.length)).toEqual(sameGeneration.slice(0, 12));
    const [chosen] = toWorkloads(result.measurements, catalog, {
      basis: 'peak',
      headroom: 0,
      sourceModel: sameGeneration[0]!,
    });
    expect(chosen!.workload).toMatchObject({ cpu: { kind: 'measured', model: sameGeneration[0] } });
    expect(chosen!.workload!.cpu).toMatchObject({ cores: expect.closeTo(Math.max(...expected), 3) });
  });

  it('AIX 7.2 on POWER8: entitlement, virtual CPUs, SMT, memory and identity from lparstat -i and the AAA lines', async () => {
    const host = aaa(aixHeader, 'host')[0]!;
    const [lparNumber, lparName] = aaa(aixHeader, 'LPARNumberName');
    const lparstat = (key: string) => keyed(aixHeader, 'lparstat -i', key);
    const entitled = Number(lparstat('Entitled Capacity'));
    const virtualCpus = Number(lparstat('Online Virtual CPUs'));
    const smt = Number(/SMT-(\d)/.exec(lparstat('Type'))![1]);
    const memoryMB = Number(/\d+/.exec(lparstat('Online Memory'))![0]);
    const model = /IBM,(\S+)/.exec(keyed(aixHeader, 'lsconf', 'System Model'))![1]!;
    const count = 48;
    const physical = Array.from({ length: count }, (_, index) => {
      const { user, sys } = busyOf(index);
      return Number((((user + sys) / 100) * virtualCpus).toFixed(3));
    });
    const file = await writeWithSnapshots(
      host,
      aixHeader,
      [
        `LPAR,Logical Partition ${host},PhysicalCPU,virtualCPUs,logicalCPUs,poolCPUs,entitled,weight,PoolIdle,usedAllCPU%,usedPoolCPU%,SharedCPU,Capped,EC_User%,EC_Sys%,EC_Wait%,EC_Idle%,VP_User%,VP_Sys%,VP_Wait%,VP_Idle%,Folded,Pool_id`,
      ],
      count,
      (tag, index) => [
        `LPAR,${tag},${physical[index]!.toFixed(3)},${virtualCpus},${virtualCpus * smt},40,${entitled.toFixed(2)},128,0.00,2.50,2.50,1,0,70.71,0.44,0.01,28.84,70.59,0.44,0.01,28.78,0,0`,
      ],
    );
    const result = await importFiles([file]);
    expect(result.damaged).toEqual([]);
    const [lpar] = result.measurements;
    expect(lpar).toMatchObject({
      lparName,
      host,
      serial: aaa(aixHeader, 'SerialNumber')[0],
      lparNumber: Number(lparNumber),
      machineTypeModel: model,
      processorGeneration: 'POWER8',
      os: 'aix',
      mode: 'shared',
      entitlement: entitled,
      virtualProcessors: virtualCpus,
      smtThreads: smt,
      memoryConfiguredGiB: memoryMB / 1024,
    });
    expect(lparstat('Type')).toBe('Shared-SMT-4');
    // lsattr -El sys0 in the same header says the same: not dedicated, the same entitled capacity.
    const lsattr = (key: string) =>
      bbbp(aixHeader, 'lsattr -El sys0')
        .map((line) => line.trim().split(/\s+/))
        .find((words) => words[0] === key)![1];
    expect([lsattr('dedicated'), Number(lsattr('ent_capacity'))]).toEqual(['false', entitled]);
    expect([...lpar!.samples.cores]).toEqual(physical);
    const [workload] = toWorkloads(result.measurements, catalog, { basis: 'peak', headroom: 0 });
    expect(workload!.problem).toBeNull();
    expect(workload!.workload).toMatchObject({
      cpu: { kind: 'measured', model, cores: Math.max(...physical) },
      memoryGiB: memoryMB / 1024,
    });
  });
});
