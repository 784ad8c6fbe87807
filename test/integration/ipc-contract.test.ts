import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/ipc/services';
import { CHANNELS, type Channel, contract, dispatch } from '../../src-main/ipc';
import { resourcesDir, tempDir } from '../support/temp';

const noEvents = { emit: () => undefined };

/** For every channel, one malformed input and the field its rejection must name. */
const malformed: Record<Channel, { input: unknown; names: string }> = {
  'app.info': { input: { verbose: true }, names: 'verbose' },
  'catalog.models': { input: { generation: 'POWER12' }, names: 'generation' },
  'catalog.model': { input: { id: 42 }, names: 'id' },
  'catalog.editions': { input: { generation: 'Power10' }, names: 'generation' },
  'catalog.viosMinimums': { input: { version: '4.1' }, names: 'version' },
  'catalog.prices': { input: { currency: 'EUR' }, names: 'currency' },
  'catalog.snapshot': { input: { full: true }, names: 'full' },
  'catalog.info': { input: { extra: 1 }, names: 'extra' },
  'catalog.setOverride': {
    input: { modelId: '9105-42A', configurationId: null, field: 'maxMemoryGiB', value: -5 },
    names: 'value',
  },
  'catalog.removeOverride': { input: { modelId: '9105-42A', configurationId: null, field: 'watts' }, names: 'field' },
  'catalog.saveUserModel': { input: { model: { id: 'x' } }, names: 'model.' },
  'catalog.deleteUserModel': { input: { id: '' }, names: 'id' },
  'catalog.setPrice': {
    input: {
      price: {
        generation: 'POWER9',
        edition: 'Enterprise',
        currency: 'euro',
        pricePerCore: 1,
        maintenancePerCorePerYear: 1,
      },
    },
    names: 'price.currency',
  },
  'catalog.deletePrice': { input: { generation: 'POWER9' }, names: 'edition' },
  'catalog.exportUserData': { input: { path: '/etc/passwd' }, names: 'path' },
  'catalog.importUserData': { input: { file: {} }, names: 'data' },
  'plan.validate': { input: { plans: [] }, names: 'plan' },
  'plan.open': { input: { path: 7 }, names: 'path' },
  'plan.save': {
    input: { plan: { format: 'powervm-sizer-plan', version: 1, name: 'x', workloads: [{ name: 'a' }] } },
    names: 'plan.workloads[0]',
  },
  'plan.parse': { input: { text: 5, fileName: 'a.pvsplan' }, names: 'text' },
  'plan.serialize': { input: { plan: null }, names: 'plan' },
  'plan.recent': { input: { limit: 3 }, names: 'limit' },
  'plan.autosave': {
    input: { draft: { name: 'x', customer: '', rows: [{ cpuKind: 'watts' }], constraints: {} }, path: null },
    names: 'draft.rows[0]',
  },
  'plan.recovery': { input: { force: true }, names: 'force' },
  'plan.discardRecovery': { input: { all: true }, names: 'all' },
  'solver.solve': {
    input: {
      jobId: 'j1',
      plan: {
        format: 'powervm-sizer-plan',
        version: 1,
        name: 'x',
        workloads: [],
        constraints: { targetCpuUtilization: 1.5 },
      },
    },
    names: 'plan.constraints.targetCpuUtilization',
  },
  'solver.cancel': { input: { jobId: '' }, names: 'jobId' },
  'deploy.export': {
    input: {
      solution: {
        objective: 'cores',
        servers: [],
        unplaced: [],
        bounds: { serversLowerBound: 0, coresLowerBound: 0, gap: 0, provenOptimal: false },
        alternatives: [],
        warnings: [],
      },
      plan: { format: 'powervm-sizer-plan', version: 1, name: 'x', workloads: [] },
      format: 'ansible',
      baseName: 'x',
      systemNames: { 'server-1': 'bad name; rm -rf /' },
    },
    names: 'systemNames.server-1',
  },
  'import.begin': { input: { jobId: '../../etc' }, names: 'jobId' },
  'import.append': {
    input: { jobId: 'i1', file: 0, name: 'a.nmon', contentBase64: 'not base64!' },
    names: 'contentBase64',
  },
  'import.run': { input: { jobId: 'i1', basis: 'p97', headroom: 0.1 }, names: 'basis' },
  'import.convert': {
    input: { jobId: 'i1', basis: 'p95', headroom: 0.1, memoryBasis: 'guessed' },
    names: 'memoryBasis',
  },
  'import.cancel': { input: { jobId: 5 }, names: 'jobId' },
  'plan.importTable': { input: { fileName: 'x.csv' }, names: 'contentBase64' },
  'plan.cancelImportTable': { input: { jobId: 'bad id!' }, names: 'jobId' },
  'report.presentation': {
    input: {
      plan: { format: 'powervm-sizer-plan', version: 1, name: 'x', workloads: [] },
      solution: { servers: 'none' },
    },
    names: 'solution',
  },
  'report.export': {
    input: { jobId: 'r1', plan: null, solution: null, format: 'docx', language: 'en' },
    names: 'plan',
  },
  'editions.compare': {
    input: {
      jobId: 'e',
      plan: { format: 'powervm-sizer-plan', version: 1, name: 'x', workloads: [] },
      withoutFeatures: ['teleport'],
    },
    names: 'withoutFeatures[0]',
  },
};

describe('the IPC contract', () => {
  let services: AppServices;
  beforeAll(async () => {
    services = await createAppServices({
      userDataDir: await tempDir(),
      resourcesDir,
      appVersion: 'test',
      transport: 'browser',
    });
  });
  afterAll(async () => services?.close());

  it('declares every channel once, in the preload list and the contract alike', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS.map((channel) => [channel]))('%s rejects malformed input naming the field', async (channel) => {
    const { input, names } = malformed[channel];
    const reply = await dispatch(services.handlers, channel, input, noEvents);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid-input');
    expect(`${reply.error.path ?? ''} ${reply.error.message}`).toContain(names);
  });

  it('rejects an unknown channel', async () => {
    const reply = await dispatch(services.handlers, 'fs.readFile', { path: '/etc/passwd' }, noEvents);
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'unknown channel "fs.readFile"' } });
  });

  it('answers a valid call with a value that meets the output schema', async () => {
    const reply = await dispatch(services.handlers, 'catalog.models', { generation: 'POWER9', os: 'ibmi' }, noEvents);
    expect(reply.ok).toBe(true);
    if (reply.ok) expect((reply.value as Array<{ id: string }>).map((model) => model.id)).toContain('9009-41A');
  });

  it('refuses to open a file the user did not choose in a dialog', async () => {
    const reply = await dispatch(services.handlers, 'plan.open', { path: '/etc/passwd' }, noEvents);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.path).toBe('path');
  });
});
