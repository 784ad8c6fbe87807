import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const resourcesDir = resolve(import.meta.dirname, '..', '..', 'resources');

export function tempDir(prefix = 'pvs-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
