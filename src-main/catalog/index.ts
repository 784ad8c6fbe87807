// Public surface of the catalog domain: its schemas and types, the shipped file's format, the service interface.
// The SQLite store that implements the service lives in platform/catalog-store.
export * from './schema';
export type { CatalogService, CatalogInfo } from './service';
export { snapshotOf, ShippedCatalog, configurationId, modelIdFor } from './seed';
