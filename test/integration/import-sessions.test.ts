import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigNmonSet } from '../../scripts/generate-import-fixtures';
import { type AppServices, createAppServices } from '../../src-main/ipc/services';
import { type AppEvent, dispatch, IMPORT_CHUNK_BYTES } from '../../src-main/ipc';
import { importFiles } from '../../src-main/import';
import { type Bridge, startBridge } from '../../src-main/ipc/http-bridge';
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
      await call('import.append', {
        jobId,
        file,
        name,
        contentBase64: bytes.subarray(offset, offset + chunk).toString('base64'),
      });
    }
  };

  beforeAll(async () => {
    services = await createAppServices({
      userDataDir: await tempDir(),
      resourcesDir,
      appVersion: 'test',
      transport: 'browser',
    });
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
    const result = await call('import.run', {
      jobId: 'folder',
      basis: 'p95',
      headroom: 0.1,
      fallbackModel: '9009-42A',
    });
    const lpars = result.lpars as Array<{
      lpar: string;
      files: Array<{ file: string }>;
      workload: { cpu: { model: string } } | null;
      sourceModel: string;
    }>;
    expect(lpars.find((entry) => entry.lpar === 'erpdb01')?.files[0]?.file).toBe('day/aix-shared.nmon');
    expect(lpars.every((entry) => entry.workload !== null)).toBe(true);
    expect(result.damaged).toEqual([
      {
        file: 'night/damaged.nmon',
        reason: { code: 'import.unknown-kind', params: expect.objectContaining({ file: 'night/damaged.nmon' }) },
      },
    ]);
    const progress = events.filter((event) => event.type === 'import.progress');
    expect(progress.at(-1)).toMatchObject({ jobId: 'folder', filesDone: 4, filesTotal: 4 });
    // Progress goes out at most every 50 ms (first and last always), so not every file is named; those named are
    // named as the user did.
    const named = progress.flatMap((event) =>
      event.type === 'import.progress' && event.current ? [event.current] : [],
    );
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(names).toContain(name);
    // Nothing staged is left behind; what was read stays with the job for other choices, without the files.
    expect(await staged()).toBe(before);
    const converted = await call('import.convert', {
      jobId: 'folder',
      basis: 'p95',
      headroom: 0.1,
      fallbackModel: '9009-42A',
      perLpar: { erpdb01: { sourceModel: '9009-42A', memoryBasis: 'measured' } },
    });
    const erp = (converted.lpars as typeof lpars).find((entry) => entry.lpar === 'erpdb01')!;
    expect(erp.workload?.cpu.model).toBe('9009-42A');
    expect(erp).toMatchObject({ sourceModel: '9009-42A', sourceModelFrom: 'user', memoryBasis: 'measured' });
    await expect(call('import.run', { jobId: 'folder', basis: 'p95', headroom: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await call('import.cancel', { jobId: 'folder' })).toEqual({ cancelled: true });
    await expect(call('import.run', { jobId: 'folder', basis: 'p95', headroom: 0 })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it("unpacks a zip sent like any other file, naming its entries inside the user's archive", async () => {
    const dir = await tempDir();
    const zip = join(dir, 'estate.zip');
    execFileSync('python3', [
      '-c',
      `import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n  z.write(sys.argv[2],'p8/aix-shared.nmon')\n  z.write(sys.argv[3],'p8/damaged.nmon')`,
      zip,
      join(fixtures, 'aix-shared.nmon'),
      join(fixtures, 'damaged.nmon'),
    ]);
    await call('import.begin', { jobId: 'zip' });
    await send('zip', 0, 'from-customer/estate.zip', await readFile(zip));
    const result = await call('import.run', { jobId: 'zip', basis: 'p95', headroom: 0 });
    expect((result.lpars as Array<{ files: Array<{ file: string }> }>).map((entry) => entry.files[0]!.file)).toEqual([
      'from-customer/estate.zip:p8/aix-shared.nmon',
    ]);
    expect((result.damaged as Array<{ file: string }>).map((entry) => entry.file)).toEqual([
      'from-customer/estate.zip:p8/damaged.nmon',
    ]);
  });

  it('cancels an import that is running, and removes what was staged', async () => {
    const before = await staged();
    const dir = await tempDir();
    await writeBigNmonSet(dir, 20);
    const files = (await readdir(dir)).sort();
    await call('import.begin', { jobId: 'big' });
    for (const [index, name] of files.entries()) await send('big', index, name, await readFile(join(dir, name)));
    events.length = 0;
    const running = call('import.run', { jobId: 'big', basis: 'peak', headroom: 0 }).then(
      () => null,
      (error: unknown) => error,
    );
    await expect.poll(() => events.length).toBeGreaterThan(0);
    expect(await call('import.cancel', { jobId: 'big' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ code: 'cancelled' });
    expect(await staged()).toBe(before);
  });

  it('refuses chunks for a job that was never begun or was cancelled', async () => {
    await expect(
      call('import.append', { jobId: 'nobody', file: 0, name: 'a.nmon', contentBase64: '' }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    await call('import.begin', { jobId: 'short' });
    await call('import.cancel', { jobId: 'short' });
    await expect(
      call('import.append', { jobId: 'short', file: 0, name: 'a.nmon', contentBase64: '' }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  describe("hostile input, through the browser mode's loopback bridge", () => {
    let bridge: Bridge;
    beforeAll(async () => {
      bridge = await startBridge({
        handlers: services.handlers,
        rendererDir: join(repoRoot, 'test', 'fixtures', 'renderer'),
      });
    });
    afterAll(async () => bridge?.close());
    /** A call over HTTP, as the page makes it; a refusal comes back in the envelope, never as a dead server. */
    const http = (channel: string, input: unknown) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const body = JSON.stringify(input);
        const req = request(
          {
            host: '127.0.0.1',
            port: bridge.port,
            method: 'POST',
            path: `/api/${channel}`,
            headers: {
              host: `127.0.0.1:${bridge.port}`,
              'content-type': 'application/json',
              'x-powervm-sizer-token': bridge.token,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                ok: boolean;
                value?: Record<string, unknown>;
                error?: { code: string; message: string };
              };
              if (reply.ok) resolve(reply.value!);
              else reject(Object.assign(new Error(reply.error!.message), { code: reply.error!.code }));
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const sendHttp = async (jobId: string, file: number, name: string, bytes: Buffer) => {
      for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
        await http('import.append', {
          jobId,
          file,
          name,
          contentBase64: bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64'),
        });
      }
    };

    /** A zip written by Python's zipfile, streamed entry by entry so a 600 MB entry never sits in memory. */
    const zipOf = (path: string, entries: Array<{ name: string; script: string }>) => {
      const body = entries
        .map(
          ({ name, script }) =>
            `with z.open(${JSON.stringify(name)}, 'w', force_zip64=True) as f:\n${script
              .split('\n')
              .map((line) => `  ${line}`)
              .join('\n')}`,
        )
        .join('\n');
      execFileSync('python3', [
        '-c',
        `import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n${body
          .split('\n')
          .map((line) => `  ${line}`)
          .join('\n')}`,
        path,
      ]);
    };
    const normalCall = async () => expect(await http('app.info', {})).toMatchObject({ transport: 'browser' });

    it('refuses a small zip holding a 600 MB nmon line (a zip bomb) without unpacking it, and keeps serving', async () => {
      const before = await staged();
      const dir = await tempDir();
      const zip = join(dir, 'bomb.zip');
      zipOf(zip, [
        {
          name: 'lpar.nmon',
          script:
            "f.write(b'AAA,progname,topas_nmon\\nAAA,host,x\\nLPAR,T0001,')\nblock = b'9' * (1 << 20)\nfor _ in range(600):\n  f.write(block)",
        },
      ]);
      const size = (await readFile(zip)).length;
      expect(size).toBeLessThan(2 * 1024 * 1024);
      await http('import.begin', { jobId: 'bomb' });
      await sendHttp('bomb', 0, 'bomb.zip', await readFile(zip));
      const result = await http('import.run', { jobId: 'bomb', basis: 'p95', headroom: 0 });
      expect(result.damaged).toEqual([
        {
          file: 'bomb.zip:lpar.nmon',
          reason: { code: 'import.zip-bomb', params: expect.objectContaining({ limit: 200 }) },
        },
      ]);
      await http('import.cancel', { jobId: 'bomb' });
      expect(await staged()).toBe(before);
      expect((await readdir(tmpdir())).filter((name) => name.startsWith('pvs-zip-'))).toEqual([]);
      await normalCall();
    });

    it('refuses zip entries whose names climb out of their folder and reads the others', async () => {
      const dir = await tempDir();
      const zip = join(dir, 'climb.zip');
      const nmon = (await readFile(join(fixtures, 'aix-shared.nmon'), 'latin1')).replace(/'/g, '');
      await writeFile(join(dir, 'ok.nmon'), nmon);
      zipOf(zip, [
        { name: '../../etc/evil.nmon', script: `f.write(open(${JSON.stringify(join(dir, 'ok.nmon'))},'rb').read())` },
        { name: 'p8/good.nmon', script: `f.write(open(${JSON.stringify(join(dir, 'ok.nmon'))},'rb').read())` },
      ]);
      await http('import.begin', { jobId: 'climb' });
      await sendHttp('climb', 0, 'climb.zip', await readFile(zip));
      const result = await http('import.run', { jobId: 'climb', basis: 'p95', headroom: 0 });
      expect(result.damaged).toEqual([
        { file: 'climb.zip:../../etc/evil.nmon', reason: { code: 'import.zip-unsafe-name', params: {} } },
      ]);
      expect((result.lpars as unknown[]).length).toBe(1);
      await http('import.cancel', { jobId: 'climb' });
      await normalCall();
    });

    it('reads a 1 GB nmon file that is mostly a sparse hole in bounded memory, listing what it skipped', async () => {
      const dir = await tempDir();
      const path = join(dir, 'sparse.nmon');
      await writeFile(path, await readFile(join(fixtures, 'aix-shared.nmon')));
      await truncate(path, 1024 ** 3);
      const rss = process.memoryUsage().rss;
      const result = await importFiles([path]);
      expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
      const [lpar] = result.measurements;
      expect(lpar!.samples.cores).toHaveLength(288);
      expect(lpar!.files[0]!.lost.map((message) => message.code)).toEqual(
        expect.arrayContaining(['import.lost-overlong', 'import.lost-cut-end']),
      );
      await normalCall();
    });
  });
});
