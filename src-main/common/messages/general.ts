// Messages shared by every area.
import type { MessageCatalog } from './format';

export const GENERAL_MESSAGES: MessageCatalog = {
  en: {
    'general.unknown': 'unknown',
    'general.field-problem': '{field}: {problem}',
  },
  'zh-CN': {
    'general.unknown': '未知',
    'general.field-problem': '{field}：{problem}',
  },
};
