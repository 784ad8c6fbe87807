// Texts of the deployable design exports (HMC script, Ansible playbook, design CSVs, implementation checklist).
import type { MessageCatalog } from './format';

export const DEPLOY_MESSAGES: MessageCatalog = {
  en: {
    'deploy.note-units-rounded':
      '{partition}: entitlement {sized} raised to {deployed} processing {deployed|unit|units} (steps of {step}, as the HMC collection requires)',
    'deploy.note-slots-raised': '{partition}: max_virtual_slots raised to {slots} (highest planned slot {highest})',
    'deploy.note-ibmi-physical': '{partition}: IBM i without a VIOS: tag its physical load source and console by hand',
    'deploy.note-renamed':
      '"{original}" is named {name} on the HMC (letters, digits, . - _, at most 47 characters, unique)',
    'deploy.note-entitlement-over-cores':
      '{server}: the deployed entitlement of {entitled} processing {entitled|unit|units} exceeds the {cores} active {cores|core|cores}',
    'deploy.note-vnic':
      '{server}: {count} {count|client|clients} use vNIC; their SR-IOV backing ports are chosen by hand',
    'deploy.note-no-remote-restart':
      '{partition}: no simplified remote restart (an SR-IOV logical port or physical I/O prevents it); under n+1 it is re-created on the surviving server by hand',
    'deploy.too-many-vlans':
      '{server}: {vlans} VLANs need more than the {limit} trunk adapters one Shared Ethernet Adapter bridges; give fewer VLANs per server',

    'deploy.script-title':
      'PowerVM Sizer: HMC commands that create the partitions of plan "{plan}" (VIOS before their clients)',
    'deploy.script-run':
      'Run on the HMC command line (or: ssh hscroot@HMC < this file) after checking the managed-system names.',
    'deploy.script-slots':
      'Virtual slots: clients Ethernet 2, vNIC 3, vSCSI 10-11, virtual FC 20-21; VIOS trunk adapters from 2, server adapters from 100. Maximum memory = desired memory, as sized.',
    'deploy.server-heading':
      '{server} = managed system {system}: {model} ({mtm}), {cores} {cores|core|cores}, {memoryMB} MB installed, LMB {lmb} MB',
    'deploy.names-heading': 'HMC names (letters, digits, . - _; at most 47 characters) of the names in the plan:',
    'deploy.name-mapping': '{server}: {hmcName} = {original}',
    'deploy.notes-heading': 'Notes:',

    'deploy.playbook-title':
      'PowerVM Sizer: the partitions of plan "{plan}" for the ibm.power_hmc Ansible collection (1.8 or later)',
    'deploy.playbook-run-vios':
      'Stage 1: ansible-playbook THIS.yml -e hmc_host=HMC -e hmc_password=... --tags vios (creates the VIOS)',
    'deploy.playbook-run-clients':
      'Stage 2, after installing the VIOS (RMC active) and filling npiv_fc_ports / vnic_backing_ports: --tags clients',
    'deploy.play-name': 'Create the partitions of the PowerVM Sizer design',
    'deploy.playbook-local':
      'Runs on this machine (connection: local); the modules reach the HMC over ssh and its REST API.',
    'deploy.task-vios': 'Create VIOS {name} on {system} (partition {id})',
    'deploy.task-client': 'Create client {name} on {system} (partition {id})',
    'deploy.task-vscsi': 'Set the virtual SCSI client adapters and IBM i tagged I/O of {name} on {system} (profile)',
    'deploy.task-remote-restart': 'Enable simplified remote restart for {name} on {system}',
    'deploy.task-check-ports': 'Check that every physical port the clients need is filled in',
    'deploy.assert-ports': 'Fill npiv_fc_ports and vnic_backing_ports (the VIOS physical ports) before stage 2',

    'deploy.csv-server': 'Server',
    'deploy.csv-system': 'Managed system',
    'deploy.csv-id': 'Partition ID',
    'deploy.csv-name': 'Partition name (HMC)',
    'deploy.csv-original': 'Name in the plan',
    'deploy.csv-role': 'Role',
    'deploy.csv-env': 'Partition environment (lpar_env)',
    'deploy.csv-os': 'Operating system',
    'deploy.csv-profile': 'Profile',
    'deploy.csv-proc-mode': 'Processor mode',
    'deploy.csv-min-units': 'Min processing units',
    'deploy.csv-desired-units': 'Desired processing units',
    'deploy.csv-max-units': 'Max processing units',
    'deploy.csv-min-procs': 'Min processors (virtual or dedicated)',
    'deploy.csv-desired-procs': 'Desired processors (virtual or dedicated)',
    'deploy.csv-max-procs': 'Max processors (virtual or dedicated)',
    'deploy.csv-sharing': 'Sharing mode',
    'deploy.csv-weight': 'Uncapped weight',
    'deploy.csv-min-mem': 'Min memory (MB)',
    'deploy.csv-desired-mem': 'Desired memory (MB)',
    'deploy.csv-max-mem': 'Max memory (MB)',
    'deploy.csv-max-slots': 'Max virtual slots',
    'deploy.csv-storage': 'Storage',
    'deploy.csv-network': 'Network',
    'deploy.csv-vlan': 'VLAN',
    'deploy.csv-eth': 'Virtual Ethernet adapters (slot/IEEE/PVID/VLANs/trunk priority/required/switch)',
    'deploy.csv-scsi': 'Virtual SCSI adapters (slot/side/remote ID/remote name/remote slot/required)',
    'deploy.csv-fc': 'Virtual FC adapters (slot/side/remote ID/remote name/remote slot/WWPNs/required)',
    'deploy.csv-vnic': 'vNIC (slot/PVID)',
    'deploy.csv-tagged': 'Tagged I/O (IBM i)',
    'deploy.csv-remote-restart': 'Simplified remote restart',
    'deploy.csv-luns': 'Disks / LUNs and sizes (to fill in)',
    'deploy.csv-ip': 'IP address (to fill in)',
    'deploy.csv-notes': 'Notes',
    'deploy.yes': 'yes',
    'deploy.no': 'no',
    'deploy.tagged-value': 'load source slot {slot}, console HMC',

    'deploy.checklist-title': 'Implementation checklist: what the export does not do',
    'deploy.check-physical':
      '{server}: assign the physical adapters to each VIOS by hand ({fcPorts} FC and {ethernetPorts} Ethernet ports per VIOS, {cards} cards in all); the export creates virtual adapters only',
    'deploy.check-vios-install':
      '{server}: install the VIOS ({vioses}) from media or NIM, accept the licence, configure RMC and the multipath driver',
    'deploy.check-sea':
      '{server}: on each VIOS create the Shared Ethernet Adapter over the trunk adapters in slots {slots} (VLANs {vlans}; trunk priority 1 on the first VIOS, 2 on the second, for SEA failover)',
    'deploy.check-vscsi':
      '{server}: map the disks of {count} vSCSI clients to their server adapters on every VIOS (mkvdev -vdev ... -vadapter vhostN)',
    'deploy.check-npiv':
      '{server}: {count} NPIV clients: map each virtual FC server adapter to a physical port (vfcmap) and zone the generated WWPNs on the SAN',
    'deploy.check-vnic': '{server}: {count} vNIC clients: choose the SR-IOV backing ports and the VLAN of each vNIC',
    'deploy.check-sriov':
      '{server}: {count} SR-IOV clients: create their SR-IOV logical ports by hand (no virtual adapter is planned for them)',
    'deploy.check-no-vios':
      '{server}: {count} {count|client|clients} have no VIOS: give them physical disk and network adapters by hand',
    'deploy.check-ibmi':
      '{server}: IBM i {partition}: load source on virtual slot {slot}, console on the HMC; install IBM i from virtual or physical media',
    'deploy.check-os':
      'Install the operating systems of the clients (NIM, virtual media or the powervm_lpar_instance install_os action for AIX)',
    'deploy.check-remote-restart':
      'Simplified remote restart is set on the clients for n+1; the servers must be managed by the same HMC, and a restart on another server needs the same VIOS storage and network there',
    'deploy.check-memory':
      "Maximum memory equals desired memory (the sizing's page tables assume it): growing a partition's memory needs a profile change and a restart",
    'deploy.check-spt':
      "Compared with IBM's System Planning Tool: a system plan deployed through the HMC also places physical I/O adapters and can provision the VIOS; this export creates the partitions, their profiles and virtual adapters only, and is not a system plan file",
  },
  'zh-CN': {
    'deploy.note-units-rounded':
      '{partition}：授权处理单元由 {sized} 提高到 {deployed}（按 {step} 的步长，HMC 集合模块的要求）',
    'deploy.note-slots-raised': '{partition}：max_virtual_slots 提高到 {slots}（规划的最高插槽为 {highest}）',
    'deploy.note-ibmi-physical': '{partition}：没有 VIOS 的 IBM i，需手工标记其物理负载源和控制台',
    'deploy.note-renamed': '“{original}”在 HMC 上命名为 {name}（字母、数字、. - _，最多 47 个字符，且唯一）',
    'deploy.note-entitlement-over-cores': '{server}：部署后的授权处理单元 {entitled} 超过了 {cores} 个激活核心',
    'deploy.note-vnic': '{server}：{count} 个客户端使用 vNIC，其 SR-IOV 后备端口需手工选择',
    'deploy.note-no-remote-restart':
      '{partition}：不启用简化远程重启（SR-IOV 逻辑端口或物理 I/O 不允许）；在 n+1 下需在存活的服务器上手工重建',
    'deploy.too-many-vlans':
      '{server}：{vlans} 个 VLAN 超过了一个共享以太网适配器可桥接的 {limit} 个中继适配器；请减少每台服务器的 VLAN 数量',

    'deploy.script-title': 'PowerVM Sizer：创建计划“{plan}”各分区的 HMC 命令（先建 VIOS，再建其客户端）',
    'deploy.script-run': '核对受管系统名称后，在 HMC 命令行上运行（或：ssh hscroot@HMC < 本文件）。',
    'deploy.script-slots':
      '虚拟插槽：客户端以太网 2、vNIC 3、vSCSI 10-11、虚拟 FC 20-21；VIOS 中继适配器从 2 开始，服务器适配器从 100 开始。最大内存等于期望内存，与规划一致。',
    'deploy.server-heading':
      '{server} = 受管系统 {system}：{model}（{mtm}），{cores} 个核心，已安装 {memoryMB} MB，LMB {lmb} MB',
    'deploy.names-heading': '计划中名称对应的 HMC 名称（字母、数字、. - _，最多 47 个字符）：',
    'deploy.name-mapping': '{server}：{hmcName} = {original}',
    'deploy.notes-heading': '说明：',

    'deploy.playbook-title': 'PowerVM Sizer：计划“{plan}”的分区，用于 ibm.power_hmc Ansible 集合（1.8 或更高版本）',
    'deploy.playbook-run-vios':
      '第 1 步：ansible-playbook THIS.yml -e hmc_host=HMC -e hmc_password=... --tags vios（创建 VIOS）',
    'deploy.playbook-run-clients':
      '第 2 步：安装 VIOS（RMC 处于活动状态）并填写 npiv_fc_ports / vnic_backing_ports 之后：--tags clients',
    'deploy.play-name': '创建 PowerVM Sizer 设计中的分区',
    'deploy.playbook-local': '在本机运行（connection: local）；模块通过 ssh 和 REST API 连接 HMC。',
    'deploy.task-vios': '在 {system} 上创建 VIOS {name}（分区 {id}）',
    'deploy.task-client': '在 {system} 上创建客户端 {name}（分区 {id}）',
    'deploy.task-vscsi': '设置 {system} 上 {name} 的虚拟 SCSI 客户端适配器和 IBM i 标记 I/O（配置文件）',
    'deploy.task-remote-restart': '为 {system} 上的 {name} 启用简化远程重启',
    'deploy.task-check-ports': '检查客户端所需的每个物理端口都已填写',
    'deploy.assert-ports': '第 2 步之前请填写 npiv_fc_ports 和 vnic_backing_ports（VIOS 的物理端口）',

    'deploy.csv-server': '服务器',
    'deploy.csv-system': '受管系统',
    'deploy.csv-id': '分区 ID',
    'deploy.csv-name': '分区名称（HMC）',
    'deploy.csv-original': '计划中的名称',
    'deploy.csv-role': '角色',
    'deploy.csv-env': '分区环境（lpar_env）',
    'deploy.csv-os': '操作系统',
    'deploy.csv-profile': '配置文件',
    'deploy.csv-proc-mode': '处理器模式',
    'deploy.csv-min-units': '最小处理单元',
    'deploy.csv-desired-units': '期望处理单元',
    'deploy.csv-max-units': '最大处理单元',
    'deploy.csv-min-procs': '最小处理器数（虚拟或专用）',
    'deploy.csv-desired-procs': '期望处理器数（虚拟或专用）',
    'deploy.csv-max-procs': '最大处理器数（虚拟或专用）',
    'deploy.csv-sharing': '共享模式',
    'deploy.csv-weight': '非封顶权重',
    'deploy.csv-min-mem': '最小内存（MB）',
    'deploy.csv-desired-mem': '期望内存（MB）',
    'deploy.csv-max-mem': '最大内存（MB）',
    'deploy.csv-max-slots': '最大虚拟插槽数',
    'deploy.csv-storage': '存储',
    'deploy.csv-network': '网络',
    'deploy.csv-vlan': 'VLAN',
    'deploy.csv-eth': '虚拟以太网适配器（插槽/IEEE/PVID/VLAN/中继优先级/必需/交换机）',
    'deploy.csv-scsi': '虚拟 SCSI 适配器（插槽/端/远程 ID/远程名称/远程插槽/必需）',
    'deploy.csv-fc': '虚拟 FC 适配器（插槽/端/远程 ID/远程名称/远程插槽/WWPN/必需）',
    'deploy.csv-vnic': 'vNIC（插槽/PVID）',
    'deploy.csv-tagged': '标记 I/O（IBM i）',
    'deploy.csv-remote-restart': '简化远程重启',
    'deploy.csv-luns': '磁盘 / LUN 及容量（待填写）',
    'deploy.csv-ip': 'IP 地址（待填写）',
    'deploy.csv-notes': '说明',
    'deploy.yes': '是',
    'deploy.no': '否',
    'deploy.tagged-value': '负载源插槽 {slot}，控制台为 HMC',

    'deploy.checklist-title': '实施检查清单：导出文件不会完成的工作',
    'deploy.check-physical':
      '{server}：手工为每个 VIOS 分配物理适配器（每个 VIOS {fcPorts} 个 FC 端口和 {ethernetPorts} 个以太网端口，共 {cards} 块卡）；导出只创建虚拟适配器',
    'deploy.check-vios-install': '{server}：通过介质或 NIM 安装 VIOS（{vioses}），接受许可证，配置 RMC 和多路径驱动',
    'deploy.check-sea':
      '{server}：在每个 VIOS 上基于插槽 {slots} 中的中继适配器创建共享以太网适配器（VLAN {vlans}；第一个 VIOS 中继优先级为 1，第二个为 2，用于 SEA 故障转移）',
    'deploy.check-vscsi':
      '{server}：在每个 VIOS 上将 {count} 个 vSCSI 客户端的磁盘映射到其服务器适配器（mkvdev -vdev ... -vadapter vhostN）',
    'deploy.check-npiv':
      '{server}：{count} 个 NPIV 客户端：将每个虚拟 FC 服务器适配器映射到物理端口（vfcmap），并在 SAN 上为生成的 WWPN 做分区',
    'deploy.check-vnic': '{server}：{count} 个 vNIC 客户端：为每个 vNIC 选择 SR-IOV 后备端口和 VLAN',
    'deploy.check-sriov': '{server}：{count} 个 SR-IOV 客户端：手工创建其 SR-IOV 逻辑端口（未为其规划虚拟适配器）',
    'deploy.check-no-vios': '{server}：{count} 个客户端没有 VIOS：手工为其分配物理磁盘和网络适配器',
    'deploy.check-ibmi':
      '{server}：IBM i {partition}：负载源位于虚拟插槽 {slot}，控制台使用 HMC；从虚拟或物理介质安装 IBM i',
    'deploy.check-os': '为客户端安装操作系统（NIM、虚拟介质，AIX 也可使用 powervm_lpar_instance 的 install_os 操作）',
    'deploy.check-remote-restart':
      '为满足 n+1，客户端已启用简化远程重启；各服务器须由同一 HMC 管理，在另一台服务器上重启需要那里有相同的 VIOS 存储和网络',
    'deploy.check-memory': '最大内存等于期望内存（规划中的页表按此计算）：以后增加分区内存需要修改配置文件并重启',
    'deploy.check-spt':
      '与 IBM System Planning Tool 相比：通过 HMC 部署的系统计划还会放置物理 I/O 适配器并可配置 VIOS；本导出只创建分区、其配置文件和虚拟适配器，也不是系统计划文件',
  },
};
