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
const HMC = { hmc_host: '{{ hmc_host }}', hmc_auth: AUTH };
type Task = Record<string, unknown>;
type PortTable = 'npiv_fc_ports' | 'vnic_backing_ports';

/** Names are HMC-safe (letters, digits, . - _), so they can sit inside a Jinja string literal. */
function portVariable(table: PortTable, server: DesignServer, vios: string): string {
  return `{{ ${table}['${server.systemName}']['${vios}'] }}`;
}

function text(code: string, params: Record<string, string | number>, language: Language): string {
  return formatMessage(msg(code, params), language);
}

function viosTask(server: DesignServer, vios: DesignPartition, language: Language): Task {
  // Virtual FC server adapters are made by the clients' npiv_config (which also maps the physical port), so the
  // VIOS gets its trunk and vSCSI server adapters here; name and lpar_env are the module's own.
  const moduleOwn = ['name', 'lpar_env'];
  const attributes = lparAttributes(vios, ['ethernet', 'scsi']).filter(([name]) => !moduleOwn.includes(name));
  return {
    name: text('deploy.task-vios', { system: server.systemName, name: vios.hmcName, id: vios.id }, language),
    'ibm.power_hmc.vios': {
      ...HMC,
      system_name: server.systemName,
      name: vios.hmcName,
      state: 'present',
      settings: Object.fromEntries(attributes),
    },
    tags: ['vios'],
  };
}

function processorOptions(partition: DesignPartition): Task {
  const { processor } = partition;
  if (processor.mode === 'dedicated') {
    const { min, desired, max } = processor.processors;
    return { proc: desired, min_proc: min, max_proc: max };
  }
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

/** The adapters powervm_lpar_instance creates itself: virtual networks, NPIV pairs (with the port map), vNIC. */
function adapterOptions(server: DesignServer, client: DesignPartition): Task {
  const vioses = server.partitions.filter((partition) => partition.role === 'vios');
  const viosName = (remoteId: number) => vioses.find((vios) => vios.id === remoteId)!.hmcName;
  const options: Task = {};
  const ethernet = client.adapters.flatMap((adapter) => (adapter.kind === 'ethernet' ? [adapter] : []));
  if (ethernet.length > 0) {
    options.virt_network_config = ethernet.map((adapter) => ({
      network_name: virtualNetworkName(adapter.portVlanId, adapter.vswitch),
      slot_number: adapter.slot,
    }));
  }
  const fc = client.adapters.flatMap((adapter) => (adapter.kind === 'fc' ? [adapter] : []));
  if (fc.length > 0) {
    options.npiv_config = fc.map((adapter) => ({
      vios_name: viosName(adapter.remoteId),
      fc_port: portVariable('npiv_fc_ports', server, viosName(adapter.remoteId)),
      client_adapter_id: adapter.slot,
      server_adapter_id: adapter.remoteSlot,
    }));
  }
  const vnic = client.adapters.flatMap((adapter) => (adapter.kind === 'vnic' ? [adapter] : []));
  if (vnic.length > 0) {
    options.vnic_config = vnic.map((adapter) => ({
      vnic_adapter_id: adapter.slot,
      backing_devices: vioses.map((vios) => ({
        location_code: portVariable('vnic_backing_ports', server, vios.hmcName),
        hosting_partition: vios.hmcName,
      })),
    }));
  }
  return options;
}

function commandTask(name: string, cmd: string): Task {
  return { name, 'ibm.power_hmc.hmc_command': { ...HMC, cmd }, tags: ['clients'] };
}

function clientTasks(server: DesignServer, client: DesignPartition, language: Language): Task[] {
  const system = server.systemName;
  const create = {
    ...HMC,
    system_name: system,
    vm_name: client.hmcName,
    vm_id: client.id,
    os_type: osType(client),
    state: 'present',
    ...processorOptions(client),
    mem: client.memoryMB.desired,
    min_mem: client.memoryMB.min,
    max_mem: client.memoryMB.max,
    max_virtual_slots: client.maxVirtualSlots,
    ...adapterOptions(server, client),
  };
  const tasks: Task[] = [
    {
      name: text('deploy.task-client', { system, name: client.hmcName, id: client.id }, language),
      'ibm.power_hmc.powervm_lpar_instance': create,
      tags: ['clients'],
    },
  ];
  // The module has no bare vSCSI client adapter (only volume_config, which needs a disk): the design's adapters
  // and IBM i's tagged I/O go into the profile the module created, with the HMC's chsyscfg.
  const profile = ['virtual_scsi_adapters', 'load_source_slot', 'console_slot'];
  const scsi = lparAttributes(client, ['scsi']).filter(([name]) => profile.includes(name));
  if (scsi.length > 0) {
    const list = attributeList([['name', PROFILE_NAME], ['lpar_name', client.hmcName], ...scsi], true);
    const name = text('deploy.task-vscsi', { system, name: client.hmcName }, language);
    tasks.push(commandTask(name, `chsyscfg -r prof -m ${system} -i "${list}"`));
  }
  if (client.remoteRestart) {
    const name = text('deploy.task-remote-restart', { system, name: client.hmcName }, language);
    const list = `name=${client.hmcName},simplified_remote_restart_capable=1`;
    tasks.push(commandTask(name, `chsyscfg -r lpar -m ${system} -i "${list}"`));
  }
  return tasks;
}

type Ports = Record<string, Record<string, string>>;

/** The physical ports the clients' npiv_config and vnic_config name, by managed system and VIOS, to fill in. */
function portTables(design: Design): { npiv: Ports; vnic: Ports; checks: string[] } {
  const tables: Record<PortTable, Ports> = { npiv_fc_ports: {}, vnic_backing_ports: {} };
  const checks: string[] = [];
  for (const server of design.servers) {
    const vioses = server.partitions.filter((partition) => partition.role === 'vios').map((vios) => vios.hmcName);
    const clients = server.partitions.filter((partition) => partition.role === 'client');
    const used: Array<[PortTable, boolean]> = [
      ['npiv_fc_ports', clients.some((client) => client.storage === 'npiv')],
      ['vnic_backing_ports', clients.some((client) => client.network === 'vnic')],
    ];
    for (const [table, needed] of used) {
      if (!needed || vioses.length === 0) continue;
      tables[table][server.systemName] = Object.fromEntries(vioses.map((vios) => [vios, '']));
      checks.push(...vioses.map((vios) => `${table}['${server.systemName}']['${vios}'] | length > 0`));
    }
  }
  return { npiv: tables.npiv_fc_ports, vnic: tables.vnic_backing_ports, checks };
}

export function renderAnsiblePlaybook(design: Design, language: Language = 'en'): string {
  const ports = portTables(design);
  const tasks: Task[] = [];
  if (ports.checks.length > 0) {
    tasks.push({
      name: formatMessage(msg('deploy.task-check-ports'), language),
      'ansible.builtin.assert': { that: ports.checks, fail_msg: formatMessage(msg('deploy.assert-ports'), language) },
      tags: ['clients'],
    });
  }
  const all = design.servers.flatMap((server) => server.partitions.map((partition) => ({ server, partition })));
  // Every VIOS first (stage 1), then the clients (stage 2).
  for (const { server, partition } of all) {
    if (partition.role === 'vios') tasks.push(viosTask(server, partition, language));
  }
  for (const { server, partition } of all) {
    if (partition.role === 'client') tasks.push(...clientTasks(server, partition, language));
  }
  const play = {
    name: formatMessage(msg('deploy.play-name'), language),
    hosts: 'localhost',
    connection: 'local',
    gather_facts: false,
    vars: { hmc_user: 'hscroot', npiv_fc_ports: ports.npiv, vnic_backing_ports: ports.vnic },
    tasks,
  };
  const introduction = [
    msg('deploy.playbook-title', { plan: design.planName }),
    msg('deploy.playbook-local'),
    msg('deploy.playbook-run-vios'),
    msg('deploy.playbook-run-clients'),
  ];
  const header = [
    ...commentLines(introduction, language),
    ...nameMappingLines(design, language),
    ...commentLines([msg('deploy.checklist-title')], language),
    ...commentLines(implementationChecklist(design), language, '- '),
  ];
  const body = dump([play], { lineWidth: 150, noRefs: true, quotingType: "'", sortKeys: false });
  return `---\n${header.join('\n')}\n${body}`;
}
