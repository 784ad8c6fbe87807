// nmon layouts seen in the field (old and new AIX, Linux on Power, dedicated and shared LPARs, x86 by mistake) and the
// damage real collections carry (broken tags, NUL bytes, cut ends, sorted files), each compared with figures computed
// here by a separate, deliberately plain reading of the same lines.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nmonText } from '../../../scripts/generate-import-fixtures';
import {
  ImportFileError,
  importFiles,
  parseNmon,
  percentile,
  renderMessage,
  statisticsOf,
} from '../../../src-main/import';
import { numberAt } from '../../../src-main/import/nmon';
import { scanChunks, scanFile } from '../../../src-main/import/reader';
import { repoRoot } from '../../support/browser-app';
import { tempDir } from '../../support/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'import');

async function write(name: string, content: string | Buffer): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  return path;
}

/** The independent reading: a column of a section's data lines by the header's name, in file order. */
function column(text: string, section: string, name: string): number[] {
  const lines = text.split('\n').map((line) => line.split(','));
  const header = lines.find((cells) => cells[0] === section && !/^T\d+$/.test(cells[1] ?? ''))!;
  const at = header.indexOf(name);
  return lines
    .filter((cells) => cells[0] === section && /^T\d+$/.test(cells[1] ?? ''))
    .map((cells) => Number(cells[at]));
}

const reasonOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
};

const shared = () => readFile(join(fixtures, 'aix-shared.nmon'), 'utf8');

describe('numbers straight from bytes', () => {
  it('reads what Number() reads, and NaN for what is not a number', () => {
    for (const text of ['0', '17.817', '-3.5', ' 42.25 ', '1e3', '0.30000', '123456789012.5']) {
      const bytes = Buffer.from(text);
      expect(numberAt(bytes, 0, bytes.length)).toBe(Number(text));
    }
    for (const text of ['', 'abc', '1.2.3', '--1', '0x10'])
      expect(numberAt(Buffer.from(text), 0, text.length)).toBeNaN();
  });
});

describe('damaged nmon lines', () => {
  it('skips a line whose T-tag is damaged and keeps the rest of its section', async () => {
    const text = await shared();
    const damaged = text.replace('LPAR,T0100,', 'LPAR,T01 0,');
    const measurement = await parseNmon(await write('tag.nmon', damaged));
    expect(measurement.samples.cores).toHaveLength(287);
    const lost = measurement.files[0]!.lost.map((message) => renderMessage(message)).join(' ');
    expect(lost).toContain('1 damaged lines skipped (LPAR 1');
    // The p95 of the 287 good samples, by the plain reading.
    const physical = column(text, 'LPAR', 'PhysicalCPU').filter((_, index) => index !== 99);
    expect(statisticsOf(measurement.samples)!.p95).toBe(percentile(physical, 95));
  });

  it('skips lines holding NUL bytes instead of refusing the file', async () => {
    const lines = (await shared()).split('\n');
    let hit = 0;
    for (let index = 0; index < lines.length && hit < 50; index += 1) {
      if (lines[index]!.startsWith('DISKREAD,T')) {
        lines[index] = `${lines[index]}\0\0\0`;
        hit += 1;
      }
    }
    const measurement = await parseNmon(await write('nul.nmon', lines.join('\n')));
    expect(measurement.samples.cores).toHaveLength(288);
    expect(measurement.files[0]!.lost.map((message) => message.code)).toContain('import.lost-nul');
    expect(measurement.files[0]!.lost.find((message) => message.code === 'import.lost-nul')!.params.lines).toBe(50);
  });

  it('skips a line over the length limit without building it, and reads the lines around it', async () => {
    const lines: string[] = [];
    const chunks = (async function* () {
      yield Buffer.from('a,1\nb,');
      yield Buffer.alloc(5000, 0x41);
      yield Buffer.from('\nc,3\n');
    })();
    const stats = await scanChunks(chunks, (buffer, start, end) => lines.push(buffer.toString('latin1', start, end)), {
      maxLineBytes: 1024,
    });
    expect(lines).toEqual(['a,1', 'c,3']);
    expect(stats.overlong).toBe(1);
  });

  it('keeps what a file cut in the middle of a line holds, and says so', async () => {
    const text = await shared();
    const cut = text.slice(0, text.indexOf('ZZZZ,T0200,') + 20);
    const measurement = await parseNmon(await write('cut.nmon', cut));
    expect(measurement.samples.cores).toHaveLength(199);
    const codes = measurement.files[0]!.lost.map((message) => message.code);
    expect(codes).toContain('import.lost-cut-end');
    expect(codes).toContain('import.lost-snapshots');
  });

  it('keeps the time-of-day profile of a file sorted as nmon advises', async () => {
    const text = await shared();
    const sorted = `${text.trimEnd().split('\n').sort().join('\n')}\n`;
    const original = await parseNmon(await write('a.nmon', text));
    const reordered = await parseNmon(await write('sorted.nmon', sorted));
    expect([...reordered.samples.cores]).toEqual([...original.samples.cores]);
    expect(reordered.profile).toEqual(original.profile);
    expect(reordered.profile.filter((value) => value !== null)).toHaveLength(96);
  });
});

describe('old and new layouts, read by column name', () => {
  it('reads nmon v8b memory whose MEM header names 4 columns for 6 values', async () => {
    const text = (await shared())
      .replace(
        /^MEM,Memory erpdb01,.*$/m,
        'MEM,Memory erpdb01,Real Free %,Virtual free %,Real free(MB),Virtual free(MB)',
      )
      .replace(/^MEMNEW,.*$/gm, '');
    const memory = text
      .split('\n')
      .filter((line) => line.startsWith('MEM,T'))
      .map((line) => line.split(',').map(Number));
    const measurement = await parseNmon(await write('v8b.nmon', text));
    // Real total is the fifth value: 65536 MB, not the second (Virtual free %).
    expect(measurement.memoryConfiguredGiB).toBe(memory[0]![6]! / 1024);
    expect(measurement.memoryUsedPeakGiB).toBeCloseTo(
      Math.max(...memory.map((cells) => cells[6]! - cells[4]!)) / 1024,
      6,
    );
  });

  it('finds PhysicalCPU wherever the LPAR header puts it', async () => {
    const text = await shared();
    const moved = text
      .split('\n')
      .map((line) => {
        const cells = line.split(',');
        if (cells[0] !== 'LPAR') return line;
        // PhysicalCPU moved to the end of every LPAR line, header included.
        return [cells[0], cells[1], ...cells.slice(3), cells[2]].join(',');
      })
      .join('\n');
    const measurement = await parseNmon(await write('moved.nmon', moved));
    expect([...measurement.samples.cores]).toEqual(column(text, 'LPAR', 'PhysicalCPU'));
  });

  it('reads an AIX 5.3 dedicated LPAR whose cores are only in the lsattr block', async () => {
    const base = nmonText({
      host: 'db53',
      machineType: '9117-MMA',
      os: 'aix',
      mode: 'dedicated',
      entitlement: 9,
      virtualCpus: 9,
      memoryMB: 32768,
      seed: 7,
      peakHour: 10,
      snapshots: 62,
      intervalSeconds: 600,
    });
    const text = base
      .replace(/^BBBL,.*\n/gm, '')
      .replace(
        'AAA,AIX,7.2.5.7',
        'AAA,AIX,5.3.0.0\nBBBP,000,lsattr -El sys0\nBBBP,001,lsattr -El sys0,"dedicated true Partition is dedicated False"\nBBBP,002,lsattr -El sys0,"ent_capacity 9.00 Entitled processor capacity False"',
      );
    const measurement = await parseNmon(await write('aix53.nmon', text));
    expect(measurement.mode).toBe('dedicated');
    expect(measurement.virtualProcessors).toBe(9);
    expect(measurement.samples.cores).toHaveLength(62);
    const busy = column(text, 'CPU_ALL', 'User%').map(
      (user, index) => ((user + column(text, 'CPU_ALL', 'Sys%')[index]!) / 100) * 9,
    );
    expect([...measurement.samples.cores].map((value) => value.toFixed(9))).toEqual(
      busy.map((value) => value.toFixed(9)),
    );
  });

  it('reads a topas_nmon dedicated LPAR from its lparstat -i block (Dedicated-SMT-8, 6 virtual CPUs)', async () => {
    const base = nmonText({
      host: 'ded8',
      machineType: '9009-42A',
      os: 'aix',
      mode: 'dedicated',
      entitlement: 6,
      virtualCpus: 6,
      memoryMB: 65536,
      seed: 8,
      peakHour: 3,
      snapshots: 288,
      intervalSeconds: 300,
    });
    const text = base
      .replace(/^BBBL,.*\n/gm, '')
      .replace(
        'AAA,AIX,7.2.5.7',
        [
          'AAA,AIX,7.2.5.7',
          'BBBP,010,lparstat -i',
          'BBBP,011,lparstat -i,"Node Name                                  : ded8"',
          'BBBP,012,lparstat -i,"Partition Name                             : ded8"',
          'BBBP,013,lparstat -i,"Partition Number                           : 7"',
          'BBBP,014,lparstat -i,"Type                                       : Dedicated-SMT-8"',
          'BBBP,015,lparstat -i,"Mode                                       : Capped"',
          'BBBP,016,lparstat -i,"Entitled Capacity                          : 6.00"',
          'BBBP,017,lparstat -i,"Online Virtual CPUs                        : 6"',
          'BBBP,018,lparstat -i,"Online Memory                              : 65536 MB"',
        ].join('\n'),
      );
    const measurement = await parseNmon(await write('ded8.nmon', text));
    expect(measurement).toMatchObject({
      mode: 'dedicated',
      virtualProcessors: 6,
      smtThreads: 8,
      memoryConfiguredGiB: 64,
    });
    expect(measurement.samples.cores).toHaveLength(288);
  });

  it('takes the cores of a dedicated LPAR from its logical CPUs and SMT mode when nothing else says', async () => {
    const base = nmonText({
      host: 'smt4',
      machineType: '8286-42A',
      os: 'aix',
      mode: 'dedicated',
      entitlement: 4,
      virtualCpus: 4,
      memoryMB: 16384,
      seed: 9,
      peakHour: 3,
      snapshots: 24,
      intervalSeconds: 300,
    });
    const text = base
      .replace(/^BBBL,0[3-6],.*\n/gm, '')
      .replace('BBBL,02,lparname,smt4', 'BBBL,02,lparname,smt4\nBBBL,06,smt threads,8');
    const measurement = await parseNmon(await write('smt.nmon', text));
    // CPU_ALL's last column says 32 logical CPUs: 32 / SMT 8 = 4 cores.
    expect(measurement.virtualProcessors).toBe(4);
    expect(measurement.notes.map((note) => note.code)).toContain('import.cores-from-smt');
  });

  it('reads Linux on Power: the server type from host-model, a dedicated LPAR from AAA,cpus', async () => {
    const base = nmonText({
      host: 'sles15',
      machineType: '8247-22L',
      os: 'linux',
      mode: 'dedicated',
      entitlement: 6,
      virtualCpus: 6,
      memoryMB: 131072,
      seed: 10,
      peakHour: 12,
      snapshots: 96,
      intervalSeconds: 900,
    });
    const text = base
      .replace(/^AAA,MachineType,.*\n/m, '')
      .replace(/^AAA,SerialNumber,.*\n/m, '')
      .replace(/^AAA,LPARNumberName,.*\n/m, '')
      .replace(/^BBBL,.*\n/gm, '')
      .replace('AAA,cpus,48,48', 'AAA,cpus,6,48')
      .replace(
        'AAA,OS,Linux,5.14.0-284.el9.ppc64le,#1 SMP,ppc64le',
        'AAA,OS,Linux,5.14.21-150400.24-default,#1 SMP,ppc64le\nBBBP,100,/proc/device-tree/host-model\nBBBP,101,/proc/device-tree/host-model,"IBM,8247-22L"\nBBBP,102,/proc/device-tree/host-serial\nBBBP,103,/proc/device-tree/host-serial,"IBM,0221ABCDE"',
      );
    const measurement = await parseNmon(await write('linux-ded.nmon', text));
    expect(measurement).toMatchObject({
      os: 'linux',
      machineTypeModel: '8247-22L',
      mode: 'dedicated',
      virtualProcessors: 6,
      memoryConfiguredGiB: 128,
    });
    expect(measurement.samples.cores).toHaveLength(96);
  });

  it('reads a shared Linux LPAR from the Linux LPAR layout and lparcfg in BBBP', async () => {
    const base = nmonText({
      host: 'rhel9',
      machineType: '9009-22A',
      os: 'linux',
      mode: 'shared',
      entitlement: 1.5,
      virtualCpus: 3,
      memoryMB: 32768,
      seed: 11,
      peakHour: 20,
      snapshots: 48,
      intervalSeconds: 1800,
    });
    const linuxHeader =
      'LPAR,Shared CPU LPAR Stats rhel9,PhysicalCPU,capped,shared_processor_mode,system_potential_processors,system_active_processors,pool_capacity,MinEntCap,partition_entitled_capacity,partition_max_entitled_capacity,MinProcs,Logical CPU,partition_active_processors,partition_potential_processors,capacity_weight,unallocated_capacity_weight,BoundThrds,MinMem,unallocated_capacity,pool_idle_time,smt_mode';
    const text = base
      .replace(/^AAA,MachineType,.*\n/m, '')
      .replace(/^AAA,LPARNumberName,.*\n/m, '')
      .replace(/^BBBL,.*\n/gm, '')
      .replace(/^LPAR,Logical.*$/m, linuxHeader)
      .replace(/^LPAR,(T\d+),([\d.]+),.*$/gm, 'LPAR,$1,$2,0,1,16,16,1600,0.10,1.50,3.00,1,24,3,3,128,0,0,0,0,0.00,8')
      .replace(
        'AAA,OS,Linux,5.14.0-284.el9.ppc64le,#1 SMP,ppc64le',
        'AAA,OS,Linux,5.14.0-284.el9.ppc64le,#1 SMP,ppc64le\nBBBP,200,/proc/ppc64/lparcfg\nBBBP,201,/proc/ppc64/lparcfg,"system_type=IBM,9009-22A"\nBBBP,202,/proc/ppc64/lparcfg,"partition_id=12"\nBBBP,203,/proc/ppc64/lparcfg,"partition_entitled_capacity=150"',
      );
    const measurement = await parseNmon(await write('linux-shared.nmon', text));
    expect(measurement).toMatchObject({
      os: 'linux',
      machineTypeModel: '9009-22A',
      mode: 'shared',
      entitlement: 1.5,
      virtualProcessors: 3,
      lparNumber: 12,
    });
    expect([...measurement.samples.cores]).toEqual(column(text, 'LPAR', 'PhysicalCPU'));
  });

  it('says in one line that an x86 file is not a Power partition', async () => {
    const text = [
      'AAA,progname,nmon',
      'AAA,version,16g',
      'AAA,host,web7',
      'AAA,OS,Linux,5.3.0-26-generic,#28~18.04.1-Ubuntu SMP,x86_64',
      'AAA,x86,ModelName,Intel(R) Xeon(R) Gold 6130',
      'CPU_ALL,CPU Total web7,User%,Sys%,Wait%,Idle%,Steal%,Busy,CPUs',
      'ZZZZ,T0001,10:00:00,02-FEB-2020',
      'CPU_ALL,T0001,10.0,5.0,0.0,85.0,0.0,,8',
      '',
    ].join('\n');
    const error = await reasonOf(parseNmon(await write('x86.nmon', text)));
    expect(error.detail.code).toBe('import.not-power-x86');
    expect(renderMessage(error.detail)).toBe(
      'nmon of web7, an x86 system (Intel(R) Xeon(R) Gold 6130), not a Power partition: it cannot be sized as an LPAR',
    );
  });
});

describe('encodings', () => {
  const sample = async () =>
    (await readFile(join(fixtures, 'aix-shared.nmon'), 'utf8')).replace('AAA,host,erpdb01', 'AAA,host,erpdb01-Zürich');

  it.each([
    ['UTF-8 with a BOM', (text: string) => Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with a BOM', (text: string) => Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE without a BOM', (text: string) => Buffer.from(text, 'utf16le').swap16()],
    ['Windows-1252', (text: string) => Buffer.from(text, 'latin1')],
    ['UTF-8 with CRLF line ends', (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')],
  ])('reads %s', async (_, encode) => {
    const text = await sample();
    const measurement = await parseNmon(await write('enc.nmon', encode(text)));
    expect(measurement.host).toBe('erpdb01-Zürich');
    expect([...measurement.samples.cores]).toEqual(column(text, 'LPAR', 'PhysicalCPU'));
  });

  it('reads gzip-compressed nmon, and stops unpacking at the file-size limit', async () => {
    const text = await shared();
    const path = await write('day.nmon.gz', gzipSync(Buffer.from(text)));
    const measurement = await parseNmon(path);
    expect([...measurement.samples.cores]).toEqual(column(text, 'LPAR', 'PhysicalCPU'));
    const bomb = await write(
      'bomb.nmon.gz',
      gzipSync(Buffer.concat([Buffer.from(text), Buffer.alloc(8 * 1024 * 1024, 0x30)])),
    );
    const error = await reasonOf(scanFile(bomb, () => undefined, { maxFileBytes: 4 * 1024 * 1024 }));
    expect(error.detail.code).toBe('import.too-large-unpacked');
  });

  it('refuses a binary file, naming its kind when known', async () => {
    const png = await importFiles([
      await write(
        'chart.nmon',
        Buffer.concat([Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), Buffer.alloc(2000, 7)]),
      ),
    ]);
    expect(renderMessage(png.damaged[0]!.reason)).toBe('a PNG file, not a measurement file: unpack or export it first');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
    const binary = await importFiles([await write('junk.csv', random)]);
    expect(binary.damaged[0]!.reason.code).toBe('import.binary');
  });
});
