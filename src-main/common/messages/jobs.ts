// Messages of the use cases' jobs: a job id used twice, a cancelled or crashed worker, an autosaved draft.
import type { MessageCatalog } from './format';

export const JOBS_MESSAGES: MessageCatalog = {
  en: {
    'jobs.already-running': 'a job with id {jobId} is already running; wait for it or cancel it first',
    'jobs.solve-cancelled': 'the solve was cancelled',
    'jobs.app-closing': 'the application is closing',
    'jobs.solver-stopped': 'the solver stopped unexpectedly ({reason}); try again, and report it if it happens again',
  },
  'zh-CN': {
    'jobs.already-running': 'ID 为 {jobId} 的任务正在运行；请等待其完成或先取消它',
    'jobs.solve-cancelled': '求解已取消',
    'jobs.app-closing': '应用程序正在关闭',
    'jobs.solver-stopped': '求解器意外停止（{reason}）；请重试，如再次发生请报告此问题',
  },
};
