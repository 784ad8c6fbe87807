// Raw nmon files (AIX and Linux on Power). Sections are found by their header lines, and columns by their names
// in those headers, so the order of columns in a given nmon version does not matter:
//   AAA      host, SerialNumber, MachineType, LPARNumberName, interval, snapshots, OS
//   BBBL     LPAR configuration (entitled capacity, virtual CPUs, mode)
//   ZZZZ     T0001,hh:mm:ss,dd-MON-yyyy  (the time of each snapshot)
//   LPAR     PhysicalCPU (physical cores consumed), virtualCPUs, entitled, ...
//   CPU_ALL  User% Sys% Wait% Idle% ... CPUs   (cores used of a dedicated LPAR = (User+Sys)/100 x cores)
//   MEM      AIX: Real free(MB), Real total(MB); Linux: memtotal, memfree, cached, buffers
//   MEMNEW   AIX: Process%, System%, FScache%, Free%
//   DISKREAD, DISKWRITE (KB/s per disk), DISKXFER (transfers/s per disk), NET (KB/s per interface direction)
import { AppError } from '../common';
import { type ReadOptions, readLines } from './lines';
import { type LparMeasurement, addToProfile, emptyMeasurement, machineTypeModelOf } from './measurement';

const MONTHS: Record<string, number> = { JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11 };

function nmonTime(time: string, date: string): string | null {
  const [day, month, year] = date.split('-');
  const [hours, minutes, seconds] = time.split(':').map(Number);
  const monthIndex = MONTHS[(month ?? '').toUpperCase()];
  if (monthIndex === undefined || !day || !year || hours === undefined) return null;
  const value = Date.UTC(Number(year), monthIndex, Number(day), hours, minutes ?? 0, seconds ?? 0);
  return Number.isNaN(value) ? null : new Date(value).toISOString();
}

const sum = (cells: string[], from = 2) => cells.slice(from).reduce((total, cell) => total + (Number(cell) || 0), 0);

export async function parseNmon(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement> {
  const measurement = emptyMeasurement('nmon', label, '');
  const headers = new Map<string, string[]>();
  const times = new Map<string, string>();
  const cpuAllBusy: Array<{ tag: string; busy: number }> = [];
  let sawHeader = false;
  let memTotalMB: number | null = null;
  let memUsedPeakMB = 0;
  let lastTime: number | null = null;
  let lines = 0;

  const column = (section: string, name: RegExp) => (headers.get(section) ?? []).findIndex((header) => name.test(header));
  const peak = (current: number | null, value: number) => (current === null ? value : Math.max(current, value));

  for await (const line of readLines(path, options)) {
    lines += 1;
    if (line === '') continue;
    const cells = line.split(',');
    const section = cells[0]!;
    if (section === 'AAA') {
      sawHeader = true;
      const key = cells[1] ?? '';
      const value = cells.slice(2).join(',');
      if (key === 'host') measurement.host = value;
      else if (key === 'SerialNumber') measurement.serial = value;
      else if (key === 'MachineType') measurement.machineTypeModel = machineTypeModelOf(value);
      else if (key === 'LPARNumberName') measurement.lparName = cells[3] ?? cells[2] ?? '';
      else if (key === 'interval') measurement.intervalSeconds = Number(value) || null;
      else if (key === 'snapshots') measurement.expectedSamples = Number(value) || null;
      else if (key === 'AIX') measurement.os = 'aix';
      else if (key === 'OS' && /linux/i.test(value)) measurement.os = 'linux';
      else if (key === 'OS' && /aix/i.test(value)) measurement.os = 'aix';
      continue;
    }
    if (section === 'BBBL') {
      const labelText = (cells[2] ?? '').toLowerCase();
      const value = cells[3] ?? '';
      if (labelText.includes('entitled')) measurement.entitlement = Number(value) || measurement.entitlement;
      else if (labelText.includes('virtual cpu') || labelText.includes('online virtual')) measurement.virtualProcessors = Number(value) || measurement.virtualProcessors;
      else if (labelText.includes('mode') || labelText.includes('shared') || labelText.includes('dedicated')) {
        if (/dedicated/i.test(value)) measurement.mode = 'dedicated';
        else if (/shared/i.test(value)) measurement.mode = 'shared';
      }
      continue;
    }
    if (section === 'ZZZZ') {
      const time = nmonTime(cells[2] ?? '', cells[3] ?? '');
      if (time) {
        times.set(cells[1]!, time);
        measurement.periodStart ??= time;
        measurement.periodEnd = time;
        const now = Date.parse(time);
        if (lastTime !== null) measurement.longestGapSeconds = Math.max(measurement.longestGapSeconds ?? 0, (now - lastTime) / 1000);
        lastTime = now;
      }
      continue;
    }
    const tag = cells[1] ?? '';
    const isData = /^T\d+$/.test(tag);
    if (!isData) {
      // A header line names the columns of its section.
      if (['LPAR', 'CPU_ALL', 'MEM', 'MEMNEW', 'DISKREAD', 'DISKWRITE', 'DISKXFER', 'NET'].includes(section)) headers.set(section, cells);
      continue;
    }
    const time = times.get(tag);
    if (section === 'LPAR') {
      const physical = Number(cells[column('LPAR', /^PhysicalCPU$/i)]);
      if (!Number.isFinite(physical)) continue;
      measurement.coresUsed.push(physical);
      if (time) addToProfile(measurement.profile, time, physical);
      const entitled = Number(cells[column('LPAR', /^entitled$/i)]);
      if (Number.isFinite(entitled) && entitled > 0) measurement.entitlement = entitled;
      const virtual = Number(cells[column('LPAR', /^virtualCPUs$/i)]);
      if (Number.isFinite(virtual) && virtual > 0) measurement.virtualProcessors = virtual;
    } else if (section === 'CPU_ALL') {
      const user = Number(cells[column('CPU_ALL', /^User%$/i)]);
      const system = Number(cells[column('CPU_ALL', /^Sys%$/i)]);
      if (Number.isFinite(user) && Number.isFinite(system)) cpuAllBusy.push({ tag, busy: (user + system) / 100 });
    } else if (section === 'MEM') {
      const aixTotal = Number(cells[column('MEM', /^Real total\(MB\)$/i)]);
      const aixFree = Number(cells[column('MEM', /^Real free\(MB\)$/i)]);
      const linuxTotal = Number(cells[column('MEM', /^memtotal$/i)]);
      const linuxFree = Number(cells[column('MEM', /^memfree$/i)]);
      const cached = Number(cells[column('MEM', /^cached$/i)]) || 0;
      const buffers = Number(cells[column('MEM', /^buffers$/i)]) || 0;
      if (Number.isFinite(aixTotal) && aixTotal > 0) {
        memTotalMB = aixTotal;
        if (Number.isFinite(aixFree) && !headers.has('MEMNEW')) memUsedPeakMB = Math.max(memUsedPeakMB, aixTotal - aixFree);
      } else if (Number.isFinite(linuxTotal) && linuxTotal > 0) {
        memTotalMB = linuxTotal;
        if (Number.isFinite(linuxFree)) memUsedPeakMB = Math.max(memUsedPeakMB, linuxTotal - linuxFree - cached - buffers);
      }
    } else if (section === 'MEMNEW') {
      // Computational memory (process + system) is what must fit; file cache gives way.
      const process = Number(cells[column('MEMNEW', /^Process%$/i)]);
      const system = Number(cells[column('MEMNEW', /^System%$/i)]);
      if (memTotalMB !== null && Number.isFinite(process) && Number.isFinite(system)) memUsedPeakMB = Math.max(memUsedPeakMB, (memTotalMB * (process + system)) / 100);
    } else if (section === 'DISKREAD') measurement.diskReadKBpsPeak = peak(measurement.diskReadKBpsPeak, sum(cells));
    else if (section === 'DISKWRITE') measurement.diskWriteKBpsPeak = peak(measurement.diskWriteKBpsPeak, sum(cells));
    else if (section === 'DISKXFER') measurement.diskIopsPeak = peak(measurement.diskIopsPeak, sum(cells));
    else if (section === 'NET') measurement.networkKBpsPeak = peak(measurement.networkKBpsPeak, sum(cells));
  }

  if (!sawHeader) throw new AppError('invalid-file', `${label}: not an nmon file (no AAA header lines in ${lines} lines)`);
  // Without LPAR lines (a dedicated LPAR, or Linux without lparcfg), cores used come from CPU_ALL busy x cores.
  if (measurement.coresUsed.length === 0 && cpuAllBusy.length > 0) {
    const cores = measurement.virtualProcessors ?? measurement.entitlement;
    if (cores) {
      for (const { tag, busy } of cpuAllBusy) {
        const value = busy * cores;
        measurement.coresUsed.push(value);
        const time = times.get(tag);
        if (time) addToProfile(measurement.profile, time, value);
      }
      measurement.mode ??= 'dedicated';
    }
  }
  if (measurement.coresUsed.length === 0) throw new AppError('invalid-file', `${label}: no processor samples (neither LPAR nor CPU_ALL lines with their cores)`);
  measurement.mode ??= measurement.entitlement !== null ? 'shared' : null;
  if (!measurement.lparName) measurement.lparName = measurement.host ?? label;
  if (memTotalMB !== null) measurement.memoryConfiguredGiB = memTotalMB / 1024;
  if (memUsedPeakMB > 0) measurement.memoryUsedPeakGiB = memUsedPeakMB / 1024;
  return measurement;
}
