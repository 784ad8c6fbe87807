// What an implementer must still do by hand after running the export, as messages (the report appendix uses them).
import { type Message, msg } from '../common';
import type { Design } from './design';
import { PORTS_PER_ADAPTER } from '../powervm';

export function implementationChecklist(design: Design): Message[] {
  const items: Message[] = [];
  for (const server of design.servers) {
    const vioses = server.partitions.filter((partition) => partition.role === 'vios');
    const clients = server.partitions.filter((partition) => partition.role === 'client');
    const count = (predicate: (client: (typeof clients)[number]) => boolean) => clients.filter(predicate).length;
    if (vioses.length > 0) {
      const ports = server.viosPorts ?? { fcPorts: 2, ethernetPorts: 2 };
      const { fcPorts, ethernetPorts } = ports;
      const perVios = Math.ceil(fcPorts / PORTS_PER_ADAPTER) + Math.ceil(ethernetPorts / PORTS_PER_ADAPTER);
      const cards = vioses.length * perVios;
      items.push(msg('deploy.check-physical', { server: server.systemName, fcPorts, ethernetPorts, cards }));
      const names = vioses.map((vios) => vios.hmcName).join(', ');
      items.push(msg('deploy.check-vios-install', { server: server.systemName, vioses: names }));
      const trunks = vioses[0]!.adapters.flatMap((adapter) => (adapter.kind === 'ethernet' ? [adapter] : []));
      if (trunks.length > 0) {
        const slots = trunks.map((adapter) => adapter.slot).join(', ');
        const vlans = trunks.map((adapter) => adapter.portVlanId).join(', ');
        items.push(msg('deploy.check-sea', { server: server.systemName, slots, vlans }));
      }
    }
    const vscsi = count((client) => client.storage === 'vscsi');
    if (vscsi > 0) items.push(msg('deploy.check-vscsi', { server: server.systemName, count: vscsi }));
    const npiv = count((client) => client.storage === 'npiv');
    if (npiv > 0) items.push(msg('deploy.check-npiv', { server: server.systemName, count: npiv }));
    const vnic = count((client) => client.network === 'vnic');
    if (vnic > 0) items.push(msg('deploy.check-vnic', { server: server.systemName, count: vnic }));
    const sriov = count((client) => client.network === 'sriov');
    if (sriov > 0) items.push(msg('deploy.check-sriov', { server: server.systemName, count: sriov }));
    const alone = count((client) => client.storage === 'none');
    if (alone > 0) items.push(msg('deploy.check-no-vios', { server: server.systemName, count: alone }));
    for (const client of clients) {
      if (!client.taggedIo) continue;
      const params = { server: server.systemName, partition: client.hmcName, slot: client.taggedIo.loadSourceSlot };
      items.push(msg('deploy.check-ibmi', params));
    }
  }
  items.push(msg('deploy.check-os'));
  if (design.remoteRestart) items.push(msg('deploy.check-remote-restart'));
  items.push(msg('deploy.check-memory'), msg('deploy.check-spt'));
  return items;
}
