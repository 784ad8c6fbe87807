// Reading and writing plan files. Saving is atomic, so the previous file survives a crash mid-write.
import { readFile } from 'node:fs/promises';
import { AppError } from '../common';
import { MAX_PLAN_BYTES, type PlanFile, parsePlanText, serializePlan } from '../plan';
import { writeFileAtomic } from './atomic-file';

export async function readPlanFile(path: string): Promise<PlanFile> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      code === 'ENOENT' ? 'not-found' : 'invalid-file',
      `cannot read ${path}: ${code ?? String(error)}`,
    );
  }
  if (buffer.length > MAX_PLAN_BYTES)
    throw new AppError('invalid-file', `${path} is ${buffer.length} bytes, larger than any plan file`);
  return parsePlanText(buffer.toString('utf8'), path);
}

export async function writePlanFile(path: string, plan: PlanFile): Promise<void> {
  await writeFileAtomic(path, serializePlan(plan));
}
