// The targets form reads its numeric fields back as the plan holds them: whole percents as fractions, an empty
// "maximum servers" as no limit, and an emptied target as the value it had.
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import TargetsForm from '../../../src-renderer/src/components/TargetsForm.vue';
import { i18n } from '../../../src-renderer/src/i18n';
import { usePlanStore } from '../../../src-renderer/src/stores/plan';

describe('the targets form', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('reads an empty maximum of servers as no limit, and keeps a target the user emptied', async () => {
    const form = mount(TargetsForm, { global: { plugins: [i18n] } });
    const plan = usePlanStore();
    await form.get('[data-testid="max-servers"]').setValue('3');
    expect(plan.constraints.maxServers).toBe(3);
    await form.get('[data-testid="max-servers"]').setValue('');
    expect(plan.constraints.maxServers).toBeNull();
    await form.get('[data-testid="target-cpu"]').setValue('65');
    expect(plan.constraints.targetCpuUtilization).toBe(0.65);
    await form.get('[data-testid="target-cpu"]').setValue('');
    expect(plan.constraints.targetCpuUtilization).toBe(0.65);
    expect((form.get('[data-testid="target-cpu"]').element as HTMLInputElement).value).toBe('65');
    await form.get('[data-testid="growth"]').setValue(' ');
    expect(plan.constraints.growthPerYear).toBe(0);
    expect(plan.undoStack).toHaveLength(3);
    await form.get('[data-testid="horizon"]').setValue('4.6');
    expect(plan.constraints.horizonYears).toBe(5);
  });
});
