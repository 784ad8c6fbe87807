// One reply envelope for every channel and transport, with a stable error code the UI can act on.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid-input', // an argument failed its schema; `path` names the field
  'not-found',
  'conflict',
  'invalid-file', // a plan, catalog or import file is malformed; `path` names the record and field
  'unsupported-version', // a file or database written by a newer version
  'corrupt-database',
  'infeasible',
  'cancelled',
  'unavailable', // something the feature needs is missing on this machine (a browser for PDF, ...)
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field path such as `workloads[2].memoryGiB`. */
  path: z.string().optional(),
  /** Further problems of the same request (one line each), for validation reports. */
  details: z.array(z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** A failure with a code and a message fit for the user; never a raw stack. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.path !== undefined ? { path: this.path } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

/** `workloads[2].memoryGiB` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** One line per problem, each naming its field: `workloads[2].memoryGiB: must be a positive number`. */
export function describeZodIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.flatMap((issue) => {
    const base = [...(prefix ? [prefix] : []), ...issue.path];
    // An unknown key is named with where it is (`plan.unknown_1: not a field of plan`), not as a bare key.
    if (issue.code === 'unrecognized_keys') {
      const where = base.length > 0 ? formatPath(base) : 'the top level';
      return issue.keys.map(
        (key) => `${formatPath([...base, key])}: not a field of ${where} (remove it or check its spelling)`,
      );
    }
    const path = formatPath(base);
    return [path ? `${path}: ${issue.message}` : issue.message];
  });
}

/** Parse with a schema or throw an AppError whose path names the first bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode = 'invalid-input',
  prefix = '',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = describeZodIssues(result.error, prefix);
  const first = result.error.issues[0];
  const path = first ? formatPath([...(prefix ? [prefix] : []), ...first.path]) : prefix;
  throw new AppError(code, lines[0] ?? 'invalid value', path || undefined, lines);
}
