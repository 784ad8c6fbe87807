import { describe, expect, it } from 'vitest';
import { compareEditions } from '../../../src-main/solver/editions';
import { EditionComparison, type EditionText } from '../../../src-main/solver/editions-schema';
import { sayText } from '../../../src-main/common';

/** What the engineer reads, in English. */
const english = (text: EditionText | null | undefined) => (text ? sayText(text, 'en') : '');
import { fixturePlan, shippedSnapshot } from '../../support/plans';

const catalog = await shippedSnapshot();
const prices = [
  {
    generation: 'POWER9' as const,
    edition: 'Standard',
    currency: 'EUR',
    pricePerCore: 500,
    maintenancePerCorePerYear: 100,
  },
  {
    generation: 'POWER9' as const,
    edition: 'Enterprise',
    currency: 'EUR',
    pricePerCore: 900,
    maintenancePerCorePerYear: 180,
  },
];

describe('comparing PowerVM editions for a plan', () => {
  it('finds Standard infeasible on POWER9 when a workload needs LPM, naming the feature and the workload', async () => {
    const comparison = EditionComparison.parse(
      await compareEditions(fixturePlan('power9-editions'), catalog, { prices }),
    );
    const power9 = comparison.generations.find((entry) => entry.generation === 'POWER9')!;
    expect(power9.minimalEdition).toBe('Enterprise');
    expect(power9.forcedBy).toEqual(['lpm']);
    const standard = power9.options.find((option) => option.edition === 'Standard')!;
    expect(standard.feasible).toBe(false);
    expect(standard.missingFeatures).toEqual(['lpm']);
    expect(standard.violations[0]).toMatchObject({ kind: 'feature', workloads: ['erp-db'] });
    expect(english(standard.violations[0]!.message)).toBe('Standard does not offer Live Partition Mobility');
    const enterprise = power9.options.find((option) => option.edition === 'Enterprise')!;
    expect(enterprise.feasible).toBe(true);
    expect(enterprise.recommended).toBe(true);
  });

  it('prices licensed cores plus maintenance over the horizon, and leaves the cost empty without a price', async () => {
    const plan = fixturePlan('power9-editions');
    const priced = await compareEditions(plan, catalog, { prices });
    const enterprise = priced.generations[0]!.options.find((option) => option.edition === 'Enterprise')!;
    expect(enterprise.cost).toBe(enterprise.licensedCores! * (900 + 180 * 3));
    expect(enterprise.currency).toBe('EUR');
    const unpriced = await compareEditions(plan, catalog, { prices: [] });
    const standard = unpriced.generations[0]!.options.find((option) => option.edition === 'Standard')!;
    expect(standard.cost).toBeNull();
    expect(english(standard.costNote)).toContain('no price entered');
  });

  it('says plainly when a generation has one included edition, and costs it at zero', async () => {
    const comparison = await compareEditions(fixturePlan('power9-editions'), catalog, { prices });
    const power10 = comparison.generations.find((entry) => entry.generation === 'POWER10')!;
    expect(english(power10.singleEditionNote)).toMatch(
      /^POWER10 offers one edition, Enterprise, included with every server/,
    );
    expect(power10.options).toHaveLength(1);
    expect(power10.options[0]).toMatchObject({ edition: 'Enterprise', included: true, cost: 0, recommended: true });
    expect(comparison.notes.map(english).join(' ')).toContain(
      'Enterprise Edition on both the source and the destination',
    );
  });

  it('what-if: without LPM, Standard becomes sufficient and the money saved shows', async () => {
    const plan = fixturePlan('power9-editions');
    const withLpm = await compareEditions(plan, catalog, { prices });
    const withoutLpm = await compareEditions(plan, catalog, { prices, withoutFeatures: ['lpm'] });
    const power9 = withoutLpm.generations.find((entry) => entry.generation === 'POWER9')!;
    expect(power9.minimalEdition).toBe('Standard');
    const standard = power9.options.find((option) => option.edition === 'Standard')!;
    expect(standard.feasible).toBe(true);
    expect(standard.recommended).toBe(true);
    const enterpriseBefore = withLpm.generations[0]!.options.find((option) => option.recommended)!;
    expect(standard.cost!).toBeLessThan(enterpriseBefore.cost!);
    expect(power9.options.find((option) => option.edition === 'Enterprise')!.adds).toContain('lpm');
  });

  // Power11 scale-out Redbook, Table 2-2: EPVT PowerVM Enterprise Edition, or EPV0 "Deactivation of LPM" (review #18).
  it('offers Power11 Enterprise Edition and says when a scale-out plan could take the LPM-deactivated EPV0', async () => {
    const base = fixturePlan('power9-editions');
    const plan = {
      ...base,
      workloads: base.workloads.map((workload) => ({
        ...workload,
        cpu: { kind: 'cores' as const, cores: 2 },
        features: [],
      })),
      constraints: { ...base.constraints, generations: ['POWER11' as const] },
    };
    const comparison = await compareEditions(plan, catalog, {});
    // Per generation: the Enterprise Edition included with every Power11 server; the EPVT/EPV0 choice is per model.
    expect(comparison.generations[0]!.options.map((option) => [option.edition, option.included])).toEqual([
      ['Enterprise', true],
    ]);
    expect(comparison.catalogNotes?.map((note) => note.code)).toContain('catalog.edition-lpm-free');
    const withLpm = await compareEditions(
      { ...plan, workloads: plan.workloads.map((workload) => ({ ...workload, features: ['lpm' as const] })) },
      catalog,
      {},
    );
    expect(withLpm.catalogNotes?.map((note) => note.code)).toContain('catalog.edition-lpm-needed');
  });
});
