// The handler table: plain async functions over the domain services, testable without Electron.
import type { CatalogService } from '../catalog/service';
import { validatePlan } from '../plan';
import type { SolverRunner } from '../solver';
import { AppError } from './envelope';
import type { Handlers } from './contract';

export interface HandlerDependencies {
  catalog: CatalogService;
  solver: SolverRunner;
  userDataDir: string;
  appVersion: string;
  transport: 'electron' | 'browser';
}

export function createHandlers(deps: HandlerDependencies): Handlers {
  const { catalog, solver } = deps;
  return {
    'app.info': async () => ({
      appVersion: deps.appVersion,
      catalogVersion: (await catalog.info()).catalogVersion,
      transport: deps.transport,
      userDataDir: deps.userDataDir,
    }),
    'catalog.models': (query) => catalog.listModels(query),
    'catalog.model': async ({ id }) => {
      const model = await catalog.getModel(id);
      if (!model) throw new AppError('not-found', `no model "${id}" in the catalog`, 'id');
      return model;
    },
    'catalog.editions': async ({ generation }) => ({
      editions: await catalog.listEditions(generation),
      features: await catalog.listFeatures(),
    }),
    'catalog.viosMinimums': () => catalog.listViosMinimums(),
    'catalog.prices': () => catalog.listPrices(),
    'catalog.snapshot': () => catalog.snapshot(),
    'plan.validate': async ({ plan }) => validatePlan(plan),
    'solver.solve': async ({ jobId, plan }, context) =>
      solver.solve(plan, await catalog.snapshot(), {
        jobId,
        onProgress: (fraction, message) => context.emit({ type: 'solver.progress', jobId, fraction, message }),
      }),
    'solver.cancel': async ({ jobId }) => ({ cancelled: solver.cancel(jobId) }),
  };
}
