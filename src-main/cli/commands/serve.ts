import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startBridge } from '../../ipc';
import { acquireInstanceLock } from '../../platform';
import { parseCommandArgs } from '../args';
import { type Command, UsageError } from '../io';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Browser mode: serve the app on 127.0.0.1 and print the URL to open',
  usage: [
    'Usage: powervm-sizer serve [--port N] [--renderer DIR]',
    '',
    "Serves the built renderer (npm run build) and the app's handlers on the loopback interface only,",
    'protected by a random token that is part of the printed URL. Stop with Ctrl+C.',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' }, renderer: { type: 'string' } }, false);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${values.port}" is not a port number`);
    const rendererDir = values.renderer ?? join(io.resourcesDir, '..', 'out', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new UsageError(
        `no built renderer in ${rendererDir}: run \`npm run build\` first (npm run serve does both)`,
      );
    }
    // Loaded on demand so the other commands start without the whole app.
    const { createAppServices } = await import('../../ipc');
    // One app per data folder: a second server (or the desktop app) on it is refused with who holds it.
    await mkdir(io.userDataDir, { recursive: true });
    const lock = await acquireInstanceLock(io.userDataDir);
    try {
      const services = await createAppServices({ ...io, transport: 'browser' });
      const bridge = await startBridge({ handlers: services.handlers, rendererDir, port });
      io.stdout(
        `PowerVM Sizer (browser mode) is at ${bridge.url}\nOpen it in a browser on this machine. Press Ctrl+C to stop.\n`,
      );
      await io.untilInterrupted();
      await bridge.close();
      await services.close();
    } finally {
      await lock.release();
    }
    return 0;
  },
};
