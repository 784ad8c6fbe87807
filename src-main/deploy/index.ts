// Public surface of the deployable design: the model, its three renderings and the implementation checklist.
import { type Language, type Message, formatMessage, msg } from '../common';
import type { PlanFile } from '../plan';
import { safeFileName } from '../common';
import type { Solution } from '../solver';
import { implementationChecklist } from './checklist';
import { buildDesign } from './design';
import type { DesignOptionsInput } from './options';
import { renderAnsiblePlaybook } from './render-ansible';
import { renderDesignCsv } from './render-csv';
import { renderHmcScript } from './render-hmc';

export {
  buildDesign,
  CLIENT_SLOTS,
  CLIENT_MAX_VIRTUAL_SLOTS,
  PROFILE_NAME,
  VIOS_DEFAULT_MAX_VIRTUAL_SLOTS,
} from './design';
export type { Design, DesignServer, DesignPartition, VirtualAdapter, NameMapping } from './design';
export { DesignOptions } from './options';
export type { DesignOptionsInput } from './options';
export { implementationChecklist } from './checklist';
export { renderHmcScript } from './render-hmc';
export { renderAnsiblePlaybook, virtualNetworkName } from './render-ansible';
export { renderDesignCsv } from './render-csv';
export { shellQuote, csvCell, commentText, hmcSafe, HMC_SAFE_NAME } from './encode';

/** The implementation checklist of a solution's design, as messages: for the report's appendix. */
export function designChecklist(solution: Solution, plan: PlanFile, options: DesignOptionsInput = {}): Message[] {
  return implementationChecklist(buildDesign(solution, plan, options));
}

/** A design CSV is named by its server and, when the user gave one, its managed system. */
const csvName = (serverId: string, system: string) => (system === serverId ? serverId : `${serverId}-${system}`);

export const DEPLOYMENT_FORMATS = ['hmc-script', 'ansible', 'design-csv'] as const;
export type DeploymentFormat = (typeof DEPLOYMENT_FORMATS)[number];

export interface DeploymentFile {
  fileName: string;
  content: string;
}

/**
 * The files of one deployment export: the script or the playbook (each with the checklist in its header), or one
 * design CSV per server with the checklist as a text file beside them.
 */
export function deploymentFiles(
  solution: Solution,
  plan: PlanFile,
  format: DeploymentFormat,
  baseName: string,
  options: DesignOptionsInput = {},
  language: Language = 'en',
): DeploymentFile[] {
  const design = buildDesign(solution, plan, options);
  const base = safeFileName(baseName, 'design');
  if (format === 'hmc-script') return [{ fileName: `${base}-hmc.sh`, content: renderHmcScript(design, language) }];
  if (format === 'ansible') {
    return [{ fileName: `${base}-ansible.yml`, content: renderAnsiblePlaybook(design, language) }];
  }
  const csvs = design.servers.map((server) => ({
    fileName: `${base}-${safeFileName(csvName(server.serverId, server.systemName), server.serverId)}.csv`,
    content: renderDesignCsv(design, server, language),
  }));
  const checklist = implementationChecklist(design).map((item) => `- ${formatMessage(item, language)}`);
  const title = `# ${formatMessage(msg('deploy.checklist-title'), language)}`;
  return [...csvs, { fileName: `${base}-checklist.txt`, content: `${[title, ...checklist].join('\n')}\n` }];
}
