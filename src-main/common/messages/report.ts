// Texts of the presentation model (src-main/report/presentation.ts): what the screen and every report say about a
// solution. English plurals are chosen by code (`…-one` / `…-other`); Chinese has none, so both codes read the same.
import type { MessageCatalog } from './format';

export const REPORT_MESSAGES: MessageCatalog = {
  en: {
    'report.server-name': 'Server {number}',
    'report.configuration': '{model} · {cores} {cores|core|cores}',
    'report.configuration-ghz': '{model} · {cores} {cores|core|cores} · {ghz} GHz',
    'report.model-count': '{count} × {model} ({mtm})',
    'report.alternative': '{servers} × {model} · {cores} {cores|core|cores}',
    'report.alternative-ghz': '{servers} × {model} · {cores} {cores|core|cores} · {ghz} GHz',
    'report.alternative-unplaced-one': '{count} workload not placed',
    'report.alternative-unplaced-other': '{count} {count|workload|workloads} not placed',
    'report.alternative-n1-not-met': 'n+1 not met',
    'report.objective-cost': 'lowest cost over the horizon',
    'report.objective-cores': 'fewest licensed cores',
    'report.objective-servers': 'fewest servers',
    'report.optimality-proven': 'Proven fewest servers for this configuration',
    'report.optimality-proven-why':
      'The exact solver checked every placement on {model} {model|server|servers} with {serverCores} {serverCores|core|cores}: none needs fewer. ' +
      'Across all configurations the proposal licenses {cores} {cores|core|cores}; no design can license fewer than {bound}.',
    'report.optimality-bounded': 'At most {gap} % above the best possible',
    'report.optimality-bounded-why':
      'No design can license fewer than {bound} {bound|core|cores} (a lower bound); this one licenses {cores}. ' +
      'The best design lies between the two.',
    'report.optimality-bounded-servers-why':
      'No design can use fewer than {bound} {bound|server|servers} (a lower bound); this one uses {servers}. ' +
      'The best design lies between the two.',
    'report.optimality-proven-all': 'Proven best possible',
    'report.optimality-proven-all-why':
      'The exact solver checked every configuration and placement: no design does better. It licenses {cores} {cores|core|cores}; ' +
      'the quick lower bound of {bound} cannot be reached.',
    'report.optimality-exact': 'Best possible',
    'report.optimality-exact-why': 'The proposal equals the lower bound: no design can do better under these rules.',
    'report.optimality-exact-partial':
      'Best possible for the {placed} placed {placed|workload|workloads}; {unplaced} not placed',
    'report.optimality-proven-all-partial':
      'Proven best possible for the {placed} placed {placed|workload|workloads}; {unplaced} not placed',
    'report.optimality-proven-partial':
      'Proven fewest servers for this configuration for the {placed} placed {placed|workload|workloads}; {unplaced} not placed',
    'report.optimality-bounded-partial':
      'At most {gap} % above the best possible for the {placed} placed {placed|workload|workloads}; {unplaced} not placed',
    'report.optimality-empty': 'Nothing placed',
    'report.optimality-empty-why': 'No workload could be placed, so there is nothing to compare with a bound.',
    'report.segment-vios': 'VIOS',
    'report.segment-others-one': '{count} smaller partition',
    'report.segment-others-other': '{count} smaller {count|partition|partitions}',
    'report.segment-free': 'free to target',
    'report.segment-reserve': 'reserve above target',
    'report.segment-hypervisor': 'hypervisor',
    'report.symmetric-chosen': 'The proposal is the symmetric design itself.',
    'report.symmetric-label':
      '{servers} × {model} · {cores} {cores|core|cores} (like servers, HA members on like servers)',
    'report.symmetric-label-ghz':
      '{servers} × {model} · {cores} {cores|core|cores} · {ghz} GHz (like servers, HA members on like servers)',
  },
  'zh-CN': {
    'report.server-name': '服务器 {number}',
    'report.configuration': '{model} · {cores} 核',
    'report.configuration-ghz': '{model} · {cores} 核 · {ghz} GHz',
    'report.model-count': '{count} 台 {model}（{mtm}）',
    'report.alternative': '{servers} 台 {model} · {cores} 核',
    'report.alternative-ghz': '{servers} 台 {model} · {cores} 核 · {ghz} GHz',
    'report.alternative-unplaced-one': '{count} 个工作负载未能放置',
    'report.alternative-unplaced-other': '{count} 个工作负载未能放置',
    'report.alternative-n1-not-met': '不满足 n+1 冗余',
    'report.objective-cost': '规划期内成本最低',
    'report.objective-cores': '许可核数最少',
    'report.objective-servers': '服务器数量最少',
    'report.optimality-proven': '已证明：此配置下服务器数量最少',
    'report.optimality-proven-why':
      '精确求解器检查了 {serverCores} 核 {model} 服务器上的所有放置方式，没有一种需要更少的服务器。' +
      '在所有配置中，本方案许可 {cores} 核；任何方案都不可能少于 {bound} 核。',
    'report.optimality-bounded': '与最优方案相差至多 {gap}%',
    'report.optimality-bounded-why':
      '任何方案都不可能少于 {bound} 个许可核（下界）；本方案许可 {cores} 核。最优方案介于两者之间。',
    'report.optimality-bounded-servers-why':
      '任何方案都不可能少于 {bound} 台服务器（下界）；本方案使用 {servers} 台。最优方案介于两者之间。',
    'report.optimality-proven-all': '已证明为最优方案',
    'report.optimality-proven-all-why':
      '精确求解器检查了所有配置和放置方式：没有更好的方案。本方案许可 {cores} 核；快速估算的下界 {bound} 核无法达到。',
    'report.optimality-exact': '已达最优',
    'report.optimality-exact-why': '本方案等于下界：在这些规则下没有更好的方案。',
    'report.optimality-exact-partial': '已放置的 {placed} 个工作负载已达最优；{unplaced} 个未能放置',
    'report.optimality-proven-all-partial': '已放置的 {placed} 个工作负载已证明为最优方案；{unplaced} 个未能放置',
    'report.optimality-proven-partial':
      '已放置的 {placed} 个工作负载：已证明此配置下服务器数量最少；{unplaced} 个未能放置',
    'report.optimality-bounded-partial': '已放置的 {placed} 个工作负载与最优方案相差至多 {gap}%；{unplaced} 个未能放置',
    'report.optimality-empty': '未放置任何工作负载',
    'report.optimality-empty-why': '没有可放置的工作负载，因此无法与下界比较。',
    'report.segment-vios': 'VIOS',
    'report.segment-others-one': '其余 {count} 个较小分区',
    'report.segment-others-other': '其余 {count} 个较小分区',
    'report.segment-free': '目标内可用',
    'report.segment-reserve': '目标以上预留',
    'report.segment-hypervisor': '虚拟机管理程序',
    'report.symmetric-chosen': '本方案即为对称设计。',
    'report.symmetric-label': '{servers} 台 {model} · {cores} 核（同型服务器，高可用成员位于同型服务器上）',
    'report.symmetric-label-ghz':
      '{servers} 台 {model} · {cores} 核 · {ghz} GHz（同型服务器，高可用成员位于同型服务器上）',
  },
};
