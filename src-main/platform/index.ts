// Storage and platform: the SQLite catalog store, plan files and the workspace, atomic writes, paths, printing.
export { openCatalog, SHIPPED_DB_FILE, USER_DB_FILE } from './catalog-store/store';
export type { OpenCatalogOptions } from './catalog-store/store';
export { USER_MIGRATIONS, LATEST_USER_VERSION, migrate } from './catalog-store/migrations';
export { readShippedCatalog, shippedCatalogPath } from './catalog-store/shipped';
export { readPlanFile, writePlanFile } from './plan-files';
export { PlanWorkspace } from './workspace';
export { writeFileAtomic } from './atomic-file';
export { chromiumPrinter, chromiumExecutable, CHROMIUM_FLAGS } from './chromium-printer';
export { defaultUserDataDir, sourceResourcesDir, PRODUCT_NAME } from './paths';
