// A deployable design from a solution: the HMC commands that create its partitions (VIOS first), an Ansible
// playbook for the ibm.power_hmc collection, and a CSV per server for the implementation team to complete.
import { safeFileName } from '../common';
import type { Partition, ServerPlan, Solution } from '../solver';

/** Virtual slot plan [practice]: Ethernet in 2-9, vSCSI in 10-99, virtual FC in 100-199 on each VIOS. */
const ETHERNET_SLOT = 2;
const VSCSI_BASE = 10;
const VFC_BASE = 100;
const MAX_VIRTUAL_SLOTS = 400;

const mb = (gib: number) => Math.round(gib * 1024);
/** Minimum and maximum around the desired value, for DLPAR room [practice]: half and double, within the rules. */
const range = (desired: number, floor: number, step: number) => ({
  min: Math.max(floor, Math.floor((desired / 2) / step) * step),
  max: Math.ceil((desired * 2) / step) * step,
});
const units = (value: number) => value.toFixed(2);

export interface DesignOptions {
  /** Managed-system names on the HMC, by server id; the server id is used where none is given. */
  systemNames?: Record<string, string>;
  /** The VLAN the clients' virtual Ethernet adapters use. */
  vlan?: number;
}

function systemName(server: ServerPlan, options: DesignOptions): string {
  return options.systemNames?.[server.id] ?? server.id;
}

/** The attribute list of one partition for `mksyscfg -r lpar -i`. */
export function lparAttributes(partition: Partition, server: ServerPlan, clientIndex: number, vioses: Partition[], options: DesignOptions): string[] {
  const memory = mb(partition.memoryGiB);
  // A VIOS never goes below its desired memory: 4 GB is already its minimum (S1 Table 3-1).
  const memoryRange = partition.role === 'vios' ? { min: memory, max: range(memory, 256, 256).max } : range(memory, 256, 256);
  const attributes = [
    `name=${partition.name}`,
    'profile_name=default',
    `lpar_env=${partition.role === 'vios' ? 'vioserver' : partition.os === 'ibmi' ? 'os400' : 'aixlinux'}`,
    `min_mem=${memoryRange.min}`,
    `desired_mem=${memory}`,
    `max_mem=${memoryRange.max}`,
  ];
  if (partition.mode === 'dedicated') {
    const cores = partition.dedicatedCores ?? 1;
    attributes.push('proc_mode=ded', `min_procs=1`, `desired_procs=${cores}`, `max_procs=${Math.min(server.cores.active, cores * 2)}`, 'sharing_mode=keep_idle_procs');
  } else {
    const ec = partition.entitledCapacity ?? 0.05;
    const vp = partition.virtualProcessors ?? Math.ceil(ec);
    attributes.push(
      'proc_mode=shared',
      `min_proc_units=${units(Math.max(0.05, ec / 2))}`,
      `desired_proc_units=${units(ec)}`,
      `max_proc_units=${units(Math.min(server.cores.active, ec * 2))}`,
      `min_procs=1`,
      `desired_procs=${vp}`,
      `max_procs=${Math.min(server.cores.active, vp * 2)}`,
      'sharing_mode=uncap',
      `uncap_weight=${partition.role === 'vios' ? 255 : 128}`,
    );
  }
  attributes.push(`max_virtual_slots=${MAX_VIRTUAL_SLOTS}`);
  const vlan = options.vlan ?? 1;
  if (partition.role === 'vios') {
    // A trunk adapter for the Shared Ethernet Adapter; server adapters for each client.
    const clients = server.partitions.filter((each) => each.role === 'client');
    const index = vioses.indexOf(partition);
    attributes.push(`"virtual_eth_adapters=${ETHERNET_SLOT}/0/${vlan}//${index === 0 ? 1 : 2}/0"`);
    const scsi = clients.map((client, clientPosition) => `${VSCSI_BASE + clientPosition}/server/any/${client.name}/${VSCSI_BASE + index}/0`);
    if (scsi.length > 0) attributes.push(`"virtual_scsi_adapters=${scsi.join(',')}"`);
    const fc = clients.map((client, clientPosition) => `${VFC_BASE + clientPosition}/server/any/${client.name}/${VFC_BASE + index}/0`);
    if (fc.length > 0) attributes.push(`"virtual_fc_adapters=${fc.join(',')}"`);
  } else {
    attributes.push(`"virtual_eth_adapters=${ETHERNET_SLOT}/0/${vlan}//0/0"`);
    if (vioses.length > 0) {
      attributes.push(`"virtual_scsi_adapters=${vioses.map((vios, index) => `${VSCSI_BASE + index}/client/any/${vios.name}/${VSCSI_BASE + clientIndex}/1`).join(',')}"`);
      attributes.push(`"virtual_fc_adapters=${vioses.map((vios, index) => `${VFC_BASE + index}/client/any/${vios.name}/${VFC_BASE + clientIndex}/1`).join(',')}"`);
    }
  }
  return attributes;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function hmcScript(solution: Solution, options: DesignOptions = {}): string {
  const lines = [
    '#!/bin/sh',
    '# PowerVM Sizer: HMC commands that create the partitions of the proposed design (VIOS first).',
    '# Run on the HMC (or via ssh hscroot@hmc) after checking the managed-system names below.',
    '# Virtual slots: Ethernet 2, vSCSI 10-99, virtual FC 100-199; adjust VLANs and slots to the site standard.',
    'set -e',
    '',
  ];
  for (const server of solution.servers) {
    const system = systemName(server, options);
    const vioses = server.partitions.filter((partition) => partition.role === 'vios');
    const clients = server.partitions.filter((partition) => partition.role === 'client');
    lines.push(`# ${server.id}: ${server.modelName} (${server.model}), ${server.configuration}, ${server.cores.active} cores, ${server.memoryGiB} GiB, PowerVM ${server.edition}`);
    lines.push(`SYSTEM=${shellQuote(system)}`);
    for (const partition of [...vioses, ...clients]) {
      const attributes = lparAttributes(partition, server, clients.indexOf(partition), vioses, options);
      lines.push(`mksyscfg -r lpar -m "$SYSTEM" -i ${shellQuote(attributes.join(','))}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Options of ibm.power_hmc.powervm_lpar_instance that this playbook uses: the module documentation and its argument
 * spec in IBM/ansible-power-hmc (plugins/modules/powervm_lpar_instance.py: proc int, proc_unit float, mem int MB,
 * os_type one of aix, linux, aix_linux, ibmi).
 */
export const LPAR_INSTANCE_OPTIONS = ['hmc_host', 'hmc_auth', 'system_name', 'vm_name', 'proc', 'proc_unit', 'mem', 'os_type', 'state'] as const;
/** Options of ibm.power_hmc.hmc_command that the VIOS tasks use. */
export const HMC_COMMAND_OPTIONS = ['hmc_host', 'hmc_auth', 'cmd'] as const;

const yamlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function ansiblePlaybook(solution: Solution, options: DesignOptions = {}): string {
  const lines = [
    '# PowerVM Sizer: the proposed partitions as an Ansible playbook for the ibm.power_hmc collection.',
    '# ansible-galaxy collection install ibm.power_hmc; run with -e hmc_password=... against your HMC inventory.',
    '# VIOS are created with hmc_command (mksyscfg), clients with powervm_lpar_instance.',
    '- name: Create the PowerVM Sizer design',
    '  hosts: hmcs',
    '  gather_facts: false',
    '  collections:',
    '    - ibm.power_hmc',
    '  tasks:',
  ];
  for (const server of solution.servers) {
    const system = systemName(server, options);
    const vioses = server.partitions.filter((partition) => partition.role === 'vios');
    const clients = server.partitions.filter((partition) => partition.role === 'client');
    for (const vios of vioses) {
      const attributes = lparAttributes(vios, server, -1, vioses, options);
      lines.push(
        `    - name: ${yamlString(`Create VIOS ${vios.name} on ${system}`)}`,
        '      hmc_command:',
        "        hmc_host: '{{ inventory_hostname }}'",
        '        hmc_auth:',
        "          username: '{{ ansible_user }}'",
        "          password: '{{ hmc_password }}'",
        `        cmd: ${yamlString(`mksyscfg -r lpar -m ${system} -i '${attributes.join(',')}'`)}`,
      );
    }
    for (const client of clients) {
      lines.push(
        `    - name: ${yamlString(`Create ${client.name} on ${system}`)}`,
        '      powervm_lpar_instance:',
        "        hmc_host: '{{ inventory_hostname }}'",
        '        hmc_auth:',
        "          username: '{{ ansible_user }}'",
        "          password: '{{ hmc_password }}'",
        `        system_name: ${yamlString(system)}`,
        `        vm_name: ${yamlString(client.name)}`,
        ...(client.mode === 'dedicated'
          ? [`        proc: ${client.dedicatedCores ?? 1}`]
          : [`        proc: ${client.virtualProcessors ?? 1}`, `        proc_unit: ${units(client.entitledCapacity ?? 0.05)}`]),
        `        mem: ${mb(client.memoryGiB)}`,
        `        os_type: ${client.os === 'ibmi' ? 'ibmi' : client.os === 'linux' ? 'linux' : 'aix'}`,
        '        state: present',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const csvField = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** One CSV per server: the sized values filled in, the site-specific columns left for the implementation team. */
export function implementationCsv(server: ServerPlan): string {
  const header = ['server', 'partition', 'role', 'os', 'profile', 'mode', 'entitledCapacity', 'dedicatedCores', 'virtualProcessors', 'memoryGiB', 'virtualEthernetSlot', 'vlan', 'vscsiSlots', 'vfcSlots', 'storage (LUNs, sizes)', 'ipAddress', 'notes'];
  const rows = server.partitions.map((partition) => [
    server.id, partition.name, partition.role, partition.os, 'default', partition.mode, partition.entitledCapacity ?? '', partition.dedicatedCores ?? '', partition.virtualProcessors ?? '', partition.memoryGiB, ETHERNET_SLOT, '', '', '', '', '', '',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export type DeploymentFormat = 'hmc-script' | 'ansible' | 'design-csv';

/** The files of one deployment export: one script or playbook, or one design CSV per server. */
export function deploymentFiles(solution: Solution, format: DeploymentFormat, baseName: string, options: DesignOptions = {}): Array<{ fileName: string; content: string }> {
  const base = safeFileName(baseName, 'design');
  if (format === 'hmc-script') return [{ fileName: `${base}-hmc.sh`, content: hmcScript(solution, options) }];
  if (format === 'ansible') return [{ fileName: `${base}-ansible.yml`, content: ansiblePlaybook(solution, options) }];
  return solution.servers.map((server) => ({ fileName: `${base}-${server.id}.csv`, content: implementationCsv(server) }));
}
