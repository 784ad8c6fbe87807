// One solve at a time for one plan: a click on Solve replaces the automatic solve an edit scheduled, and a solve that
// replaces another never leaves a moment where the screen shows no solve running.
import { flushPromises, shallowMount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watch } from 'vue';
import { i18n } from '../../../src-renderer/src/i18n';
import { emptyRow, usePlanStore } from '../../../src-renderer/src/stores/plan';
import { useSolutionStore } from '../../../src-renderer/src/stores/solution';
import WizardView from '../../../src-renderer/src/views/WizardView.vue';
import type { AppEvent } from '../../../src-main/ipc/contract';
import type { PlanFile } from '../../../src-main/ipc/shared';

/** The main process as the renderer sees it: solves wait until the test answers them. */
let calls: { channel: string; input: { jobId?: string } }[];
let answers: Map<string, (value: unknown) => void>;
/** Presentations asked for and not yet given, when the test holds them back; and the page's event listener. */
let holdPresentations = false;
let heldPresentations: (() => void)[];
let emit: (event: AppEvent) => void;

beforeEach(() => {
  setActivePinia(createPinia());
  calls = [];
  answers = new Map();
  holdPresentations = false;
  heldPresentations = [];
  const invoke = new Proxy(
    {},
    {
      get: (_, channel: string) => (input: { jobId?: string }) => {
        calls.push({ channel, input });
        if (channel === 'solver.solve')
          return new Promise((resolve) => answers.set(input.jobId!, (value) => resolve({ ok: true, value })));
        if (channel === 'solver.cancel') {
          answers.get(input.jobId!)?.({ unused: true });
          return Promise.resolve({ ok: true, value: null });
        }
        if (channel === 'report.presentation') {
          const value = { of: (input as { solution: { tag?: string } }).solution.tag };
          if (!holdPresentations) return Promise.resolve({ ok: true, value });
          return new Promise((resolve) => heldPresentations.push(() => resolve({ ok: true, value })));
        }
        const empty = ['catalog.models', 'plan.recent'].includes(channel) ? [] : null;
        return Promise.resolve({ ok: true, value: empty });
      },
    },
  );
  const onEvent = (listener: (event: AppEvent) => void) => {
    emit = listener;
    return () => undefined;
  };
  window.powervmSizer = { invoke, onEvent } as never;
});
afterEach(() => {
  vi.useRealTimers();
  delete window.powervmSizer;
});

const solves = () => calls.filter((call) => call.channel === 'solver.solve');
const cancels = () => calls.filter((call) => call.channel === 'solver.cancel');

describe('solving from the wizard', () => {
  it('starts one solve when Solve is clicked before the automatic solve of the last edit was due', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const view = shallowMount(WizardView, { global: { plugins: [i18n] } });
    const plan = usePlanStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '12', memoryGiB: '64' })));
    await flushPromises();
    expect(plan.plan).not.toBeNull();
    await view.get('[data-testid="solve"]').trigger('click');
    vi.advanceTimersByTime(2_000);
    await flushPromises();
    expect(solves()).toHaveLength(1);
    expect(cancels()).toHaveLength(0);
  });

  it('does not solve again by itself a plan it has just solved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    shallowMount(WizardView, { global: { plugins: [i18n] } });
    const plan = usePlanStore();
    const solutions = useSolutionStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '12', memoryGiB: '64' })));
    await flushPromises();
    void solutions.solve(plan.plan!);
    vi.advanceTimersByTime(300);
    await flushPromises();
    // Solved before the automatic solve was due: that one has nothing left to do.
    answers.get(solves()[0]!.input.jobId!)!({ stats: { method: 'portfolio', heuristicMs: 90, exactMs: null } });
    await flushPromises();
    expect(solutions.running).toBeNull();
    vi.advanceTimersByTime(2_000);
    await flushPromises();
    expect(solves()).toHaveLength(1);
  });

  it('keeps a solve running without a gap while a newer plan replaces the one being solved', async () => {
    const solutions = useSolutionStore();
    const states: (string | null)[] = [];
    watch(
      () => solutions.running,
      (running) => states.push(running),
      { flush: 'sync' },
    );
    const first = { name: 'first' } as unknown as PlanFile;
    const second = { name: 'second' } as unknown as PlanFile;
    void solutions.solve(first);
    void solutions.solve(second);
    await flushPromises();
    expect(cancels().map((call) => call.input.jobId)).toEqual([solves()[0]!.input.jobId]);
    expect(states.slice(0, 2).every((state) => state !== null)).toBe(true);
    expect(solutions.running).toBe(solves()[1]!.input.jobId);
    expect(solutions.isCurrent(second)).toBe(true);
    expect(solutions.isCurrent(first)).toBe(false);
  });

  it('says how long the last solve took, and that the results are out of date once a large plan changes', async () => {
    const view = shallowMount(WizardView, { global: { plugins: [i18n] } });
    const plan = usePlanStore();
    const solutions = useSolutionStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'web', cpuValue: '2', memoryGiB: '8', count: '150' })));
    await flushPromises();
    const solving = solutions.solve(plan.plan!);
    await flushPromises();
    answers.get(solves()[0]!.input.jobId!)!({
      stats: { method: 'portfolio', heuristicMs: 4230, exactMs: null, firstFeasibleMs: 180 },
    });
    await solving;
    await flushPromises();
    expect(view.get('[data-testid="last-solve"]').text()).toBe('Solved in 4.2 s, the first answer after 0.2 s.');
    plan.edit(() => (plan.rows[0]!.count = '151'));
    await flushPromises();
    expect(view.find('[data-testid="last-solve"]').exists()).toBe(false);
    expect(view.get('[data-testid="results-stale"]').text()).toContain('solve again');
  });

  it('keeps the final answer when the solve’s first answer reaches the page after it', async () => {
    const solutions = useSolutionStore();
    const plan = { name: 'p' } as unknown as PlanFile;
    holdPresentations = true;
    const solving = solutions.solve(plan);
    await flushPromises();
    const jobId = solves()[0]!.input.jobId!;
    answers.get(jobId)!({ tag: 'final', stats: { method: 'portfolio', heuristicMs: 10, exactMs: null } });
    await flushPromises();
    // The browser mode sends progress on another channel than replies: the first answer can come in last.
    emit({
      type: 'solver.progress',
      jobId,
      fraction: 0.3,
      message: { code: 'solver.progress.searching', params: {} },
      solution: { tag: 'interim', interim: true },
    } as unknown as AppEvent);
    for (const give of heldPresentations) give();
    await solving;
    await flushPromises();
    expect((solutions.solution as unknown as { tag: string }).tag).toBe('final');
    expect(solutions.presentation).toEqual({ of: 'final' });
  });

  it('replaces an automatic solve of an earlier version of the plan at once when Solve is clicked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const view = shallowMount(WizardView, { global: { plugins: [i18n] } });
    const plan = usePlanStore();
    const solutions = useSolutionStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '12', memoryGiB: '64' })));
    await flushPromises();
    vi.advanceTimersByTime(700);
    await flushPromises();
    expect(solves()).toHaveLength(1);
    plan.edit(() => (plan.rows[0]!.cpuValue = '16'));
    await flushPromises();
    await view.get('[data-testid="solve"]').trigger('click');
    await flushPromises();
    expect(cancels().map((call) => call.input.jobId)).toEqual([solves()[0]!.input.jobId]);
    expect(solves()).toHaveLength(2);
    expect(solutions.isCurrent(plan.plan!)).toBe(true);
    vi.advanceTimersByTime(2_000);
    await flushPromises();
    expect(solves()).toHaveLength(2);
  });
});
