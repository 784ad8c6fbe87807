// Messages of the measurement import (files, zip archives, nmon, HMC and CSV exports, the per-LPAR preview).
// Every code has the same placeholders in both languages.
export const IMPORT_MESSAGES = {
  en: {
    'import.cancelled': 'the import was stopped; nothing was added to the plan',
    'import.no-such-path': '{path}: no such file or folder',
    'import.unreadable': 'could not be read: {error}',
    'import.binary': 'a binary file, not a text measurement file (nmon, HMC or CSV)',
    'import.binary-kind': 'a {kind} file, not a measurement file: unpack or export it first',
    'import.gzip-damaged': 'a damaged gzip file: it could not be unpacked',
    'import.too-large':
      'the file has {sizeGiB} GiB; the limit is {limitGiB} GiB per file: split the collection into days',
    'import.too-large-unpacked': 'the file unpacks to more than {limitGiB} GiB (the limit per file): not read',
    'import.unknown-kind':
      'not an nmon file, an nsum summary, an HMC lslparutil export or a time/LPAR/cores CSV (first line: "{first}")',
    'import.not-nmon': 'not an nmon file (no AAA header lines in {lines} {lines|line|lines})',
    'import.not-power-x86':
      'nmon of {host}, an x86 system ({cpu}), not a Power partition: it cannot be sized as an LPAR',
    'import.not-power-other':
      'nmon of {host}, a {platform} system, not a Power partition: it cannot be sized as an LPAR',
    'import.no-core-count':
      '{samples} CPU_ALL samples, but the file gives neither the cores of this dedicated LPAR nor its SMT mode (lparstat -i, lsattr, BBBL or lparcfg): collect with nmon -L or enter the LPAR by hand',
    'import.no-cpu-samples': 'no processor samples (neither LPAR nor CPU_ALL lines)',
    'import.header-only':
      'only the configuration header of an nmon collection ({lines} {lines|line|lines} of AAA and BBB, no snapshots): its samples were written to another file (nmon -F to a pipe, as TA-nmon collects): import that file with it',
    'import.no-times': '{samples} processor samples but no ZZZZ time lines: the file was cut before its times',
    'import.cores-from': 'cores used = busy share x {cores} {cores|core|cores} ({source})',
    'import.powerkvm-guest':
      '{host} is a PowerKVM guest (lparcfg: emulated by qemu), not a PowerVM partition: its CPUs are threads of the KVM host, so the cores used are an estimate from its CPU busy share',
    'import.cores-from-smt':
      'cores used = busy share x {cores} {cores|core|cores} ({logical} logical CPUs / SMT {smt})',
    'import.mem-total-implausible':
      'MEM says {measuredMB} MB of real memory, more than twice the {statedMB} MB the partition is configured with ({source}): the configured memory is used and the MEM figures are left out',
    'import.lost-no-time': '{samples} {samples|sample|samples} without a ZZZZ time line were left out',
    'import.lost-duplicate-times': '{samples} {samples|sample|samples} repeated a time already read and were left out',
    'import.lost-damaged-lines': '{lines} damaged lines skipped ({sections}; first at line {first})',
    'import.lost-rows': '{rows} {rows|row|rows} could not be read and were skipped (first at line {first})',
    'import.lost-overlong': '{lines} {lines|line|lines} longer than {limitKiB} KiB skipped',
    'import.lost-nul': '{lines} {lines|line|lines} holding NUL bytes skipped',
    'import.lost-snapshots': '{present} of the {expected} snapshots the collection announced are present',
    'import.lost-cut-end': 'the file ends in the middle of a line (cut while being written)',
    'import.csv-no-header': 'the first row holds data, not column names ("{first}"): export with a header row',
    'import.hmc-no-header':
      'HMC lslparutil -F output without its header row: export again with --header, e.g. lslparutil -r lpar -m SYSTEM -F time,lpar_name,lpar_id,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_procs,curr_mem,curr_proc_mode --header',
    'import.hmc-no-counters':
      'no lslparutil samples with time, lpar_name, capped_cycles and time_cycles: export with lslparutil -r lpar (default output) or with -F time,lpar_name,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_mem --header',
    'import.hmc-one-sample':
      'only one lslparutil sample of {lpar}: the cores used are the change of its cycle counters between two samples: export more samples (lslparutil -r lpar -m SYSTEM -d DAYS, or -n with more events)',
    'import.nsum-no-rows': 'no LPAR rows with a name and max, p95 or average cores used',
    'import.generic-no-rows': 'no rows with a time, an LPAR and cores used (columns: {columns})',
    'import.dates-ambiguous':
      'every date could be read day-first or month-first: read as {order}; check the period shown',
    'import.zip-too-many': 'the archive holds {entries} {entries|file|files}; the limit is {limit}: split it',
    'import.zip-unsafe-name': 'refused: the entry name climbs out of its folder (../ or an absolute path)',
    'import.zip-bomb': 'refused: the entry expands {ratio} times (more than {limit}), as a zip bomb does',
    'import.zip-entry-too-large': 'refused: the entry unpacks to {sizeGiB} GiB; {limitGiB} GiB is allowed',
    'import.zip-unreadable': 'not a readable zip archive ({error})',
    'import.samples-capped': 'only the latest {kept} {kept|sample|samples} are kept ({dropped} older ones left out)',
    'import.basis-fallback': 'the file has no {basis}; used the next higher statistic it has',
    'import.coverage': '{percent} % of the expected {expected} {expected|sample|samples} present',
    'import.gaps': '{count} gaps in the collection, the longest {longestMinutes} minutes',
    'import.less-than-a-day': 'only {hours} hours measured (less than a day)',
    'import.days-short': '{days} {days|day|days} measured (a week or more covers the weekly cycle)',
    'import.days-covered': '{days} {days|day|days} measured',
    'import.summary-only': 'summary statistics only; the period is not known',
    'import.no-samples': 'no processor samples',
    'import.no-basis': 'no {basis} of cores used in the files',
    'import.no-source-model': 'the files do not say which server they ran on: choose the source model (--source-model)',
    'import.model-not-in-catalog':
      'source model {model} is not in the catalog: choose another model of that generation (--source-model) or add {model} as a user model',
    'import.model-not-in-catalog-generation':
      'source model {model} ({generation}, as the file says) is not in the catalog: choose another {generation} model (--source-model) or add {model} as a user model',
    'import.model-overridden': 'source model {chosen} chosen by the user (the file says {file})',
    'import.no-memory-configured':
      'the files give no configured memory size: choose the measured memory basis or enter the memory',
    'import.no-memory-measured': 'the files give no memory in use: choose the configured memory basis',
    'import.cli-header':
      'LPAR,files,period,days,gaps,samples,{basis} {basis|core|cores},memory GiB (basis),confidence,result',
    'import.cli-summary':
      '{workloads} {workloads|workload|workloads} from {lpars} {lpars|LPAR|LPARs} in {files} {files|file|files}, {megabytes} MB ({rate} MB/s); {damaged} damaged files',
    'import.cli-file': '  {file}: {samples} {samples|sample|samples}, {from} to {to}',
    'import.cli-lost': '    lost: {what}',
    'import.cli-merged':
      '    {duplicates} duplicate and {overlaps} overlapping samples dropped (another file had them)',
    'import.cli-damaged': 'DAMAGED {file}: {reason}',
    'import.cli-choices': '    choose one of: {models}',
    'import.cli-nothing': 'nothing to import: no LPAR could be turned into a workload',
    'import.cli-wrote': 'wrote {file}',
    'import.job-gone': 'this import was stopped or has finished: start it again',
    'import.job-read': 'this import has been read already: change its choices without sending the files again',
    'import.job-not-read': 'this import has not been read yet',
    'import.no-files': 'no files were sent for this import',
    'import.file-renamed': 'file {index} was started as "{name}"',
  },
  'zh-CN': {
    'import.cancelled': '导入已停止，计划中未添加任何内容',
    'import.no-such-path': '{path}：没有这个文件或文件夹',
    'import.unreadable': '无法读取：{error}',
    'import.binary': '这是二进制文件，不是文本格式的测量文件（nmon、HMC 或 CSV）',
    'import.binary-kind': '这是 {kind} 文件，不是测量文件：请先解压或导出',
    'import.gzip-damaged': 'gzip 文件已损坏，无法解压',
    'import.too-large': '文件大小为 {sizeGiB} GiB，每个文件的上限是 {limitGiB} GiB：请按天拆分采集文件',
    'import.too-large-unpacked': '文件解压后超过 {limitGiB} GiB（单个文件的上限），未读取',
    'import.unknown-kind': '不是 nmon 文件、nsum 汇总、HMC lslparutil 导出或“时间/LPAR/核数”CSV（第一行：“{first}”）',
    'import.not-nmon': '不是 nmon 文件（前 {lines} 行中没有 AAA 头部行）',
    'import.not-power-x86': '这是 {host} 的 nmon，来自 x86 系统（{cpu}），不是 Power 分区：无法作为 LPAR 进行规划',
    'import.not-power-other': '这是 {host} 的 nmon，来自 {platform} 系统，不是 Power 分区：无法作为 LPAR 进行规划',
    'import.no-core-count':
      '有 {samples} 个 CPU_ALL 样本，但文件既未给出该专用 LPAR 的核数，也未给出其 SMT 模式（lparstat -i、lsattr、BBBL 或 lparcfg）：请用 nmon -L 重新采集，或手动录入该 LPAR',
    'import.no-cpu-samples': '没有处理器样本（既没有 LPAR 行，也没有 CPU_ALL 行）',
    'import.header-only':
      '这只是 nmon 采集的配置头部（{lines} 行 AAA 和 BBB，没有快照）：其样本写在另一个文件中（用 nmon -F 写入管道，TA-nmon 即如此采集）：请把那个文件一起导入',
    'import.no-times': '有 {samples} 个处理器样本，但没有 ZZZZ 时间行：文件在写入时间之前被截断',
    'import.cores-from': '已用核数 = 繁忙比例 × {cores} 个核（{source}）',
    'import.powerkvm-guest':
      '{host} 是 PowerKVM 虚拟机（lparcfg：由 qemu 模拟），不是 PowerVM 分区：其 CPU 是 KVM 主机的线程，因此已用核数是根据其 CPU 繁忙比例估算的',
    'import.cores-from-smt': '已用核数 = 繁忙比例 × {cores} 个核（{logical} 个逻辑 CPU / SMT {smt}）',
    'import.mem-total-implausible':
      'MEM 行显示实际内存为 {measuredMB} MB，超过分区配置内存 {statedMB} MB（{source}）的两倍：采用配置的内存，MEM 行的数据不予采用',
    'import.lost-no-time': '{samples} 个样本没有 ZZZZ 时间行，已略去',
    'import.lost-duplicate-times': '{samples} 个样本的时间与已读样本重复，已略去',
    'import.lost-damaged-lines': '跳过了 {lines} 行损坏的数据（{sections}；第一处在第 {first} 行）',
    'import.lost-rows': '{rows} 行无法读取，已跳过（第一处在第 {first} 行）',
    'import.lost-overlong': '跳过了 {lines} 行超过 {limitKiB} KiB 的超长行',
    'import.lost-nul': '跳过了 {lines} 行含有 NUL 字节的数据',
    'import.lost-snapshots': '采集声明的 {expected} 个快照中只有 {present} 个',
    'import.lost-cut-end': '文件在一行的中间结束（写入时被截断）',
    'import.csv-no-header': '第一行是数据而不是列名（“{first}”）：请导出时包含标题行',
    'import.hmc-no-header':
      '这是缺少标题行的 HMC lslparutil -F 输出：请加上 --header 重新导出，例如 lslparutil -r lpar -m SYSTEM -F time,lpar_name,lpar_id,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_procs,curr_mem,curr_proc_mode --header',
    'import.hmc-no-counters':
      '没有包含 time、lpar_name、capped_cycles 和 time_cycles 的 lslparutil 样本：请用 lslparutil -r lpar（默认输出）导出，或用 -F time,lpar_name,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_mem --header 导出',
    'import.hmc-one-sample':
      '{lpar} 只有一个 lslparutil 样本：已用核数来自两个样本之间周期计数器的变化：请导出更多样本（lslparutil -r lpar -m SYSTEM -d 天数，或用 -n 指定更多事件）',
    'import.nsum-no-rows': '没有同时包含名称以及最大值、p95 或平均已用核数的 LPAR 行',
    'import.generic-no-rows': '没有同时包含时间、LPAR 和已用核数的行（列：{columns}）',
    'import.dates-ambiguous': '所有日期既可按“日在前”也可按“月在前”理解：已按 {order} 读取，请核对显示的时间段',
    'import.zip-too-many': '压缩包中有 {entries} 个文件，上限为 {limit}：请拆分',
    'import.zip-unsafe-name': '已拒绝：条目名称会跳出其所在文件夹（../ 或绝对路径）',
    'import.zip-bomb': '已拒绝：该条目会膨胀 {ratio} 倍（超过 {limit} 倍），与压缩炸弹的特征相同',
    'import.zip-entry-too-large': '已拒绝：该条目解压后为 {sizeGiB} GiB，允许的上限为 {limitGiB} GiB',
    'import.zip-unreadable': '不是可读取的 zip 压缩包（{error}）',
    'import.samples-capped': '只保留最近的 {kept} 个样本（略去了较早的 {dropped} 个）',
    'import.basis-fallback': '文件中没有 {basis}；改用文件中更高一级的统计值',
    'import.coverage': '预期 {expected} 个样本，实际只有 {percent}%',
    'import.gaps': '采集中有 {count} 处间断，最长 {longestMinutes} 分钟',
    'import.less-than-a-day': '只测量了 {hours} 小时（不足一天）',
    'import.days-short': '测量了 {days} 天（一周或更长才能覆盖每周的周期）',
    'import.days-covered': '测量了 {days} 天',
    'import.summary-only': '只有汇总统计值，测量时间段未知',
    'import.no-samples': '没有处理器样本',
    'import.no-basis': '文件中没有已用核数的 {basis}',
    'import.no-source-model': '文件未说明其运行在哪台服务器上：请选择源机型（--source-model）',
    'import.model-not-in-catalog':
      '源机型 {model} 不在目录中：请选择同一代的其他机型（--source-model），或将 {model} 添加为用户机型',
    'import.model-not-in-catalog-generation':
      '源机型 {model}（文件中的处理器为 {generation}）不在目录中：请选择其他 {generation} 机型（--source-model），或将 {model} 添加为用户机型',
    'import.model-overridden': '源机型 {chosen} 由用户选定（文件中为 {file}）',
    'import.no-memory-configured': '文件没有给出配置的内存大小：请选择按实测内存，或手动输入内存',
    'import.no-memory-measured': '文件没有给出内存使用量：请选择按配置内存',
    'import.cli-header': 'LPAR,文件数,时间段,天数,间断,样本数,{basis} 核数,内存 GiB（依据）,可信度,结果',
    'import.cli-summary':
      '从 {files} 个文件（{megabytes} MB，{rate} MB/s）中的 {lpars} 个 LPAR 得到 {workloads} 个工作负载；{damaged} 个文件已损坏',
    'import.cli-file': '  {file}：{samples} 个样本，{from} 至 {to}',
    'import.cli-lost': '    丢失：{what}',
    'import.cli-merged': '    丢弃了 {duplicates} 个重复样本和 {overlaps} 个重叠样本（其他文件中已有）',
    'import.cli-damaged': '已损坏 {file}：{reason}',
    'import.cli-choices': '    可选机型：{models}',
    'import.cli-nothing': '无可导入内容：没有任何 LPAR 能转换为工作负载',
    'import.cli-wrote': '已写入 {file}',
    'import.job-gone': '此导入已停止或已完成：请重新开始',
    'import.job-read': '此导入的文件已读取：无需重新发送文件即可更改选项',
    'import.job-not-read': '此导入的文件尚未读取',
    'import.no-files': '此导入没有收到任何文件',
    'import.file-renamed': '第 {index} 个文件开始时名为“{name}”',
  },
} as const satisfies Record<'en' | 'zh-CN', Record<string, string>>;

export type ImportMessageCode = keyof (typeof IMPORT_MESSAGES)['en'];

// Both languages carry every code (a missing translation fails the type check here).
const chineseHasEveryCode: Record<ImportMessageCode, string> = IMPORT_MESSAGES['zh-CN'];
void chineseHasEveryCode;
