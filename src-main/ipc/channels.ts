// The channel names alone, without zod, so the sandboxed preload stays a small self-contained script.
// contract.ts fails to type-check if this list and the contract disagree.
export const CHANNELS = [
  'app.info',
  'catalog.models',
  'catalog.model',
  'catalog.editions',
  'catalog.viosMinimums',
  'catalog.prices',
  'catalog.snapshot',
  'catalog.info',
  'catalog.setOverride',
  'catalog.removeOverride',
  'catalog.saveUserModel',
  'catalog.deleteUserModel',
  'catalog.setPrice',
  'catalog.deletePrice',
  'catalog.exportUserData',
  'catalog.importUserData',
  'plan.validate',
  'plan.open',
  'plan.save',
  'plan.parse',
  'plan.serialize',
  'plan.recent',
  'plan.autosave',
  'plan.recovery',
  'plan.discardRecovery',
  'plan.importTable',
  'report.export',
  'import.measurements',
  'solver.solve',
  'solver.cancel',
  'editions.compare',
] as const;
export type ChannelName = (typeof CHANNELS)[number];
export const IPC_PREFIX = 'powervm-sizer:';
export const EVENT_CHANNEL = 'powervm-sizer:event';
