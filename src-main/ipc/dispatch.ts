// Validates a call against the contract, runs its handler and wraps the result in the reply envelope.
// Every transport (Electron IPC, the loopback bridge, tests) goes through here, so none can skip validation.
import { AppError, type Reply, describeZodIssues, formatPath } from '../common';
import { type CallContext, type Channel, type Handlers, contract } from './contract';

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  context: CallContext,
): Promise<Reply<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'not-found', message: `unknown channel "${channel}"` } };
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const lines = describeZodIssues(parsed.error);
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: lines[0] ?? 'invalid input',
        ...(first && first.path.length > 0 ? { path: formatPath(first.path) } : {}),
        details: lines,
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, context);
    // The output schema is the contract's promise to the renderer; a handler that breaks it is our bug.
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `reply of ${channel} broke the contract: ${describeZodIssues(checked.error)[0] ?? ''}`,
        },
      };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}
