import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import App from '../../../src-renderer/src/App.vue';
import { i18n } from '../../../src-renderer/src/i18n';
import { emptyRow, retryDelay, usePlanStore } from '../../../src-renderer/src/stores/plan';

const FULL = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'cannot write /data/autosave/draft.json: the disk is full; free some space and try again',
  },
};

describe('a failed autosave', () => {
  let replies: unknown[];
  let drafts: unknown[];
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
    replies = [];
    drafts = [];
    const invoke = new Proxy(
      {},
      {
        get: (_, channel: string) => async (input: { draft?: unknown }) => {
          if (channel === 'plan.autosave') {
            drafts.push(input.draft);
            return replies.shift() ?? { ok: true, value: { savedAt: '2026-12-03T08:00:00.000Z' } };
          }
          return { ok: true, value: channel === 'catalog.models' ? [] : null };
        },
      },
    );
    window.powervmSizer = { invoke, onEvent: () => () => undefined } as never;
  });
  afterEach(() => {
    vi.useRealTimers();
    delete window.powervmSizer;
  });

  it('is shown at once with its cause, retried, and cleared when a retry succeeds; the rows typed are all in the draft', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', component: { template: '<div />' } }],
    });
    const app = mount(App, { global: { plugins: [i18n, router] } });
    const plan = usePlanStore();
    replies.push(FULL, FULL);
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      plan.edit(() => plan.rows.push(emptyRow({ name, cpuValue: '10', memoryGiB: '32' })));
    await vi.advanceTimersByTimeAsync(1600);
    expect(plan.autosave.status).toBe('failed');
    expect(app.get('[data-testid="autosave-failed"]').text()).toContain('the disk is full');
    await vi.advanceTimersByTimeAsync(retryDelay(1) + 10);
    expect(plan.autosave.attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(retryDelay(2) + 10);
    expect(plan.autosave.status).toBe('saved');
    expect(app.find('[data-testid="autosave-failed"]').exists()).toBe(false);
    const last = drafts.at(-1) as { rows: Array<{ name: string }> };
    expect(last.rows.map((row) => row.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
