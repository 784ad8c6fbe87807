// Measurement files handed over by the interface (picked or dropped by the user), in chunks so files of hundreds of
// MB and folders of thousands of files never travel in one message: staged in a private temporary folder, imported
// like files on disk with progress and cancellation, and removed again. Names from the page are never used as paths.
// The measurements read stay with the job until it is cancelled, so the preview can change a source model or a basis
// per LPAR without sending the files again; nothing reaches the plan until the user adds the workloads.
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogSnapshot } from '../catalog';
import { AppError } from '../common';
import { Workload } from '../plan';
import { type ImportChoices, toWorkloads } from './convert';
import { type DamagedFile, type ImportProgress, importFiles } from './files';
import { type LparMeasurement, combinedProfile } from './measurement';
import { type Message, msg, renderMessage } from './messages';

interface StagedImport {
  dir: string;
  /** Original names (as the user's folder had them) by file index. */
  names: Map<number, string>;
  controller: AbortController;
  /** What the files gave, once read. */
  read: { measurements: LparMeasurement[]; damaged: DamagedFile[]; bytes: number; files: number } | null;
}

export class ImportSessions {
  private readonly jobs = new Map<string, StagedImport>();

  /** Starts (or restarts) a job with an empty staging folder. */
  async begin(jobId: string): Promise<void> {
    await this.cancel(jobId);
    this.jobs.set(jobId, {
      dir: await mkdtemp(join(tmpdir(), 'pvs-import-')),
      names: new Map(),
      controller: new AbortController(),
      read: null,
    });
  }

  /** Appends one chunk of file `fileIndex` (chunks of one file arrive in order). */
  async append(jobId: string, fileIndex: number, name: string, chunk: Uint8Array): Promise<void> {
    const job = this.job(jobId);
    if (job.read) throw new AppError('conflict', renderMessage(msg('import.job-read')), 'jobId');
    const known = job.names.get(fileIndex);
    if (known !== undefined && known !== name)
      throw new AppError(
        'invalid-input',
        renderMessage(msg('import.file-renamed', { index: fileIndex, name: known })),
        'name',
      );
    job.names.set(fileIndex, name);
    await appendFile(this.stagedPath(job, fileIndex), chunk);
  }

  /** Reads the staged files (removed afterwards whatever happens) and converts them with the choices. */
  async run(
    jobId: string,
    catalog: CatalogSnapshot,
    choices: ImportChoices,
    onProgress?: (progress: ImportProgress) => void,
  ) {
    const job = this.job(jobId);
    if (job.read) throw new AppError('conflict', renderMessage(msg('import.job-read')), 'jobId');
    try {
      const original = (label: string) => this.original(job, label);
      const paths = [...job.names.keys()].sort((a, b) => a - b).map((index) => this.stagedPath(job, index));
      if (paths.length === 0) throw new AppError('invalid-input', renderMessage(msg('import.no-files')), 'jobId');
      const result = await importFiles(paths, {
        signal: job.controller.signal,
        ...(onProgress
          ? { onProgress: (progress) => onProgress({ ...progress, current: original(progress.current) }) }
          : {}),
      });
      // The user's names replace the staging names everywhere a file is named (including inside messages).
      const rename = (message: Message): Message => ({
        ...message,
        params:
          typeof message.params.file === 'string'
            ? { ...message.params, file: original(message.params.file) }
            : message.params,
      });
      job.read = {
        measurements: result.measurements.map((measurement) => ({
          ...measurement,
          file: original(measurement.file),
          files: measurement.files.map((file) => ({ ...file, file: original(file.file), lost: file.lost.map(rename) })),
        })),
        damaged: result.damaged.map((entry) => ({ file: original(entry.file), reason: rename(entry.reason) })),
        bytes: result.bytes,
        files: result.files,
      };
    } catch (error) {
      await this.cancel(jobId);
      throw error;
    } finally {
      await rm(job.dir, { recursive: true, force: true });
    }
    return this.convert(jobId, catalog, choices);
  }

  /** The preview of a job already read, with other choices (a source model or basis per LPAR). */
  convert(jobId: string, catalog: CatalogSnapshot, choices: ImportChoices) {
    const job = this.job(jobId);
    if (!job.read) throw new AppError('conflict', renderMessage(msg('import.job-not-read')), 'jobId');
    const imported = toWorkloads(job.read.measurements, catalog, choices);
    return {
      lpars: imported.map((entry) => ({
        ...entry.summary,
        problem: entry.problem,
        modelChoices: entry.modelChoices,
        // The workloads are valid by construction; parsing fills the plan format's defaults.
        workload: entry.workload ? Workload.parse(entry.workload) : null,
      })),
      damaged: job.read.damaged,
      profile: combinedProfile(job.read.measurements),
      bytes: job.read.bytes,
      files: job.read.files,
    };
  }

  /** Stops a job (staging or importing) and drops what it staged and read; false when there was no such job. */
  async cancel(jobId: string): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    this.jobs.delete(jobId);
    job.controller.abort();
    await rm(job.dir, { recursive: true, force: true });
    return true;
  }

  async dispose(): Promise<void> {
    for (const jobId of [...this.jobs.keys()]) await this.cancel(jobId);
  }

  private job(jobId: string): StagedImport {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('cancelled', renderMessage(msg('import.job-gone')), 'jobId');
    return job;
  }

  private stagedPath(job: StagedImport, fileIndex: number): string {
    // The extension is kept (zip archives are recognised by it); the rest of the user's name is not used.
    const extension = /\.[a-z0-9]{1,8}$/i.exec(job.names.get(fileIndex) ?? '')?.[0] ?? '';
    return join(job.dir, `${String(fileIndex).padStart(6, '0')}${extension.toLowerCase()}`);
  }

  /** The user's name for a staged file's label ("000003.nmon", or "000004.zip:day1/a.nmon" for a zip entry). */
  private original(job: StagedImport, label: string): string {
    const rest = label.startsWith(job.dir) ? label.slice(job.dir.length + 1) : label;
    const index = /^\d{6}(\.|$)/.test(rest) ? Number.parseInt(rest, 10) : Number.NaN;
    const colon = rest.indexOf(':');
    const name = Number.isNaN(index) ? rest : (job.names.get(index) ?? rest);
    return colon >= 0 && !Number.isNaN(index) ? `${name}:${rest.slice(colon + 1)}` : name;
  }
}
