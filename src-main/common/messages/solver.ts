// Messages of the solver: warnings, explanations, reasons, alternatives, the design comparison and progress.
import type { MessageCatalog } from './format';

export const SOLVER_MESSAGES: MessageCatalog = {
  en: {
    'solver.editions.cost-included': 'included with every {generation} server at no separate charge',
    'solver.editions.cost-no-price':
      'no price entered for {generation} {edition}: enter one in the catalog’s price table (no public list price is published)',
    'solver.editions.cost-no-proposal': 'no proposal under this edition, so no licensed cores to price',
    'solver.editions.cost-formula':
      '{cores} licensed {cores|core|cores} × {perCore} {currency} + {maintenance} {currency} maintenance per core and year × {years} {years|year|years}',
    'solver.editions.feature-missing': '{edition} does not offer {feature}',
    'solver.editions.partitions-over':
      '{server} would hold {count} {count|partition|partitions}; {edition} allows {limit}',
    'solver.editions.no-lineup':
      'No PowerVM edition line-up is published for {generation} in the catalog; the features this plan needs ({features}) cannot be checked.',
    'solver.editions.single':
      '{generation} offers one edition, {edition}: there is nothing to choose. It gives this plan {count} published {count|feature|features}, including {features}.',
    'solver.editions.single-included':
      '{generation} offers one edition, {edition}, included with every server: there is nothing to choose. It gives this plan {count} published {count|feature|features}, including {features}.',
    'solver.editions.lpm-both-ends':
      'Live Partition Mobility needs PowerVM Enterprise Edition on both the source and the destination server ({sources}): moving workloads by LPM from an existing Express- or Standard-licensed server needs Enterprise there too.',
    'solver.editions.what-if': 'What-if: treated as not required: {features}.',
    'solver.blocker.entitlement':
      'entitlement of {units} processing {units|unit|units} would exceed the {cores} active {cores|core|cores}',
    'solver.blocker.ha-group': 'another member of HA group "{group}" is already on this server',
    'solver.blocker.max-servers':
      'the plan allows at most {servers} {servers|server|servers} and none of them has room left',
    'solver.blocker.memory-installed': 'memory would need {installed} GiB installed, above the {maximum} GiB maximum',
    'solver.blocker.memory-maximum': 'memory would exceed the {maximum} GiB maximum at the {percent} % target',
    'solver.blocker.micro-partitions': 'at most {perCore} micro-partitions per core',
    'solver.blocker.non-linux-share': '{model} lets AIX and IBM i use at most {percent} % of its cores',
    'solver.blocker.partition-limit': 'at most {limit} {limit|partition|partitions} per server',
    'solver.blocker.processor':
      'processor demand of {demand} {demand|core|cores} would exceed {percent} % of {cores} {cores|core|cores}',
    'solver.blocker.processor-slot':
      'processor demand of {demand} {demand|core|cores} at the busiest quarter-hour would exceed {percent} % of {cores} {cores|core|cores}',
    'solver.reason.os-not-supported': '{model} does not run {os}',
    'solver.reason.no-figure': '{model}: no published {figure}; enter it in the catalog as a user-entered figure',
    'solver.reason.source-unknown': 'source model {source} is not in the catalog',
    'solver.reason.source-configuration-unknown': 'source model {source} has no configuration "{configuration}"',
    'solver.reason.source-no-figure':
      'source {source} has no published {figure}; enter it in the catalog as a user-entered figure',
    'solver.reason.edition-missing': '{model}: the {generation} {edition} edition does not offer {feature}',
    'solver.unplaced.too-large':
      'too large for the largest candidate that runs it, an empty {model} with {cores} {cores|core|cores}',
    'solver.unplaced.no-room': 'no server has room left for it within the plan’s limits',
    'solver.unplaced.runs-nowhere': 'no candidate configuration can run this {os} workload',
    'solver.edition.none-for-generation':
      'no PowerVM edition line-up is published for {generation} in the catalog; features cannot be checked',
    'solver.edition.not-offered': '{generation} has no {edition} edition (it offers {offered})',
    'solver.edition.none-offers-all': 'no {generation} edition is published as offering all of: {features}',
    'solver.edition.none-published':
      '{generation}: no PowerVM edition line-up is published in the catalog; the required features ({features}) could not be checked',
    'solver.edition.only': '{generation}: {edition} is the only edition',
    'solver.edition.only-included': '{generation}: {edition} is the only edition and is included with every server',
    'solver.edition.minimal': '{generation}: the minimal edition is {edition}',
    'solver.edition.minimal-forced': '{generation}: the minimal edition is {edition}, required by {features}',
    'solver.edition.offer-unknown':
      '{generation}: whether the chosen edition offers {features} is not published; verify before committing',
    'solver.model-without-configurations':
      '{model} ({id}) has no configuration with published figures in the catalog; enter one as a user model to size onto it',
    'solver.no-candidates': 'no target configuration matches the chosen generations and models',
    'solver.vios-minimums-substituted':
      'VIOS {asked} minimums are not published in the catalog; the VIOS {used} minimums are used',
    'solver.firmware-memory-assumed':
      'the hypervisor’s firmware memory has no published formula: 3.5 GB per 128 GB installed is assumed, IBM’s one example; check it with IBM’s System Planning Tool or enter the firmware memory in the plan’s constraints',
    'solver.time-of-day-sharing':
      'sharing by time of day: {count} shared {count|partition|partitions} with a full-day profile are entitled to their mean demand and reach their peak from the shared pool; each server’s busiest quarter-hour stays under the target. This assumes the measured days repeat: check that the measurements cover month-end and batch peaks',
    'solver.sized-at-peak':
      'sized at their peak, not by time of day (no usable full-day profile), {count} {count|workload|workloads}: {workloads}',
    'solver.source-configuration-assumed':
      'no source configuration given for {model}, so the conservative one was taken ({cores} {cores|core|cores}, {perCore} {figure} per core, the fastest per core), {count} {count|workload|workloads}: {workloads}',
    'solver.objective.cost-auto': 'objective: cost, since every candidate has a price',
    'solver.objective.cores-auto':
      'objective: licensed cores, since not every candidate has a price (enter prices in the catalog to optimise cost)',
    'solver.cost-without-prices':
      'the objective is cost but some candidates have no price; they count as infinitely expensive',
    'solver.vios.load':
      '{clients} client {clients|partition|partitions}, {networkGbps} Gb/s network, {iops} IOPS and {mbps} MB/s of storage',
    'solver.vios.load-dual':
      '{clients} client {clients|partition|partitions}, {networkGbps} Gb/s network, {iops} IOPS and {mbps} MB/s of storage; each VIOS is sized to carry all of it alone',
    'solver.vios.tier-small':
      'IBM starting point for a small VIOS: 0.25-0.5 processing units, 1-2 virtual processors, 4 GB',
    'solver.vios.tier-large':
      'beyond a small VIOS (10 clients, 10 Gb/s, 50,000 IOPS, 1,600 MB/s): IBM starting point for a large VIOS, 1-2 processing units, 2-4 virtual processors, 6 GB',
    'solver.vios.tier-ssp':
      'a client uses Shared Storage Pools: IBM starting point with SSP, at least 1 processing unit, 4-6 virtual processors, 8 GB',
    'solver.vios.memory-minimum': 'memory raised to the VIOS {version} minimum of {memoryGiB} GiB',
    'solver.vios.ports':
      '{fcPorts} Fibre Channel ports and {ethernetPorts} Ethernet ports, at most 70 % busy, at least two of each for redundant paths',
    'solver.vios.dual': 'one of two VIOS for redundancy: MPIO for disks, SEA or vNIC failover for the network',
    'solver.vios.single': 'a single VIOS: an outage of the VIOS stops its clients',
    'solver.partition.time-of-day':
      'shares by time of day: entitled to its mean demand of {mean} {mean|core|cores} at {target} %, uncapped with {vp} virtual {vp|processor|processors} to reach its peak of {peak} {peak|core|cores} from the shared pool',
    'solver.server.processor':
      '{model} with {cores} {cores|core|cores}: {clients} client {clients|partition|partitions}, {demand} {demand|core|cores} of demand at {percent} % of the cores (target {target} %)',
    'solver.server.processor-time-of-day':
      '{model} with {cores} {cores|core|cores}: {clients} client {clients|partition|partitions}, {demand} {demand|core|cores} of demand at the busiest quarter-hour (the sum of the peaks is {sumOfPeaks}) at {percent} % of the cores (target {target} %)',
    'solver.server.memory':
      '{installed} GiB installed: partitions and hypervisor use {used} GiB, {percent} % (target {target} %)',
    'solver.server.failover-memory':
      'the installed memory also holds {memoryGiB} GiB of partitions taken over when another server is lost',
    'solver.server.maximum-memory-unknown': 'the maximum memory of {model} is not published, so it is not checked',
    'solver.server.adapter-cards': 'the VIOS need {cards} adapter cards; the server has {slots} PCIe slots',
    'solver.too-many-adapter-cards': '{server}: the VIOS need {cards} adapter cards but {model} has {slots} PCIe slots',
    'solver.os-unconfirmed':
      '{os} on {model} is neither confirmed nor ruled out by a source in the catalog; verify the OS support before proposing it',
    'solver.mixed-configurations':
      'servers of different configurations ({configurations}): each partition where it weighs least, which beats any single configuration',
    'solver.placement.shared':
      '{partition} on {server} ({model}): {ec} processing {ec|unit|units}, {vp} virtual {vp|processor|processors}, {memoryGiB} GiB, demand {demand} {demand|core|cores}',
    'solver.placement.dedicated':
      '{partition} on {server} ({model}): {cores} dedicated {cores|core|cores}, {memoryGiB} GiB, demand {demand} {demand|core|cores}',
    'solver.redundancy.checked':
      'n+1 checked: the failover map shows where each partition runs if its server is lost (HA groups kept apart)',
    'solver.redundancy.not-met':
      'n+1 could not be met within the plan’s limits: some partition has nowhere to go when a server is lost',
    'solver.proof.optimal':
      'proven optimal: no choice of configurations among all candidates does better under the objective',
    'solver.proof.work-limit':
      'not proven optimal: the exact model did its full, fixed amount of search without a proof; the answer is at most {gap} % above the bound of {cores} {cores|core|cores}',
    'solver.proof.time-limit':
      'not proven optimal: this machine was too slow or busy for the exact model to finish its search; the answer is at most {gap} % above the bound of {cores} {cores|core|cores}',
    'solver.clock-stopped':
      'This machine was too busy for the search to finish its fixed amount of work, so solving the same plan again may give another design. Solve again with less running beside it for the answer every run gives.',
    'solver.proof.not-run-size':
      'not proven optimal (the plan is beyond the exact model’s size): the answer is at most {gap} % above the bound of {cores} {cores|core|cores}',
    'solver.proof.not-run-redundancy':
      'not proven optimal (the exact model does not cover n+1): the answer is at most {gap} % above the bound of {cores} {cores|core|cores}',
    'solver.proof.not-run-time-of-day':
      'not proven optimal (the exact model does not cover sharing by time of day): the answer is at most {gap} % above the bound of {cores} {cores|core|cores}',
    'solver.alternative.single': '{servers} × {model} with {cores} {cores|core|cores}',
    'solver.alternative.single-unplaced':
      '{servers} × {model} with {cores} {cores|core|cores}, {unplaced} {unplaced|workload|workloads} not placed',
    'solver.alternative.single-not-redundant': '{servers} × {model} with {cores} {cores|core|cores}, n+1 not met',
    'solver.comparison.asked-identical': 'servers of one configuration, as the plan asks',
    'solver.comparison.no-identical':
      'no single configuration can run every workload, so the design mixes configurations',
    'solver.comparison.same': 'the design found is the one an engineer would draw: servers of one configuration',
    'solver.comparison.places-more':
      'the design found places {count} {count|workload|workloads} more than the best design of identical servers',
    'solver.comparison.lower-cost':
      'the design found costs {saved} less than the best design of identical servers ({identical} against {found})',
    'solver.comparison.fewer-servers':
      'the design found needs {saved} {saved|server|servers} fewer than the best design of identical servers ({identical} against {found})',
    'solver.comparison.fewer-cores':
      'the design found licenses {saved} {saved|core|cores} fewer than the best design of identical servers ({identical} against {found})',
    'solver.comparison.tie': 'the design found and the best design of identical servers score the same',
    'solver.progress.normalising': 'reading the workloads',
    'solver.progress.packing': 'packing onto {model} with {cores} {cores|core|cores}',
    'solver.progress.searching': 'searching for fewer servers',
    'solver.progress.recombining': 'combining servers of different configurations',
    'solver.progress.proving': 'proving with the exact model (HiGHS)',
    'solver.progress.explaining': 'explaining the proposal',
    'solver.progress.interim': 'a first answer; still improving',
    'solver.progress.done': 'done',
    'solver.progress.rendering-report': 'rendering the {format} report',
  },
  'zh-CN': {
    'solver.editions.cost-included': '每台 {generation} 服务器均已包含，不单独收费',
    'solver.editions.cost-no-price':
      '尚未录入 {generation} {edition} 的价格：请在目录的价格表中录入（IBM 未公布公开价目）',
    'solver.editions.cost-no-proposal': '此版本下没有可行方案，因此没有可计价的许可核数',
    'solver.editions.cost-formula':
      '{cores} 个许可核 × {perCore} {currency} + 每核每年 {maintenance} {currency} 维护费 × {years} 年',
    'solver.editions.feature-missing': '{edition} 不提供 {feature}',
    'solver.editions.partitions-over': '{server} 将承载 {count} 个分区；{edition} 最多允许 {limit} 个',
    'solver.editions.no-lineup':
      '目录中没有 {generation} 已发布的 PowerVM 版本组合；无法核对本方案所需的功能（{features}）。',
    'solver.editions.single':
      '{generation} 只提供一个版本 {edition}：无需选择。它为本方案提供 {count} 项已发布的功能，其中包括 {features}。',
    'solver.editions.single-included':
      '{generation} 只提供一个版本 {edition}，每台服务器均已包含：无需选择。它为本方案提供 {count} 项已发布的功能，其中包括 {features}。',
    'solver.editions.lpm-both-ends':
      '实时分区迁移（LPM）要求源服务器和目标服务器都使用 PowerVM Enterprise Edition（{sources}）：从现有 Express 或 Standard 许可的服务器通过 LPM 迁移工作负载，源服务器也需要 Enterprise。',
    'solver.editions.what-if': '假设分析：以下功能视为不需要：{features}。',
    'solver.blocker.entitlement': '授权容量 {units} 个处理单元将超过 {cores} 个活动核',
    'solver.blocker.ha-group': '高可用组“{group}”已有成员位于此服务器',
    'solver.blocker.max-servers': '计划最多允许 {servers} 台服务器，且已没有服务器有剩余空间',
    'solver.blocker.memory-installed': '需安装 {installed} GiB 内存，超过最大 {maximum} GiB',
    'solver.blocker.memory-maximum': '在 {percent}% 的目标利用率下，内存将超过最大 {maximum} GiB',
    'solver.blocker.micro-partitions': '每个核最多 {perCore} 个微分区',
    'solver.blocker.non-linux-share': '{model} 仅允许 AIX 和 IBM i 使用其最多 {percent}% 的核',
    'solver.blocker.partition-limit': '每台服务器最多 {limit} 个分区',
    'solver.blocker.processor': '处理器需求 {demand} 核将超过 {cores} 核的 {percent}%',
    'solver.blocker.processor-slot': '最繁忙的一刻钟处理器需求 {demand} 核将超过 {cores} 核的 {percent}%',
    'solver.reason.os-not-supported': '{model} 不支持运行 {os}',
    'solver.reason.no-figure': '{model}：未公布 {figure}；请在目录中以用户输入数值的方式补充',
    'solver.reason.source-unknown': '目录中没有源机型 {source}',
    'solver.reason.source-configuration-unknown': '源机型 {source} 没有配置“{configuration}”',
    'solver.reason.source-no-figure': '源服务器 {source} 未公布 {figure}；请在目录中以用户输入数值的方式补充',
    'solver.reason.edition-missing': '{model}：{generation} {edition} 版本不提供 {feature}',
    'solver.unplaced.too-large': '超出能运行它的最大候选配置：一台空的 {model}（{cores} 核）也容纳不下',
    'solver.unplaced.no-room': '在计划的限制内，没有服务器还有空间容纳它',
    'solver.unplaced.runs-nowhere': '没有候选配置能运行这个 {os} 工作负载',
    'solver.edition.none-for-generation': '目录中未公布 {generation} 的 PowerVM 版本阵容，无法核对功能',
    'solver.edition.not-offered': '{generation} 没有 {edition} 版本（提供的版本：{offered}）',
    'solver.edition.none-offers-all': '没有公布的 {generation} 版本同时提供以下全部功能：{features}',
    'solver.edition.none-published': '{generation}：目录中未公布 PowerVM 版本阵容，无法核对所需功能（{features}）',
    'solver.edition.only': '{generation}：{edition} 是唯一的版本',
    'solver.edition.only-included': '{generation}：{edition} 是唯一的版本，每台服务器均已包含',
    'solver.edition.minimal': '{generation}：最低版本为 {edition}',
    'solver.edition.minimal-forced': '{generation}：最低版本为 {edition}，因为需要 {features}',
    'solver.edition.offer-unknown': '{generation}：所选版本是否提供 {features} 尚无公开资料；确定方案前请核实',
    'solver.model-without-configurations':
      '目录中 {model}（{id}）没有公布数值的配置；请以用户机型的方式录入一个配置后再进行规划',
    'solver.no-candidates': '没有目标配置符合所选的代次和机型',
    'solver.vios-minimums-substituted': '目录中未公布 VIOS {asked} 的最低要求，改用 VIOS {used} 的最低要求',
    'solver.firmware-memory-assumed':
      '虚拟机管理程序固件内存没有公开的计算公式：按 IBM 唯一的示例假定每安装 128 GB 占用 3.5 GB；请用 IBM System Planning Tool 核实，或在计划约束中填写固件内存',
    'solver.time-of-day-sharing':
      '按时段共享：{count} 个具有全天负载曲线的共享分区按其平均需求授权，并从共享池获得峰值所需的处理能力；每台服务器最繁忙的一刻钟仍低于目标利用率。前提是测量的日子具有代表性：请确认测量数据涵盖月末和批处理高峰',
    'solver.sized-at-peak': '以下 {count} 个工作负载按峰值而非按时段规划（没有可用的全天负载曲线）：{workloads}',
    'solver.source-configuration-assumed':
      '未给出 {model} 的源配置，因此采用保守配置（{cores} 核，每核 {perCore} {figure}，每核最快的配置），涉及 {count} 个工作负载：{workloads}',
    'solver.objective.cost-auto': '优化目标：成本，因为每个候选配置都有价格',
    'solver.objective.cores-auto': '优化目标：许可核数，因为并非每个候选配置都有价格（在目录中录入价格即可按成本优化）',
    'solver.cost-without-prices': '优化目标为成本，但部分候选配置没有价格，按无限昂贵处理',
    'solver.vios.load': '{clients} 个客户分区，网络 {networkGbps} Gb/s，存储 {iops} IOPS、{mbps} MB/s',
    'solver.vios.load-dual':
      '{clients} 个客户分区，网络 {networkGbps} Gb/s，存储 {iops} IOPS、{mbps} MB/s；每个 VIOS 都按单独承担全部负载来规划',
    'solver.vios.tier-small': 'IBM 小型 VIOS 起点配置：0.25–0.5 个处理单元，1–2 个虚拟处理器，4 GB',
    'solver.vios.tier-large':
      '超出小型 VIOS 的范围（10 个客户分区、10 Gb/s、50,000 IOPS、1,600 MB/s）：IBM 大型 VIOS 起点配置，1–2 个处理单元，2–4 个虚拟处理器，6 GB',
    'solver.vios.tier-ssp':
      '有客户分区使用共享存储池：IBM 带 SSP 的起点配置，至少 1 个处理单元，4–6 个虚拟处理器，8 GB',
    'solver.vios.memory-minimum': '内存提高到 VIOS {version} 的最低要求 {memoryGiB} GiB',
    'solver.vios.ports':
      '{fcPorts} 个光纤通道端口和 {ethernetPorts} 个以太网端口，利用率不超过 70%，每种至少两个以实现冗余路径',
    'solver.vios.dual': '两个 VIOS 之一，用于冗余：磁盘使用 MPIO，网络使用 SEA 或 vNIC 故障切换',
    'solver.vios.single': '单个 VIOS：VIOS 停机会导致其客户分区停止',
    'solver.partition.time-of-day':
      '按时段共享：按 {target}% 利用率下的平均需求 {mean} 核授权，非封顶，配置 {vp} 个虚拟处理器，可从共享池达到 {peak} 核的峰值',
    'solver.server.processor':
      '{model}（{cores} 核）：{clients} 个客户分区，处理器需求 {demand} 核，占 {percent}%（目标 {target}%）',
    'solver.server.processor-time-of-day':
      '{model}（{cores} 核）：{clients} 个客户分区，最繁忙一刻钟的处理器需求 {demand} 核（各峰值之和为 {sumOfPeaks}），占 {percent}%（目标 {target}%）',
    'solver.server.memory':
      '安装内存 {installed} GiB：分区和虚拟机管理程序使用 {used} GiB，占 {percent}%（目标 {target}%）',
    'solver.server.failover-memory': '安装内存还可容纳另一台服务器故障时接管的 {memoryGiB} GiB 分区内存',
    'solver.server.maximum-memory-unknown': '{model} 的最大内存未公布，因此未做检查',
    'solver.server.adapter-cards': 'VIOS 需要 {cards} 块适配器卡；服务器有 {slots} 个 PCIe 插槽',
    'solver.too-many-adapter-cards': '{server}：VIOS 需要 {cards} 块适配器卡，但 {model} 只有 {slots} 个 PCIe 插槽',
    'solver.os-unconfirmed': '目录中没有资料确认或排除 {model} 对 {os} 的支持；提交方案前请核实操作系统支持情况',
    'solver.mixed-configurations':
      '采用不同配置的服务器（{configurations}）：每个分区放在其占用最少的配置上，优于任何单一配置',
    'solver.placement.shared':
      '{partition} 位于 {server}（{model}）：{ec} 个处理单元，{vp} 个虚拟处理器，{memoryGiB} GiB，需求 {demand} 核',
    'solver.placement.dedicated':
      '{partition} 位于 {server}（{model}）：{cores} 个专用核，{memoryGiB} GiB，需求 {demand} 核',
    'solver.redundancy.checked': '已检查 n+1：故障切换表列出了每台服务器故障时各分区的去向（高可用组成员保持分离）',
    'solver.redundancy.not-met': '在计划的限制内无法满足 n+1：某台服务器故障时，有分区无处可去',
    'solver.proof.optimal': '已证明最优：在所有候选配置中，任何配置组合都不会在优化目标上更好',
    'solver.proof.work-limit':
      '未证明最优：精确模型已完成其固定的全部搜索量，但未能证明；方案最多比 {cores} 核的下界高 {gap}%',
    'solver.proof.time-limit': '未证明最优：本机过慢或过忙，精确模型未能完成搜索；方案最多比 {cores} 核的下界高 {gap}%',
    'solver.clock-stopped':
      '本机过忙，搜索未能完成其固定的工作量，因此再次求解同一计划可能得到另一种设计。请在减少同时运行的任务后重新求解，以得到每次都相同的结果。',
    'solver.proof.not-run-size': '未证明最优（计划超出精确模型的规模）：方案最多比 {cores} 核的下界高 {gap}%',
    'solver.proof.not-run-redundancy': '未证明最优（精确模型不涵盖 n+1）：方案最多比 {cores} 核的下界高 {gap}%',
    'solver.proof.not-run-time-of-day': '未证明最优（精确模型不涵盖按时段共享）：方案最多比 {cores} 核的下界高 {gap}%',
    'solver.alternative.single': '{servers} 台 {model}（{cores} 核）',
    'solver.alternative.single-unplaced': '{servers} 台 {model}（{cores} 核），{unplaced} 个工作负载未放置',
    'solver.alternative.single-not-redundant': '{servers} 台 {model}（{cores} 核），不满足 n+1',
    'solver.comparison.asked-identical': '按计划要求，全部采用同一配置的服务器',
    'solver.comparison.no-identical': '没有任何单一配置能运行全部工作负载，因此方案混合使用多种配置',
    'solver.comparison.same': '求得的方案就是工程师会画出的方案：全部采用同一配置的服务器',
    'solver.comparison.places-more': '求得的方案比最佳的同型服务器方案多放置 {count} 个工作负载',
    'solver.comparison.lower-cost': '求得的方案比最佳的同型服务器方案便宜 {saved}（{identical} 对 {found}）',
    'solver.comparison.fewer-servers':
      '求得的方案比最佳的同型服务器方案少用 {saved} 台服务器（{identical} 对 {found}）',
    'solver.comparison.fewer-cores': '求得的方案比最佳的同型服务器方案少许可 {saved} 个核（{identical} 对 {found}）',
    'solver.comparison.tie': '求得的方案与最佳的同型服务器方案得分相同',
    'solver.progress.normalising': '正在读取工作负载',
    'solver.progress.packing': '正在装入 {model}（{cores} 核）',
    'solver.progress.searching': '正在寻找更少服务器的方案',
    'solver.progress.recombining': '正在组合不同配置的服务器',
    'solver.progress.proving': '正在用精确模型（HiGHS）证明',
    'solver.progress.explaining': '正在生成方案说明',
    'solver.progress.interim': '已得到初步方案，仍在改进',
    'solver.progress.done': '完成',
    'solver.progress.rendering-report': '正在生成 {format} 报告',
  },
};
