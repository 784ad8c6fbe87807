// What the app remembers about plans between runs: recently opened files and the autosaved draft that is
// offered back after a crash. Both live in the user data folder and are written atomically.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type Message, describeZodIssues, msg } from '../common';
import { AutosavedDraft, type DraftRecovery, type PlanDraft, RecentPlan } from '../plan';
import { fileWriteError, removeStaleTemporaries, setAside, writeFileAtomic } from './atomic-file';

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
  async autosave(draft: PlanDraft, path: string | null, now = new Date()): Promise<AutosavedDraft> {
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

  /**
   * The draft left by a run that did not close cleanly, if any, checked against the draft's schema (a draft of an
   * older version upgraded). A damaged one (not JSON, or a field wrong) never stops the start: it is moved aside,
   * kept, and said with its problem named; the next autosave starts a new file.
   */
  async recovery(now = new Date()): Promise<DraftRecovery | null> {
    const read = await readFile(this.autosaveFile, 'utf8').then(
      (text) => ({ text }),
      (error: NodeJS.ErrnoException) => ({ error }),
    );
    if ('error' in read) {
      if (read.error.code === 'ENOENT') return null;
      return this.damagedDraft(msg('workspace.draft-unreadable', { reason: read.error.message }), now);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(read.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.damagedDraft(msg('workspace.draft-not-json', { reason }), now);
    }
    const parsed = AutosavedDraft.safeParse(raw);
    if (parsed.success) return { kind: 'draft', ...parsed.data };
    const [problem = 'not a draft', ...more] = describeZodIssues(parsed.error);
    const said =
      more.length > 0
        ? msg('workspace.draft-invalid-more', { problem, more: more.length })
        : msg('workspace.draft-invalid', { problem });
    return this.damagedDraft(said, now);
  }

  /** The damaged draft set aside (kept under another name); if even that fails, it stays where it is. */
  private async damagedDraft(problem: Message, now: Date): Promise<DraftRecovery> {
    const keptAs = await setAside(this.autosaveFile, [], now).catch(() => this.autosaveFile);
    return { kind: 'damaged', problem, keptAs };
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
