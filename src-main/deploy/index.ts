// Public surface of the deployable design exports.
export { deploymentFiles, hmcScript, ansiblePlaybook, implementationCsv, lparAttributes, LPAR_INSTANCE_OPTIONS, HMC_COMMAND_OPTIONS } from './hmc';
export type { DeploymentFormat, DesignOptions } from './hmc';
