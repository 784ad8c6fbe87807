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
  },
};
