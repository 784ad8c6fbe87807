// The Sizing view offers back a checked draft, or says which autosave was damaged and where it is kept.
import { flushPromises, shallowMount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/src/i18n';
import { usePlanStore } from '../../../src-renderer/src/stores/plan';
import WizardView from '../../../src-renderer/src/views/WizardView.vue';

let recovery: unknown = null;
beforeEach(() => {
  setActivePinia(createPinia());
  const invoke = new Proxy(
    {},
    {
      get: (_, channel: string) => async () => ({
        ok: true,
        value: channel === 'plan.recovery' ? recovery : ['catalog.models', 'plan.recent'].includes(channel) ? [] : null,
      }),
    },
  );
  window.powervmSizer = { invoke, onEvent: () => () => undefined } as never;
});
afterEach(() => {
  delete window.powervmSizer;
  recovery = null;
});

const row = {
  workloadId: 'w-db',
  name: 'db',
  os: 'aix',
  cpuKind: 'rperf',
  cpuValue: '12',
  sourceModel: '',
  utilization: '',
  memoryGiB: 'sixty-four',
  processorMode: 'shared',
  count: '1',
  features: '',
  haGroup: '',
};

describe('crash recovery in the Sizing view', () => {
  it('restores the draft as it was typed, keys and text included', async () => {
    recovery = {
      kind: 'draft',
      savedAt: '2026-12-03T08:00:00.000Z',
      path: null,
      draft: { name: 'Acme', customer: 'Acme AG', rows: [row], constraints: { generations: ['POWER9'] } },
    };
    const view = shallowMount(WizardView, { global: { plugins: [i18n] } });
    await flushPromises();
    await view.get('[data-testid="recover"]').trigger('click');
    const plan = usePlanStore();
    expect(plan.name).toBe('Acme');
    expect(plan.rows.map((each) => [each.workloadId, each.memoryGiB])).toEqual([['w-db', 'sixty-four']]);
    expect(plan.constraints.generations).toEqual(['POWER9']);
    expect(plan.dirty).toBe(true);
    expect(view.find('[data-testid="recovery"]').exists()).toBe(false);
  });

  it('says what was wrong with a damaged draft and where the file is kept, offering nothing to recover', async () => {
    recovery = {
      kind: 'damaged',
      problem: { code: 'workspace.draft-invalid', params: { problem: 'draft.rows[1].cpuKind: invalid option' } },
      keptAs: '/data/autosave/draft.json.damaged-2026-12-03T09-30-00-000Z',
    };
    const view = shallowMount(WizardView, { global: { plugins: [i18n] } });
    await flushPromises();
    const banner = view.get('[data-testid="recovery-damaged"]');
    expect(banner.text()).toContain('The autosaved draft is damaged (draft.rows[1].cpuKind: invalid option)');
    expect(banner.text()).toContain('/data/autosave/draft.json.damaged-2026-12-03T09-30-00-000Z');
    expect(view.find('[data-testid="recover"]').exists()).toBe(false);
    await banner.get('button').trigger('click');
    expect(view.find('[data-testid="recovery-damaged"]').exists()).toBe(false);
    expect(usePlanStore().rows).toEqual([]);
  });
});
