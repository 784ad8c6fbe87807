// Plan text (.pvsplan, JSON): parsing names every problem by its field, a damaged or newer file changes nothing.
import { AppError } from '../common';
import type { PlanFile } from './schema';
import { validatePlan } from './validate';

export const PLAN_EXTENSION = '.pvsplan';
/** No plan comes near this; a larger file is something else. */
export const MAX_PLAN_BYTES = 50 * 1024 * 1024;

/** Parse plan text; every problem is named by its field path, a JSON syntax error by its line and column. */
export function parsePlanText(text: string, fileLabel = 'plan'): PlanFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid-file', `${fileLabel} is not valid JSON (${message}${positionHint(text, message)})`);
  }
  const validation = validatePlan(raw);
  if (!validation.plan) {
    const newer = validation.problems.find((line) => line.startsWith('version:') && line.includes('newer'));
    throw new AppError(
      newer ? 'unsupported-version' : 'invalid-file',
      `${fileLabel}: ${validation.problems[0] ?? 'not a plan'}${validation.problems.length > 1 ? ` (and ${validation.problems.length - 1} more problems)` : ''}`,
      validation.problems[0]?.split(':')[0],
      validation.problems,
    );
  }
  return validation.plan;
}

function positionHint(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `; line ${line}, column ${column}`;
}

export function serializePlan(plan: PlanFile): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
