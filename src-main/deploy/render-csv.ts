// The design as one CSV per server for the implementation team: every value the HMC script sets, in the HMC's
// units (MB, processing units), with headers an implementer reads, plus columns left for the site's own data.
import { type Language, formatMessage, msg } from '../common';
import { adapterEntries } from './attributes';
import { type Design, type DesignServer, PROFILE_NAME } from './design';
import { csvLine } from './encode';

const HEADERS = [
  'server',
  'system',
  'id',
  'name',
  'original',
  'role',
  'env',
  'os',
  'profile',
  'proc-mode',
  'min-units',
  'desired-units',
  'max-units',
  'min-procs',
  'desired-procs',
  'max-procs',
  'sharing',
  'weight',
  'min-mem',
  'desired-mem',
  'max-mem',
  'max-slots',
  'storage',
  'network',
  'vlan',
  'eth',
  'scsi',
  'fc',
  'vnic',
  'tagged',
  'remote-restart',
  'luns',
  'ip',
  'notes',
] as const;

export function renderDesignCsv(design: Design, server: DesignServer, language: Language = 'en'): string {
  const text = (code: string, params: Record<string, string | number> = {}) =>
    formatMessage(msg(code, params), language);
  const names = design.names.filter((name) => name.serverId === server.serverId && name.kind === 'partition');
  const originalOf = (hmcName: string) => names.find((name) => name.hmcName === hmcName)?.original;
  const rows = server.partitions.map((partition) => {
    const { processor, memoryMB } = partition;
    const entries = adapterEntries(partition);
    const procs = processor.mode === 'shared' ? processor.virtualProcessors : processor.processors;
    const original = originalOf(partition.hmcName) ?? partition.sourceName;
    const shared = processor.mode === 'shared' ? processor : null;
    return [
      server.serverId,
      server.systemName,
      partition.id,
      partition.hmcName,
      original,
      partition.role,
      partition.lparEnv,
      partition.os,
      PROFILE_NAME,
      shared ? 'shared' : 'ded',
      shared?.units.min.toFixed(2) ?? '',
      shared?.units.desired.toFixed(2) ?? '',
      shared?.units.max.toFixed(2) ?? '',
      procs.min,
      procs.desired,
      procs.max,
      processor.sharing,
      shared?.weight ?? '',
      memoryMB.min,
      memoryMB.desired,
      memoryMB.max,
      partition.maxVirtualSlots,
      partition.storage,
      partition.network,
      partition.vlan ?? '',
      entries.ethernet.join(' '),
      entries.scsi.join(' '),
      entries.fc.join(' '),
      partition.adapters.flatMap((each) => (each.kind === 'vnic' ? [`${each.slot}/${each.portVlanId}`] : [])).join(' '),
      partition.taggedIo ? text('deploy.tagged-value', { slot: partition.taggedIo.loadSourceSlot }) : '',
      text(partition.remoteRestart ? 'deploy.yes' : 'deploy.no'),
      '',
      '',
      partition.notes.map((note) => formatMessage(note, language)).join('; '),
    ];
  });
  const lines = [HEADERS.map((header) => text(`deploy.csv-${header}`)), ...rows].map(csvLine);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
