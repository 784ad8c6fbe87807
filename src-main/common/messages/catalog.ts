// Messages of the catalog's published rules as the sizer applies them: operating systems IBM excludes, IBM i limits
// and tiers, missing rPerf/CPW, live partition mobility between generations, memory features, editions per model.
import type { MessageCatalog } from './format';

export const CATALOG_MESSAGES: MessageCatalog = {
  en: {
    'catalog.os-not-supported': '{where} does not run {os}: IBM says "{quote}" ({source})',
    'catalog.ibmi-core-limit':
      '{where} takes IBM i partitions of at most {limit} {limit|core|cores} (real or virtual), and this one needs {needed}: IBM says "{quote}" ({source})',
    'catalog.ibmi-memory-cap':
      '{where} holds at most {limit} GiB when it runs IBM i, so this plan caps it there: IBM says "{quote}" ({source})',
    'catalog.no-figure-many':
      '{where} have no published {figure}; enter it in Catalog → {model} → each configuration as a user-entered figure',
    'catalog.no-figure-measured-many':
      '{where} have no published {figure}, and the workload was measured on {sourceGeneration} cores ({sourceModel}): converting it to {targetGeneration} needs that figure; enter it in Catalog → {model} → each configuration as a user-entered figure, or give the workload in {figure}',
    'catalog.no-figure':
      '{where} has no published {figure}; enter it in Catalog → {model} → configuration {configuration} as a user-entered figure',
    'catalog.no-figure-measured':
      '{where} has no published {figure}, and the workload was measured on {sourceGeneration} {sourceGeneration|core|cores} ({sourceModel}): converting it to {targetGeneration} needs that figure; enter it in Catalog → {model} → configuration {configuration} as a user-entered figure, or give the workload in {figure}',
    'catalog.lpm-not-possible':
      '{where} cannot take the workload by live partition mobility from {sourceGeneration}: {targetGeneration} runs partitions only in {modes} mode ({source}); migrate it with an outage, or choose another target generation',
    'catalog.lpm-no-modes':
      '{where} has no published processor compatibility modes ({targetGeneration}), so live partition mobility from {sourceGeneration} cannot be confirmed',
    'catalog.lmb-not-supported':
      '{model} ({generation}) cannot use {lmb} MB logical memory blocks; it supports {sizes} MB',
    'catalog.vp-limit-assumed':
      '{generation}: at most {max} virtual {max|processor|processors} per partition is an assumption; IBM publishes the limit for POWER8 to Power10 only',
    'catalog.memory-order':
      "{server}: installed memory {total} GiB as {modules} ({source}); IBM's plugging rule: {rule}; how many modules each processor takes is not checked (IBM's quantity table was not found)",
    'catalog.memory-no-features':
      '{server}: installed memory in {step} GiB steps; no memory feature table was found for {model}',
    'catalog.firmware-rule':
      "hypervisor memory: the larger of 3.5 GB per 128 GB installed (IBM's one example, which already holds that system's page tables) and the page tables the partitions need, never their sum",
    'catalog.edition-included':
      '{model}: PowerVM {edition} is included with every server (#{feature}): IBM says "{quote}" ({source})',
    'catalog.edition-lpm-needed':
      '{model}: PowerVM Enterprise Edition (#EPVT) is included; #EPV0 orders it with live partition mobility deactivated, which this plan cannot take, since a workload needs live partition mobility',
    'catalog.edition-lpm-free':
      '{model}: PowerVM Enterprise Edition (#EPVT) is included; #EPV0 orders it with live partition mobility deactivated, which this plan could take, since no workload needs live partition mobility',
    'catalog.edition-deprecated': '{generation}: {features} are deprecated PowerVM features, so not offered ({source})',
    'catalog.migration-mode':
      '{partition}: moves live from {sourceModel} ({sourceGeneration}) to {server} ({targetGeneration}) and runs in {mode} compatibility mode until restarted in a newer one ({source})',
    'catalog.migration-native':
      '{partition}: measured on {sourceModel} ({sourceGeneration}); on {server} ({targetGeneration}) it runs in its native mode',
    'catalog.migration-outage':
      '{partition}: moves from {sourceModel} ({sourceGeneration}) to {server} ({targetGeneration}) with an outage (no live partition mobility required)',
    'catalog.migration-vios': '{server}: VIOS at least {level} for partitions in {mode} mode ({source})',
    'catalog.ibmi-tier': '{server}: IBM i software tier {tier} ({source})',
    'catalog.ibmi-tier-unknown': '{server}: the IBM i software tier of {configuration} is not published',
  },
  'zh-CN': {
    'catalog.os-not-supported': '{where} 不支持运行 {os}：IBM 原文为“{quote}”（{source}）',
    'catalog.ibmi-core-limit':
      '{where} 的每个 IBM i 分区最多 {limit} 个核心（物理或虚拟），而该分区需要 {needed} 个：IBM 原文为“{quote}”（{source}）',
    'catalog.ibmi-memory-cap':
      '{where} 运行 IBM i 时内存上限为 {limit} GiB，本方案按此上限配置：IBM 原文为“{quote}”（{source}）',
    'catalog.no-figure-many': '{where} 没有已发布的 {figure}；请在“目录 → {model} → 各配置”中以用户输入值录入',
    'catalog.no-figure-measured-many':
      '{where} 没有已发布的 {figure}，而该工作负载是在 {sourceGeneration} 核心（{sourceModel}）上测得的：换算到 {targetGeneration} 需要该数值；请在“目录 → {model} → 各配置”中以用户输入值录入，或直接以 {figure} 给出该工作负载',
    'catalog.no-figure': '{where} 没有已发布的 {figure}；请在“目录 → {model} → 配置 {configuration}”中以用户输入值录入',
    'catalog.no-figure-measured':
      '{where} 没有已发布的 {figure}，而该工作负载是在 {sourceGeneration} 核心（{sourceModel}）上测得的：换算到 {targetGeneration} 需要该数值；请在“目录 → {model} → 配置 {configuration}”中以用户输入值录入，或直接以 {figure} 给出该工作负载',
    'catalog.lpm-not-possible':
      '{where} 无法通过实时分区迁移从 {sourceGeneration} 接收该工作负载：{targetGeneration} 只能以 {modes} 模式运行分区（{source}）；请停机迁移，或选择其他目标代次',
    'catalog.lpm-no-modes':
      '{where} 未发布处理器兼容模式（{targetGeneration}），因此无法确认能否从 {sourceGeneration} 实时迁移分区',
    'catalog.lmb-not-supported': '{model}（{generation}）不能使用 {lmb} MB 的逻辑内存块；它支持 {sizes} MB',
    'catalog.vp-limit-assumed':
      '{generation}：每个分区最多 {max} 个虚拟处理器只是假设；IBM 仅发布了 POWER8 至 Power10 的上限',
    'catalog.memory-order':
      '{server}：安装内存 {total} GiB，由 {modules} 组成（{source}）；IBM 的插装规则：{rule}；未核对每个处理器可插装的模块数量（未找到 IBM 的数量表）',
    'catalog.memory-no-features': '{server}：安装内存按 {step} GiB 递增；未找到 {model} 的内存特性表',
    'catalog.firmware-rule':
      '虚拟化管理程序内存：取“每 128 GB 安装内存 3.5 GB”（IBM 唯一的示例，已包含该系统的页表）与各分区所需页表两者中的较大值，而不是两者之和',
    'catalog.edition-included':
      '{model}：每台服务器均包含 PowerVM {edition}（#{feature}）：IBM 原文为“{quote}”（{source}）',
    'catalog.edition-lpm-needed':
      '{model}：已包含 PowerVM 企业版（#EPVT）；选择 #EPV0 则订购关闭实时分区迁移的版本，本方案不能选择，因为有工作负载需要实时分区迁移',
    'catalog.edition-lpm-free':
      '{model}：已包含 PowerVM 企业版（#EPVT）；选择 #EPV0 则订购关闭实时分区迁移的版本，本方案可以选择，因为没有工作负载需要实时分区迁移',
    'catalog.edition-deprecated': '{generation}：{features} 是已弃用的 PowerVM 功能，因此不提供（{source}）',
    'catalog.migration-mode':
      '{partition}：从 {sourceModel}（{sourceGeneration}）实时迁移到 {server}（{targetGeneration}），在以更新模式重启之前以 {mode} 兼容模式运行（{source}）',
    'catalog.migration-native':
      '{partition}：在 {sourceModel}（{sourceGeneration}）上测得；在 {server}（{targetGeneration}）上以原生模式运行',
    'catalog.migration-outage':
      '{partition}：从 {sourceModel}（{sourceGeneration}）停机迁移到 {server}（{targetGeneration}）（无需实时分区迁移）',
    'catalog.migration-vios': '{server}：分区以 {mode} 模式运行时，VIOS 版本至少为 {level}（{source}）',
    'catalog.ibmi-tier': '{server}：IBM i 软件层级 {tier}（{source}）',
    'catalog.ibmi-tier-unknown': '{server}：{configuration} 的 IBM i 软件层级未发布',
  },
};
