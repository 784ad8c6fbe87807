// Composition root: builds the domain services and the one handler table that every transport serves.
import { openCatalog } from '../catalog';
import type { Handlers } from '../ipc/contract';
import { createHandlers } from '../ipc/handlers';
import { createSolverRunner } from '../solver';

export interface AppServiceOptions {
  userDataDir: string;
  resourcesDir: string;
  appVersion: string;
  transport: 'electron' | 'browser';
}

export interface AppServices {
  handlers: Handlers;
  close(): Promise<void>;
}

export async function createAppServices(options: AppServiceOptions): Promise<AppServices> {
  const catalog = await openCatalog({ resourcesDir: options.resourcesDir, userDataDir: options.userDataDir });
  const solver = createSolverRunner();
  const handlers = createHandlers({ catalog, solver, ...options });
  return {
    handlers,
    async close() {
      await solver.close();
      await catalog.close();
    },
  };
}
