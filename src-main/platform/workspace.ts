// What the app remembers about plans between runs: recently opened files and the autosaved draft that is
// offered back after a crash. Both live in the user data folder and are written atomically.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AutosavedDraft, RecentPlan } from '../plan';
import { fileWriteError, removeStaleTemporaries, writeFileAtomic } from './atomic-file';

const MAX_RECENT = 10;

export class PlanWorkspace {
  private readonly recentFile: string;
  private readonly autosaveFile: string;

  constructor(private readonly userDataDir: string) {
    this.recentFile = join(userDataDir, 'recent-plans.json');
    this.autosaveFile = join(userDataDir, 'autosave', 'draft.json');
  }

  async recent(): Promise<RecentPlan[]> {
    const raw = await readJson(this.recentFile);
    const parsed = z.array(RecentPlan).safeParse(raw);
    return parsed.success ? parsed.data : [];
  }

  async remember(path: string, name: string, now = new Date()): Promise<RecentPlan[]> {
    const list = [
      { path, name, openedAt: now.toISOString() },
      ...(await this.recent()).filter((each) => each.path !== path),
    ].slice(0, MAX_RECENT);
    await mkdir(this.userDataDir, { recursive: true });
    await writeFileAtomic(this.recentFile, `${JSON.stringify(list, null, 2)}\n`);
    return list;
  }

  async forget(path: string): Promise<RecentPlan[]> {
    const list = (await this.recent()).filter((each) => each.path !== path);
    await mkdir(this.userDataDir, { recursive: true });
    await writeFileAtomic(this.recentFile, `${JSON.stringify(list, null, 2)}\n`);
    return list;
  }

  /** Fails with the cause named (a full disk, a read-only folder); the interface shows it and tries again. */
  async autosave(draft: unknown, path: string | null, now = new Date()): Promise<AutosavedDraft> {
    const record: AutosavedDraft = { savedAt: now.toISOString(), path, draft };
    await mkdir(join(this.userDataDir, 'autosave'), { recursive: true }).catch((error: unknown) => {
      throw fileWriteError(error, this.autosaveFile);
    });
    await writeFileAtomic(this.autosaveFile, JSON.stringify(record));
    return record;
  }

  /**
   * At start: removes what interrupted saves left beside the files the app writes (the draft, the recent list and
   * the recent plans themselves, which sit in the user's folders). Returns how many temporaries went.
   */
  async removeInterruptedSaves(): Promise<number> {
    const targets = [this.autosaveFile, this.recentFile, ...(await this.recent()).map((each) => each.path)];
    let removed = 0;
    for (const target of targets) removed += await removeStaleTemporaries(target, 10_000);
    return removed;
  }

  /** The draft left by a run that did not close cleanly, if any. */
  async recovery(): Promise<AutosavedDraft | null> {
    const parsed = AutosavedDraft.safeParse(await readJson(this.autosaveFile));
    return parsed.success && parsed.data.draft !== undefined ? parsed.data : null;
  }

  async discardAutosave(): Promise<void> {
    await rm(this.autosaveFile, { force: true });
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
