// The catalog as the rest of the app sees it: domain types in, domain types out. The SQLite details stay inside.
import type { ModelQuery } from '../ipc/contract';
import type { CatalogSnapshot, Edition, FeatureInfo, Generation, PriceEntry, ServerModel, ViosMinimum } from './schema';

export interface CatalogInfo {
  /** Version of the shipped catalog data (resources/catalog). */
  catalogVersion: string;
  shippedModels: number;
  userModels: number;
  userOverrides: number;
  shippedDatabasePath: string;
  userDatabasePath: string;
}

export interface CatalogService {
  info(): Promise<CatalogInfo>;
  /** Shipped and user models merged, user-entered figures marked as such. */
  listModels(query?: ModelQuery): Promise<ServerModel[]>;
  getModel(id: string): Promise<ServerModel | null>;
  listEditions(generation?: Generation): Promise<Edition[]>;
  listFeatures(): Promise<FeatureInfo[]>;
  listViosMinimums(): Promise<ViosMinimum[]>;
  listPrices(): Promise<PriceEntry[]>;
  /** Everything the solver needs, as plain data for a worker thread. */
  snapshot(): Promise<CatalogSnapshot>;
  close(): Promise<void>;
}
