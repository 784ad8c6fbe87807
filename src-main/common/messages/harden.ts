// Messages of hostile and huge input: the loopback bridge's refusals, database trouble, bounds and imports that
// refuse rather than guess. Each says what is wrong and, where there is one, what to do.
import type { MessageCatalog } from './format';

export const HARDEN_MESSAGES: MessageCatalog = {
  en: {
    'harden.bridge-malformed-path': 'the address is not a valid path',
    'harden.bridge-outside': 'the address points outside the application',
    'harden.bridge-no-page': 'no such page in the application',
    'harden.bridge-wrong-host': 'the request was addressed to another host; open the address the app printed',
    'harden.bridge-bad-token': 'the access token is missing or wrong; open the address the app printed, with its token',
    'harden.bridge-method': 'this address answers {method} requests only',
    'harden.bridge-body-too-large': 'the request is larger than {megabytes} MB',
    'harden.bridge-bad-json': 'the request is not valid JSON ({reason})',
    'harden.bridge-failed': 'the local server failed to answer ({reason})',
    'harden.row-not-a-number': '"{text}" is not a number',
    'harden.row-ambiguous-number':
      '"{text}" reads two ways: {asPoint} in the 1,234.5 number format or {asComma} in the 1.234,5 format;' +
      ' choose the number format',
    'harden.row-percent-not-allowed':
      '"{text}" is a percentage, not a quantity; is the column mapped to the right field?',
    'harden.row-cores-out-of-range':
      '{value} {value|core|cores} is more than the largest Power server has ({largest}); a percentage or a total?',
    'harden.row-utilisation-out-of-range': '"{text}" is not a utilisation between 0 and 100 %',
    'harden.row-unknown-model': '"{text}" is not a server model of the catalog; choose one, or add it as a user model',
    'harden.row-cores-without-utilisation':
      'cores measured on {model} without a utilisation: taken as the cores needed on the new server (give' +
      ' the utilisation to size from the measurement)',
    'harden.row-unknown-os': '"{text}" is not an operating system of Power servers (AIX, IBM i or Linux)',
    'harden.row-no-cpu': 'give rPerf, CPW, cores, or cores with a source model and utilisation',
    'harden.table-binary': '{file} is {kind}; import reads CSV text and .xlsx workbooks',
    'harden.table-encoding': '{file} is written in {encoding}, which import does not read; save it as UTF-8 CSV',
    'harden.table-too-many-rows': 'the table has more than {limit} {limit|row|rows}; split the file',
    'harden.table-too-many-columns': 'row {line} has more than {limit} columns; is this a workload list?',
    'harden.table-too-many-cells': 'the table has more than {limit} cells; split the file',
    'harden.table-unclosed-quote': 'a quoted field opened before line {line} is never closed',
    'harden.table-not-xlsx': '{file} is not a readable XLSX workbook ({reason})',
    'harden.table-xlsx-entries': '{file} holds more than {limit} parts; not a workbook import can read',
    'harden.table-xlsx-bomb':
      '{file}: part {part} expands {ratio} times (the limit is {limit}); refused as a possible zip bomb',
    'harden.table-xlsx-too-large': '{file} expands to {megabytes} MB (the limit is {limit} MB); split the workbook',
    'harden.table-no-rows': '{file} has no rows with data',
    'harden.table-xls': '{file} is an Excel 97-2003 workbook; save it as .xlsx or CSV and import that',
    'harden.table-extension': '{file}: import reads .csv, .txt, .tsv and .xlsx files',
    'harden.table-stopped': 'the spreadsheet import was stopped; nothing was added',
    'harden.table-worker-failed': 'reading the spreadsheet failed ({reason}); the file may be too large or damaged',
    'harden.table-worker-memory': 'reading the spreadsheet needed more than {megabytes} MB of memory; split the file',
    'harden.write-disk-full': 'cannot write {path}: the disk is full; free some space and try again',
    'harden.write-read-only':
      'cannot write {path}: the folder {folder} is read-only or not yours; choose another folder or fix' +
      ' its permissions',
    'harden.write-no-folder': 'cannot write {path}: the folder {folder} does not exist (a removed drive or share?)',
    'harden.write-failed': 'cannot write {path} ({reason})',
    'harden.db-busy':
      'the catalog database {path} is locked by another program, most likely another PowerVM Sizer open on' +
      ' the data folder {folder}; close it (or wait for it to finish) and try again',
    'harden.db-read-only':
      'the data folder {folder} is read-only, so {path} cannot be written; give your account write access' +
      ' or choose another data folder',
    'harden.db-disk-full':
      'the disk holding {folder} is full, so {path} cannot be written; free some space and try again',
    'harden.db-cannot-open':
      'cannot open {path} ({reason}); check that the data folder {folder} exists and is reachable',
    'harden.db-io':
      'the disk reported an error writing {path} ({reason}); check the disk and the free space of {folder}',
    'harden.db-damaged': '{path} is damaged ({reason})',
    'harden.db-failed': 'the catalog database {path} failed ({reason})',
    'harden.db-set-aside':
      'your catalog database was damaged ({reason}); it was kept as {kept} and the app started with an' +
      ' empty user layer (models, figures and prices you entered are in the kept file)',
    'harden.db-bad-record':
      'user model {id} in {path} is damaged and was left out ({reason}); enter it again or delete it',
    'harden.startup-failed-title': 'PowerVM Sizer could not start',
    'harden.startup-failed': '{cause}\n\nThe details are in the log: {log}',
    'harden.startup-failed-no-log': '{cause}\n\nNo log could be written.',
    'harden.instance-running':
      'another PowerVM Sizer (process {pid}) is already using the data folder {folder}; close it first, or' +
      ' start this one with another data folder (POWERVM_SIZER_DATA_DIR)',
  },
  'zh-CN': {
    'harden.bridge-malformed-path': '该地址不是有效的路径',
    'harden.bridge-outside': '该地址指向应用程序之外',
    'harden.bridge-no-page': '应用程序中没有此页面',
    'harden.bridge-wrong-host': '请求发往了其他主机；请打开应用程序输出的地址',
    'harden.bridge-bad-token': '访问令牌缺失或不正确；请打开应用程序输出的带令牌的地址',
    'harden.bridge-method': '此地址只接受 {method} 请求',
    'harden.bridge-body-too-large': '请求超过 {megabytes} MB',
    'harden.bridge-bad-json': '请求不是有效的 JSON（{reason}）',
    'harden.bridge-failed': '本地服务器未能应答（{reason}）',
    'harden.row-not-a-number': '"{text}" 不是数字',
    'harden.row-ambiguous-number':
      '"{text}" 有两种读法：按 1,234.5 格式为 {asPoint}，按 1.234,5 格式为 {asComma}；请选择数字格式',
    'harden.row-percent-not-allowed': '"{text}" 是百分比而不是数量；该列是否映射到了正确的字段？',
    'harden.row-cores-out-of-range': '{value} 个核超过了最大的 Power 服务器的核数（{largest}）；这是百分比还是合计？',
    'harden.row-utilisation-out-of-range': '"{text}" 不是 0 到 100% 之间的利用率',
    'harden.row-unknown-model': '"{text}" 不是目录中的服务器型号；请选择一个型号，或将其添加为用户型号',
    'harden.row-cores-without-utilisation':
      '在 {model} 上测得的核数没有利用率：按新服务器所需的核数计算（填写利用率即可按实测数据规划）',
    'harden.row-unknown-os': '"{text}" 不是 Power 服务器的操作系统（AIX、IBM i 或 Linux）',
    'harden.row-no-cpu': '请填写 rPerf、CPW、核数，或核数加源型号和利用率',
    'harden.table-binary': '{file} 是{kind}；导入只读取 CSV 文本和 .xlsx 工作簿',
    'harden.table-encoding': '{file} 使用 {encoding} 编码，导入无法读取；请另存为 UTF-8 CSV',
    'harden.table-too-many-rows': '表格超过 {limit} 行；请拆分文件',
    'harden.table-too-many-columns': '第 {line} 行超过 {limit} 列；这是工作负载列表吗？',
    'harden.table-too-many-cells': '表格超过 {limit} 个单元格；请拆分文件',
    'harden.table-unclosed-quote': '第 {line} 行之前开始的带引号字段没有结束',
    'harden.table-not-xlsx': '{file} 不是可读取的 XLSX 工作簿（{reason}）',
    'harden.table-xlsx-entries': '{file} 包含超过 {limit} 个部件；不是导入可以读取的工作簿',
    'harden.table-xlsx-bomb': '{file}：部件 {part} 解压后膨胀 {ratio} 倍（上限为 {limit} 倍）；疑似压缩炸弹，已拒绝',
    'harden.table-xlsx-too-large': '{file} 解压后为 {megabytes} MB（上限为 {limit} MB）；请拆分工作簿',
    'harden.table-no-rows': '{file} 没有含数据的行',
    'harden.table-xls': '{file} 是 Excel 97-2003 工作簿；请另存为 .xlsx 或 CSV 后再导入',
    'harden.table-extension': '{file}：导入只读取 .csv、.txt、.tsv 和 .xlsx 文件',
    'harden.table-stopped': '电子表格导入已停止；未添加任何内容',
    'harden.table-worker-failed': '读取电子表格失败（{reason}）；文件可能过大或已损坏',
    'harden.table-worker-memory': '读取电子表格需要超过 {megabytes} MB 内存；请拆分文件',
    'harden.write-disk-full': '无法写入 {path}：磁盘已满；请释放一些空间后重试',
    'harden.write-read-only': '无法写入 {path}：文件夹 {folder} 为只读或不属于您；请选择其他文件夹或修改其权限',
    'harden.write-no-folder': '无法写入 {path}：文件夹 {folder} 不存在（驱动器或共享已移除？）',
    'harden.write-failed': '无法写入 {path}（{reason}）',
    'harden.db-busy':
      '目录数据库 {path} 被其他程序锁定，很可能是在数据文件夹 {folder} 上打开的另一个 PowerVM Sizer；请关闭它（或等待其完成）后重试',
    'harden.db-read-only': '数据文件夹 {folder} 为只读，无法写入 {path}；请为您的账户授予写权限，或选择其他数据文件夹',
    'harden.db-disk-full': '{folder} 所在的磁盘已满，无法写入 {path}；请释放一些空间后重试',
    'harden.db-cannot-open': '无法打开 {path}（{reason}）；请检查数据文件夹 {folder} 是否存在且可访问',
    'harden.db-io': '写入 {path} 时磁盘报告错误（{reason}）；请检查磁盘及 {folder} 的可用空间',
    'harden.db-damaged': '{path} 已损坏（{reason}）',
    'harden.db-failed': '目录数据库 {path} 出错（{reason}）',
    'harden.db-set-aside':
      '您的目录数据库已损坏（{reason}）；已将其保留为 {kept}，应用程序以空的用户层启动（您输入的型号、数值和价格保存在保留的文件中）',
    'harden.db-bad-record': '{path} 中的用户型号 {id} 已损坏，已被略过（{reason}）；请重新输入或将其删除',
    'harden.startup-failed-title': 'PowerVM Sizer 无法启动',
    'harden.startup-failed': '{cause}\n\n详细信息见日志：{log}',
    'harden.startup-failed-no-log': '{cause}\n\n无法写入日志。',
    'harden.instance-running':
      '另一个 PowerVM Sizer（进程 {pid}）正在使用数据文件夹 {folder}；请先关闭它，或为本实例指定其他数据文件夹（POWERVM_SIZER_DATA_DIR）',
  },
};
