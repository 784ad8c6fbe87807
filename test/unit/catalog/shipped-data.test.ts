import { describe, expect, it } from 'vitest';
import { TARGET_GENERATIONS } from '../../../src-main/catalog';
import { readShippedCatalog } from '../../../src-main/platform';
import { resourcesDir } from '../../support/temp';

describe('the shipped catalog data', async () => {
  const catalog = await readShippedCatalog(resourcesDir);

  it('covers POWER9, POWER10 and POWER11 targets and POWER7/7+/8 source systems', () => {
    const targets = new Set(catalog.models.filter((model) => model.role === 'target').map((model) => model.generation));
    const sources = new Set(catalog.models.filter((model) => model.role === 'source').map((model) => model.generation));
    expect(targets).toEqual(new Set(TARGET_GENERATIONS));
    expect(sources).toEqual(new Set(['POWER7', 'POWER7+', 'POWER8']));
  });

  it('gives every model at least one source and every figure a source the model lists', () => {
    for (const model of catalog.models) {
      expect(model.sources.length, model.id).toBeGreaterThan(0);
      const ids = new Set(model.sources.map((source) => source.id));
      const figures = [
        model.maxMemoryGiB,
        model.pcieSlots,
        model.maxPartitions,
        ...model.configurations.flatMap((each) => [each.rperf, each.cpw]),
      ];
      for (const figure of figures) {
        if (figure === null) continue;
        expect(figure.provenance.kind, model.id).toBe('published');
        if (figure.provenance.kind === 'published')
          expect(ids.has(figure.provenance.sourceId), `${model.id} ${figure.provenance.sourceId}`).toBe(true);
      }
    }
  });

  it('has no configuration without cores and unique ids', () => {
    const ids = catalog.models.flatMap((model) => model.configurations.map((configuration) => configuration.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of catalog.models)
      for (const configuration of model.configurations) expect(configuration.totalCores).toBeGreaterThan(0);
  });

  it('keeps the published figures exactly as the reference gives them', () => {
    const s1024 = catalog.models.find((model) => model.id === '9105-42A');
    expect(s1024?.configurations.map((configuration) => configuration.rperf?.value)).toEqual([
      415.7, 810.6, 1013.4, 1331.8,
    ]);
    const s914 = catalog.models.find((model) => model.id === '9009-41A');
    expect(s914?.configurations[0]?.cpw?.value).toBe(52500);
    // No POWER10 CPW is published; the catalog does not invent one.
    const power10Cpw = catalog.models
      .filter((model) => model.generation === 'POWER10')
      .flatMap((model) => model.configurations)
      .filter((configuration) => configuration.cpw !== null);
    expect(power10Cpw).toEqual([]);
  });

  it('says that Power10 has one included edition and that Power11 ships Enterprise (EPVT) or Enterprise without LPM (EPV0)', () => {
    const power10 = catalog.editions.filter((edition) => edition.generation === 'POWER10');
    expect(power10.map((edition) => [edition.name, edition.included])).toEqual([['Enterprise', true]]);
    // Power11 scale-out Redbook, Table 2-2 (review entry 18).
    const power11 = catalog.editions.filter((edition) => edition.generation === 'POWER11');
    // Scale-out (S1122/S1124/L1122/L1124): EPVT or EPV0; E1150/E1180: Enterprise included, inferred from S1 (2023).
    expect(
      power11.map((edition) => [
        edition.featureCode,
        edition.included,
        edition.features.lpm,
        edition.models?.length ?? 0,
      ]),
    ).toEqual([
      [null, true, null, 0],
      ['EPVT', true, true, 4],
      ['EPV0', true, false, 4],
    ]);
    expect(catalog.generationNotes.POWER11?.status).toBe('published');
  });
});
