// Reads the catalog file shipped with the app (resources/catalog/catalog.json).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShippedCatalog } from '../../catalog';
import { AppError, describeZodIssues } from '../../common';

export function shippedCatalogPath(resourcesDir: string): string {
  return join(resourcesDir, 'catalog', 'catalog.json');
}

/** Reads and validates the shipped catalog; a broken file names the record and field. */
export async function readShippedCatalog(resourcesDir: string): Promise<ShippedCatalog> {
  const path = shippedCatalogPath(resourcesDir);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new AppError(
      'invalid-file',
      `the shipped catalog ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = ShippedCatalog.safeParse(raw);
  if (!parsed.success) {
    const lines = describeZodIssues(parsed.error);
    throw new AppError('invalid-file', `the shipped catalog ${path} is damaged: ${lines[0] ?? ''}`, undefined, lines);
  }
  return parsed.data;
}
