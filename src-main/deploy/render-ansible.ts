// The design as an Ansible playbook for IBM's ibm.power_hmc collection, written with a YAML library (js-yaml):
// the VIOS through the collection's `vios` module, the clients through `powervm_lpar_instance` with every value
// of the design, and what those modules cannot set (vSCSI client adapters, IBM i tagged I/O, simplified remote
// restart) through `hmc_command` with HMC-safe names only.
import { dump } from 'js-yaml';
import { type Language, formatMessage, msg } from '../common';
import { attributeList, lparAttributes } from './attributes';
import { implementationChecklist } from './checklist';
import { type Design, type DesignPartition, type DesignServer, PROFILE_NAME } from './design';
import { commentLines, nameMappingLines } from './render-hmc';

/** The collection's os_type for a client: aix, linux or ibmi (aix_linux is the same partition type). */
function osType(partition: DesignPartition): 'aix' | 'linux' | 'ibmi' {
  return partition.os === 'ibmi' ? 'ibmi' : partition.os === 'linux' ? 'linux' : 'aix';
}

/** The HMC's name of a VLAN's virtual network: VLAN<id>-<virtual switch> (its default for a new VLAN). */
export function virtualNetworkName(vlan: number, vswitch: string): string {
  return `VLAN${vlan}-${vswitch}`;
}

const AUTH = { username: '{{ hmc_user }}', password: '{{ hmc_password }}' };
// Names are HMC-safe (letters, digits, . - _), so they can sit inside a Jinja string literal.
const portVariable = (table: string, server: DesignServer, vios: string) => `{{ ${table}['${server.systemName}']['${vios}'] }}`;

function viosTask(server: DesignServer, vios: DesignPartition, language: Language): Record<string, unknown> {
  // Virtual FC server adapters are made by the clients' npiv_config (which also maps the physical port), so the
  // VIOS gets its trunk and vSCSI server adapters here; name and lpar_env are the module's own.
  const settings = Object.fromEntries(lparAttributes(vios, { adapters: ['ethernet', 'scsi'] }).filter(([name]) => name !== 'name' && name !== 'lpar_env'));
  return {
    name: formatMessage(msg('deploy.task-vios', { system: server.systemName, name: vios.hmcName, id: vios.id }), language),
    'ibm.power_hmc.vios': { hmc_host: '{{ hmc_host }}', hmc_auth: AUTH, system_name: server.systemName, name: vios.hmcName, state: 'present', settings },
    tags: ['vios'],
  };
}

function processorOptions(partition: DesignPartition): Record<string, unknown> {
  const { processor } = partition;
  if (processor.mode === 'dedicated') return { proc: processor.processors.desired, min_proc: processor.processors.min, max_proc: processor.processors.max };
  return {
    proc: processor.virtualProcessors.desired,
    min_proc: processor.virtualProcessors.min,
    max_proc: processor.virtualProcessors.max,
    proc_unit: processor.units.desired,
    min_proc_unit: processor.units.min,
    max_proc_unit: processor.units.max,
    proc_mode: 'uncapped',
    weight: processor.weight,
  };
}

function clientTasks(server: DesignServer, client: DesignPartition, language: Language): Array<Record<string, unknown>> {
  const vioses = server.partitions.filter((partition) => partition.role === 'vios');
  const viosOf = (remoteId: number) => vioses.find((vios) => vios.id === remoteId)!.hmcName;
  const options: Record<string, unknown> = {
    hmc_host: '{{ hmc_host }}',
    hmc_auth: AUTH,
    system_name: server.systemName,
    vm_name: client.hmcName,
    vm_id: client.id,
    os_type: osType(client),
    state: 'present',
    ...processorOptions(client),
    mem: client.memoryMB.desired,
    min_mem: client.memoryMB.min,
    max_mem: client.memoryMB.max,
    max_virtual_slots: client.maxVirtualSlots,
  };
  const ethernet = client.adapters.flatMap((adapter) => (adapter.kind === 'ethernet' ? [adapter] : []));
  if (ethernet.length > 0) options.virt_network_config = ethernet.map((adapter) => ({ network_name: virtualNetworkName(adapter.portVlanId, adapter.vswitch), slot_number: adapter.slot }));
  const fc = client.adapters.flatMap((adapter) => (adapter.kind === 'fc' ? [adapter] : []));
  if (fc.length > 0) {
    options.npiv_config = fc.map((adapter) => {
      const vios = viosOf(adapter.remoteId);
      return { vios_name: vios, fc_port: portVariable('npiv_fc_ports', server, vios), client_adapter_id: adapter.slot, server_adapter_id: adapter.remoteSlot };
    });
  }
  const vnic = client.adapters.flatMap((adapter) => (adapter.kind === 'vnic' ? [adapter] : []));
  if (vnic.length > 0) {
    options.vnic_config = vnic.map((adapter) => ({
      vnic_adapter_id: adapter.slot,
      backing_devices: vioses.map((vios) => ({ location_code: portVariable('vnic_backing_ports', server, vios.hmcName), hosting_partition: vios.hmcName })),
    }));
  }
  const tasks: Array<Record<string, unknown>> = [
    { name: formatMessage(msg('deploy.task-client', { system: server.systemName, name: client.hmcName, id: client.id }), language), 'ibm.power_hmc.powervm_lpar_instance': options, tags: ['clients'] },
  ];
  // The module has no bare vSCSI client adapter (only volume_config, which needs a disk): the design's adapters
  // and IBM i's tagged I/O go into the profile the module created, with the HMC's chsyscfg.
  const scsi = lparAttributes(client, { adapters: ['scsi'] }).filter(([name]) => ['virtual_scsi_adapters', 'load_source_slot', 'console_slot'].includes(name));
  if (scsi.length > 0) {
    const list = attributeList([['name', PROFILE_NAME], ['lpar_name', client.hmcName], ...scsi], true);
    tasks.push({
      name: formatMessage(msg('deploy.task-vscsi', { system: server.systemName, name: client.hmcName }), language),
      'ibm.power_hmc.hmc_command': { hmc_host: '{{ hmc_host }}', hmc_auth: AUTH, cmd: `chsyscfg -r prof -m ${server.systemName} -i "${list}"` },
      tags: ['clients'],
    });
  }
  if (client.remoteRestart) {
    tasks.push({
      name: formatMessage(msg('deploy.task-remote-restart', { system: server.systemName, name: client.hmcName }), language),
      'ibm.power_hmc.hmc_command': { hmc_host: '{{ hmc_host }}', hmc_auth: AUTH, cmd: `chsyscfg -r lpar -m ${server.systemName} -i "name=${client.hmcName},simplified_remote_restart_capable=1"` },
      tags: ['clients'],
    });
  }
  return tasks;
}

/** The physical ports the clients' npiv_config and vnic_config name, by managed system and VIOS, to fill in. */
function portTables(design: Design): { npiv: Record<string, Record<string, string>>; vnic: Record<string, Record<string, string>>; checks: string[] } {
  const npiv: Record<string, Record<string, string>> = {};
  const vnic: Record<string, Record<string, string>> = {};
  const checks: string[] = [];
  for (const server of design.servers) {
    const vioses = server.partitions.filter((partition) => partition.role === 'vios').map((vios) => vios.hmcName);
    const clients = server.partitions.filter((partition) => partition.role === 'client');
    for (const [table, used] of [['npiv_fc_ports', clients.some((client) => client.storage === 'npiv')], ['vnic_backing_ports', clients.some((client) => client.network === 'vnic')]] as const) {
      if (!used || vioses.length === 0) continue;
      (table === 'npiv_fc_ports' ? npiv : vnic)[server.systemName] = Object.fromEntries(vioses.map((vios) => [vios, '']));
      checks.push(...vioses.map((vios) => `${table}['${server.systemName}']['${vios}'] | length > 0`));
    }
  }
  return { npiv, vnic, checks };
}

export function renderAnsiblePlaybook(design: Design, language: Language = 'en'): string {
  const ports = portTables(design);
  const tasks: Array<Record<string, unknown>> = [];
  if (ports.checks.length > 0) {
    tasks.push({
      name: formatMessage(msg('deploy.task-check-ports'), language),
      'ansible.builtin.assert': { that: ports.checks, fail_msg: formatMessage(msg('deploy.assert-ports'), language) },
      tags: ['clients'],
    });
  }
  for (const server of design.servers) {
    for (const partition of server.partitions) {
      if (partition.role === 'vios') tasks.push(viosTask(server, partition, language));
    }
  }
  for (const server of design.servers) {
    for (const partition of server.partitions) {
      if (partition.role === 'client') tasks.push(...clientTasks(server, partition, language));
    }
  }
  const play = {
    name: formatMessage(msg('deploy.play-name'), language),
    hosts: 'localhost',
    connection: 'local',
    gather_facts: false,
    vars: { hmc_user: 'hscroot', npiv_fc_ports: ports.npiv, vnic_backing_ports: ports.vnic },
    tasks,
  };
  const header = [
    ...commentLines([msg('deploy.playbook-title', { plan: design.planName }), msg('deploy.playbook-local'), msg('deploy.playbook-run-vios'), msg('deploy.playbook-run-clients')], language),
    ...nameMappingLines(design, language),
    ...commentLines([msg('deploy.checklist-title')], language),
    ...commentLines(implementationChecklist(design), language, '- '),
  ];
  const body = dump([play], { lineWidth: 150, noRefs: true, quotingType: "'", sortKeys: false });
  return `---\n${header.join('\n')}\n${body}`;
}
