// Reading a plan named on the command line: JSON errors and field problems as one line each, never a stack.
import { readFile } from 'node:fs/promises';
import { type PlanValidation, validatePlan } from '../plan';

export async function readPlanArgument(path: string): Promise<PlanValidation> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      valid: false,
      problems: [`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      valid: false,
      problems: [`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`],
    };
  }
  return validatePlan(raw);
}
