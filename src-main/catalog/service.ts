// The catalog as the rest of the app sees it: domain types in, domain types out. The SQLite details stay inside.
import type {
  ModelQuery,
  CatalogSnapshot,
  Edition,
  FeatureInfo,
  FigureOverride,
  Generation,
  PriceEntry,
  ServerModel,
  UserCatalogFile,
  ViosMinimum,
} from './schema';

export interface CatalogInfo {
  /** Version of the shipped catalog data (resources/catalog). */
  catalogVersion: string;
  shippedModels: number;
  userModels: number;
  userOverrides: number;
  prices: number;
  shippedDatabasePath: string;
  userDatabasePath: string;
  /** Per generation: whether its editions are published, inferred or unknown, and why. */
  generationNotes: Partial<Record<Generation, { status: 'published' | 'inferred' | 'unknown'; note: string | null }>>;
  /** What the user must be told: a damaged database set aside, damaged records left out. */
  notices: string[];
}

export interface CatalogService {
  info(): Promise<CatalogInfo>;
  /** The notices gathered so far (see CatalogInfo.notices), without a database round trip. */
  notices(): string[];
  /** Shipped and user models merged, user-entered figures marked as such. */
  listModels(query?: ModelQuery): Promise<ServerModel[]>;
  getModel(id: string): Promise<ServerModel | null>;
  listEditions(generation?: Generation): Promise<Edition[]>;
  listFeatures(): Promise<FeatureInfo[]>;
  listViosMinimums(): Promise<ViosMinimum[]>;
  listPrices(): Promise<PriceEntry[]>;
  /** Everything the solver needs, as plain data for a worker thread. */
  snapshot(): Promise<CatalogSnapshot>;

  setOverride(override: Omit<FigureOverride, 'enteredAt'>): Promise<ServerModel>;
  removeOverride(key: Pick<FigureOverride, 'modelId' | 'configurationId' | 'field'>): Promise<ServerModel>;
  saveUserModel(model: ServerModel): Promise<ServerModel>;
  deleteUserModel(id: string): Promise<void>;
  setPrice(price: PriceEntry): Promise<PriceEntry[]>;
  deletePrice(key: Pick<PriceEntry, 'generation' | 'edition'>): Promise<PriceEntry[]>;
  exportUserData(): Promise<UserCatalogFile>;
  /** All or nothing: a bad record names itself and its field, and nothing is imported. */
  importUserData(file: unknown): Promise<{ overrides: number; userModels: number; prices: number }>;
  close(): Promise<void>;
}
