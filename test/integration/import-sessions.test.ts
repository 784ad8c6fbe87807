import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigNmonSet } from '../../scripts/generate-import-fixtures';
import { type AppServices, createAppServices } from '../../src-main/ipc/services';
import { type AppEvent, dispatch, IMPORT_CHUNK_BYTES } from '../../src-main/ipc';
import { repoRoot } from '../support/browser-app';
import { resourcesDir, tempDir } from '../support/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'import');
const staged = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('pvs-import-')).length;

describe('importing measurements through the IPC contract', () => {
  let services: AppServices;
  const events: AppEvent[] = [];
  const context = { emit: (event: AppEvent) => events.push(event) };
  const call = async (channel: string, input: unknown) => {
    const reply = await dispatch(services.handlers, channel, input, context);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as Record<string, unknown>;
  };
  /** Sends a file the way the renderer does: in chunks, in order. */
  const send = async (jobId: string, file: number, name: string, bytes: Buffer, chunk = IMPORT_CHUNK_BYTES) => {
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      await call('import.append', { jobId, file, name, contentBase64: bytes.subarray(offset, offset + chunk).toString('base64') });
    }
  };

  beforeAll(async () => {
    services = await createAppServices({ userDataDir: await tempDir(), resourcesDir, appVersion: 'test', transport: 'browser' });
  });
  afterAll(async () => services?.close());

  it('reassembles files sent in chunks, names them as the user did, and lists the damaged one', async () => {
    const before = await staged();
    await call('import.begin', { jobId: 'folder' });
    const names = ['day/aix-shared.nmon', 'day/aix-dedicated.nmon', 'night/damaged.nmon', 'summary.nsum.csv'];
    for (const [index, name] of names.entries()) {
      // Small chunks, so every file crosses several messages.
      await send('folder', index, name, await readFile(join(fixtures, name.split('/').at(-1)!)), 64 * 1024);
    }
    events.length = 0;
    const result = await call('import.run', { jobId: 'folder', basis: 'p95', headroom: 0.1, sourceModel: '9009-42A' });
    const imported = result.imported as Array<{ lpar: string; file: string; workload: unknown }>;
    expect(imported.find((entry) => entry.lpar === 'erpdb01')?.file).toBe('day/aix-shared.nmon');
    expect(imported.every((entry) => entry.workload !== null)).toBe(true);
    expect(result.damaged).toEqual([{ file: 'night/damaged.nmon', reason: expect.any(String) }]);
    const progress = events.filter((event) => event.type === 'import.progress');
    expect(progress.at(-1)).toMatchObject({ jobId: 'folder', filesDone: 4, filesTotal: 4 });
    expect(progress.some((event) => event.type === 'import.progress' && event.current === 'day/aix-dedicated.nmon')).toBe(true);
    // Nothing staged is left behind, and the job is gone.
    expect(await staged()).toBe(before);
    await expect(call('import.run', { jobId: 'folder', basis: 'p95', headroom: 0 })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('unpacks a zip sent like any other file, naming its entries inside the user\'s archive', async () => {
    const dir = await tempDir();
    const zip = join(dir, 'estate.zip');
    execFileSync('python3', ['-c', `import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n  z.write(sys.argv[2],'p8/aix-shared.nmon')\n  z.write(sys.argv[3],'p8/damaged.nmon')`, zip, join(fixtures, 'aix-shared.nmon'), join(fixtures, 'damaged.nmon')]);
    await call('import.begin', { jobId: 'zip' });
    await send('zip', 0, 'from-customer/estate.zip', await readFile(zip));
    const result = await call('import.run', { jobId: 'zip', basis: 'p95', headroom: 0 });
    expect((result.imported as Array<{ file: string }>).map((entry) => entry.file)).toEqual(['from-customer/estate.zip:p8/aix-shared.nmon']);
    expect((result.damaged as Array<{ file: string }>).map((entry) => entry.file)).toEqual(['from-customer/estate.zip:p8/damaged.nmon']);
  });

  it('cancels an import that is running, and removes what was staged', async () => {
    const before = await staged();
    const dir = await tempDir();
    await writeBigNmonSet(dir, 20);
    const files = (await readdir(dir)).sort();
    await call('import.begin', { jobId: 'big' });
    for (const [index, name] of files.entries()) await send('big', index, name, await readFile(join(dir, name)));
    events.length = 0;
    const running = call('import.run', { jobId: 'big', basis: 'peak', headroom: 0 }).then(() => null, (error: unknown) => error);
    await expect.poll(() => events.length).toBeGreaterThan(0);
    expect(await call('import.cancel', { jobId: 'big' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ code: 'cancelled' });
    expect(await staged()).toBe(before);
  });

  it('refuses chunks for a job that was never begun or was cancelled', async () => {
    await expect(call('import.append', { jobId: 'nobody', file: 0, name: 'a.nmon', contentBase64: '' })).rejects.toMatchObject({ code: 'cancelled' });
    await call('import.begin', { jobId: 'short' });
    await call('import.cancel', { jobId: 'short' });
    await expect(call('import.append', { jobId: 'short', file: 0, name: 'a.nmon', contentBase64: '' })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
