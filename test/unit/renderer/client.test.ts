import { describe, expect, it } from 'vitest';
import { replyOf } from '../../../src-renderer/src/api/client';

describe('the renderer client reading a reply', () => {
  it('keeps a proper envelope as it is', () => {
    expect(replyOf(200, 'OK', '{"ok":true,"value":3}')).toEqual({ ok: true, value: 3 });
    const refusal = { ok: false, error: { code: 'invalid-input', message: 'the access token is missing or wrong' } };
    expect(replyOf(401, 'Unauthorized', JSON.stringify(refusal))).toEqual(refusal);
  });

  it('never gives an error with an empty message', () => {
    for (const [status, text] of [
      [401, '{"error":"bad token"}'],
      [502, '<html>Bad gateway</html>'],
      [500, ''],
      [500, '{"ok":false,"error":{"code":"internal","message":""}}'],
      [200, 'null'],
    ] as const) {
      const reply = replyOf(status, 'Status', text);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.message.length, text).toBeGreaterThan(5);
    }
    const old = replyOf(401, 'Unauthorized', '{"error":"bad token"}');
    expect(!old.ok && old.error.message).toBe('bad token');
  });
});
