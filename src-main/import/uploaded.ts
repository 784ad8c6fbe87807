// Measurement files handed over by the interface (picked or dropped by the user): written to a private temporary
// folder, imported like files on disk, and removed again.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CatalogSnapshot } from '../catalog/schema';
import { Workload } from '../plan/schema';
import { type ImportChoices, toWorkloads } from './convert';
import { type ImportProgress, importFiles } from './files';
import { combinedProfile } from './measurement';

export interface UploadedFile {
  name: string;
  contentBase64: string;
}

export async function importUploaded(files: readonly UploadedFile[], catalog: CatalogSnapshot, choices: ImportChoices, onProgress?: (progress: ImportProgress) => void) {
  const dir = await mkdtemp(join(tmpdir(), 'pvs-upload-'));
  try {
    const paths: string[] = [];
    for (const [index, file] of files.entries()) {
      // Only the base name, prefixed so duplicates from several folders stay apart; never a path from the page.
      const path = join(dir, `${String(index).padStart(5, '0')}-${basename(file.name).replace(/[^\w.-]+/g, '_')}`);
      await writeFile(path, Buffer.from(file.contentBase64, 'base64'));
      paths.push(path);
    }
    const result = await importFiles(paths, onProgress ? { onProgress } : {});
    const original = (path: string) => files[Number(basename(path).slice(0, 5))]?.name ?? basename(path);
    const imported = toWorkloads(
      result.measurements.map((measurement) => ({ ...measurement, file: original(measurement.file) })),
      catalog,
      choices,
    );
    return {
      imported: imported.map((entry) => ({
        lpar: entry.measurement.lparName,
        file: entry.measurement.file,
        source: entry.measurement.source,
        samples: entry.measurement.coresUsed.length,
        basisCores: entry.basisCores,
        confidence: entry.confidence,
        confidenceReasons: entry.confidenceReasons,
        problem: entry.problem,
        // The workloads are made valid by construction; parsing fills the plan format's defaults.
        workload: entry.workload ? Workload.parse(entry.workload) : null,
      })),
      damaged: result.damaged.map((entry) => ({ file: original(entry.file), reason: entry.reason })),
      profile: combinedProfile(result.measurements),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
