// Public surface of the catalog. (SQLite store, migrations, seed loading and the user layer sit behind it.)
import type { CatalogService } from './service';

export * from './schema';
export type { CatalogService, CatalogInfo } from './service';

export interface OpenCatalogOptions {
  /** Folder holding catalog/ (the shipped JSON seed data). */
  resourcesDir: string;
  /** Folder for the SQLite files (the user data folder). */
  userDataDir: string;
}

export declare function openCatalog(options: OpenCatalogOptions): Promise<CatalogService>;
