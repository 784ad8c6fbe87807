// Names and notes that come from the catalog in English, in the interface's language. A note is translated only
// while its English text is the one translated here (matched in full), so a changed note shows its new English
// text marked as such rather than an outdated translation.
import type { Language } from '../../../src-main/common';
import type { FeatureKey } from '../../../src-main/ipc/shared';

const FEATURE_NAMES_ZH: Record<FeatureKey, { label: string; description: string }> = {
  microPartitioning: {
    label: '微分区',
    description: '共享处理器分区，可按小数分配授权容量（POWER7+ 及以后最小 0.05 处理单元，步长 0.01）。',
  },
  vios: { label: '虚拟 I/O 服务器', description: '拥有物理适配器并向客户端提供 vSCSI、NPIV 和 SEA 的服务分区。' },
  multipleSharedProcessorPools: {
    label: '多个共享处理器池',
    description: '最多 64 个共享处理器池，可设最大和保留处理单元（容量封顶、许可）。',
  },
  lpm: { label: '实时分区迁移', description: '在服务器之间迁移运行中（活动）或已关机（非活动）的分区。' },
  ams: { label: '活动内存共享', description: '多个分区共用一个内存池，由分页 VIOS 支持（历史功能；Power10 未列出）。' },
  ame: {
    label: '活动内存扩展',
    description: '仅限 AIX 的内存压缩；扩展后内存 = 实际内存 × 系数（按逻辑内存块向下取整）。',
  },
  ssp: { label: '共享存储池', description: '由 1 至 24 个 VIOS 组成的集群存储池，向客户端提供逻辑单元。' },
  thinProvisioning: { label: '精简配置', description: '精简配置的逻辑单元（在共享存储池中）。' },
  srr: { label: '简化远程重启', description: '服务器故障后在另一台服务器上重启分区（POWER8 及以后）。' },
  novalink: { label: 'PowerVM NovaLink', description: '服务器上的 Linux 分区，通过 REST/CLI 管理 PowerVM；不另收费。' },
  powervc: { label: 'PowerVC / PowerVM OpenStack', description: '基于 OpenStack 的 PowerVM 虚拟化管理。' },
  suspendResume: { label: '挂起与恢复', description: '将分区挂起到分页设备，稍后再恢复。' },
  vnic: {
    label: 'vNIC（SR-IOV 虚拟网卡）',
    description: '经由 VIOS、以 SR-IOV 逻辑端口为后端并支持故障切换的虚拟网卡。',
  },
  sriov: { label: 'SR-IOV', description: '分配给分区的单根 I/O 虚拟化逻辑端口。' },
  amm: {
    label: '活动内存镜像（虚拟机管理程序）',
    description: '虚拟机管理程序内存保留两份以提高可靠性；占用额外内存。',
  },
  pep: { label: 'Power 企业池', description: 'PEP 1.0 移动激活 / PEP 2.0 跨服务器共享的按用量计费容量。' },
};

/** Catalog notes in Simplified Chinese, keyed by their full English text. */
const NOTES_ZH: Record<string, string> = {
  'source generation only (measured demand)': '仅作为源代次（实测需求）',
  'No POWER9-specific edition list was retrieved (REDP-5497 S922/S914/S924 exists but its edition table was unreadable). Standard + Enterprise is carried over from POWER8 (S14). S1 (March 2023) says Enterprise is now the only option on Power servers then sold.':
    '未获得 POWER9 专用的版本列表（REDP-5497 S922/S914/S924 存在，但其版本表无法读取）。标准版 + 企业版沿用自 POWER8（S14）。S1（2023 年 3 月）称企业版是当时在售 Power 服务器上的唯一选项。',
  "No text about PowerVM packaging on Power11 was found. Power11 systems exist (OCP). Do not assume Power10's packaging without a source.":
    '未找到关于 Power11 上 PowerVM 打包方式的资料。Power11 系统已存在（OCP）。在没有来源之前，不要套用 Power10 的打包方式。',
  'Production deployments and server consolidation (S14). Suspend/Resume unsupported on 8286-41A/42A, 8247-21L/22L (S16).':
    '用于生产部署和服务器整合（S14）。8286-41A/42A、8247-21L/22L 不支持挂起与恢复（S16）。',
  'Unique features: Active Memory Sharing and Live Partition Mobility (S14). SRR on POWER8 or later (S1).':
    '独有功能：活动内存共享和实时分区迁移（S14）。简化远程重启适用于 POWER8 及以后（S1）。',
  'Feature values carried over from POWER8 (S14); verify for POWER9. Up to 1000 per server, model dependent (S1, all editions not distinguished); micro-partitions <= 20 per active core (S6, POWER7+).':
    '功能取值沿用自 POWER8（S14），需针对 POWER9 核实。每台服务器最多 1000 个分区，视机型而定（S1，未区分版本）；每个激活核最多 20 个微分区（S6，POWER7+）。',
  'Feature list taken from S1 (which covers FW VH950 Power9 and Power10). AMS on POWER9: unknown. Maximum 1000 LPARs per server, model dependent (S1).':
    '功能列表取自 S1（涵盖 FW VH950 Power9 和 Power10）。POWER9 上的活动内存共享：未知。每台服务器最多 1000 个 LPAR，视机型而定（S1）。',
  "S1: 'Today, PowerVM Enterprise Edition is the only option, and it is automatically included in all Power servers.' AMS and Suspend/Resume are not in S1's Enterprise feature list (treat as unavailable until proven). AME is AIX-only. PowerVC 'available to every PowerVM client' (charge unknown). Exact per-model announcement wording not retrieved. Maximum 1000 LPARs per server, depending on model (S1). PEP 2.0 text: 200 VMs per E1080 at the time, planned 750 (copy of IBM text).":
    'S1：“如今 PowerVM 企业版是唯一选项，并自动包含在所有 Power 服务器中。”S1 的企业版功能列表中没有活动内存共享和挂起与恢复（在得到证实之前视为不可用）。活动内存扩展仅限 AIX。PowerVC“向每个 PowerVM 客户提供”（是否收费未知）。未获得各机型公告的确切措辞。每台服务器最多 1000 个 LPAR，视机型而定（S1）。PEP 2.0 资料：当时每台 E1080 支持 200 个虚拟机，计划 750 个（IBM 文本副本）。',
  'Power11 servers ship PowerVM Enterprise Edition (#EPVT); #EPV0 orders it with Live Partition Mobility deactivated (Power11 scale-out Redbook, Table 2-2).':
    'Power11 服务器随附 PowerVM 企业版（#EPVT）；订购 #EPV0 则得到停用实时分区迁移的企业版（Power11 横向扩展 Redbook，表 2-2）。',
  'PowerVM Enterprise Edition licence entitlement is included with each E950 and E980 server (hardware feature #EPVV).':
    '每台 E950 和 E980 服务器均包含 PowerVM 企业版许可权利（硬件功能 #EPVV）。',
  'PowerVM Enterprise Edition is the default virtualization feature of Power11 servers (#EPVT, "Must select one option").':
    'PowerVM 企业版是 Power11 服务器的默认虚拟化功能（#EPVT，“必须选择一个选项”）。',
  'The alternative to #EPVT: Enterprise Edition with Live Partition Mobility deactivated (#EPV0 "Deactivation of LPM").':
    '#EPVT 的替代选项：停用实时分区迁移的企业版（#EPV0“停用 LPM”）。',
  // The short facts the editions matrix shows with IBM's quotation (catalog editions[].evidence[].value).
  'Active Memory Sharing offered': '提供活动内存共享',
  'Enterprise Edition included with each E950/E980': '每台 E950/E980 均包含企业版',
  'Active Memory Sharing and Partition Suspend/Resume are deprecated PowerVM features':
    '活动内存共享和分区挂起与恢复是已弃用的 PowerVM 功能',
  'deprecated features': '已弃用的功能',
  'PowerVM Enterprise Edition (#EPVT) is the default': 'PowerVM 企业版（#EPVT）为默认选项',
  '#EPV0 Deactivation of LPM (Live Partition Mobility)': '#EPV0 停用 LPM（实时分区迁移）',
};

/** The note in the language, or null when only the English source text exists (shown marked as English). */
export function catalogNote(note: string, locale: string): string | null {
  if (locale === 'en') return note;
  return NOTES[locale as Language]?.[note] ?? null;
}

/** The catalog's feature names and descriptions in each language but English (the catalog's own). */
export const FEATURE_NAMES: Partial<Record<Language, Record<FeatureKey, { label: string; description: string }>>> = {
  'zh-CN': FEATURE_NAMES_ZH,
};
/** The catalog's notes in each language but English, by their English text. */
const NOTES: Partial<Record<Language, Record<string, string>>> = { 'zh-CN': NOTES_ZH };
/** Between the items of a short list ("LPM, SRR"): a comma in English. */
export const LIST_SEPARATOR: Partial<Record<Language, string>> = { en: ', ', 'zh-CN': '、' };
