// Public surface of the catalog: the domain types, the shipped data file and the SQLite-backed service.
export * from './schema';
export type { CatalogService, CatalogInfo } from './service';
export { openCatalog, SHIPPED_DB_FILE, USER_DB_FILE } from './store';
export type { OpenCatalogOptions } from './store';
export { readShippedCatalog, snapshotOf, ShippedCatalog, configurationId, modelIdFor } from './seed';
export { USER_MIGRATIONS, LATEST_USER_VERSION, migrate } from './migrations';
