// Messages of the plan workspace: the autosaved draft offered back after a crash.
import type { MessageCatalog } from './format';

export const WORKSPACE_MESSAGES: MessageCatalog = {
  en: {
    'workspace.draft-unreadable':
      'The autosaved draft could not be read ({reason}); it was set aside and nothing was recovered.',
    'workspace.draft-not-json':
      'The autosaved draft is damaged (not valid JSON: {reason}); it was set aside and nothing was recovered.',
    'workspace.draft-invalid':
      'The autosaved draft is damaged ({problem}); it was set aside and nothing was recovered.',
    'workspace.draft-invalid-more':
      'The autosaved draft is damaged ({problem}; and {more} more problems); it was set aside and nothing was recovered.',
  },
  'zh-CN': {
    'workspace.draft-unreadable': '无法读取自动保存的草稿（{reason}）；该文件已移至一旁，未恢复任何内容。',
    'workspace.draft-not-json': '自动保存的草稿已损坏（不是有效的 JSON：{reason}）；该文件已移至一旁，未恢复任何内容。',
    'workspace.draft-invalid': '自动保存的草稿已损坏（{problem}）；该文件已移至一旁，未恢复任何内容。',
    'workspace.draft-invalid-more':
      '自动保存的草稿已损坏（{problem}；另有 {more} 个问题）；该文件已移至一旁，未恢复任何内容。',
  },
};
