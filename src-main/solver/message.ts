// Solver messages are codes with parameters (templates in messages-catalog.ts), so the interface and the
// reports translate them; no English sentence leaves the solver.
import { z } from 'zod';

export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export const Message = z.object({ code: z.string().min(1), params: MessageParams });
export type Message = z.infer<typeof Message>;

export function msg(code: string, params: Record<string, string | number> = {}): Message {
  return { code, params };
}
