import { describe, expect, it } from 'vitest';
import { formatMessage, msg, sayText } from '../../../src-main/common';
import { groupDetails } from '../../../src-main/report/presentation';

const quote = 'IBM i is not supported on IBM E1050 and E1150 system types.';
const notIbmi = (cores: number) =>
  msg('catalog.os-not-supported', { where: `Power E1050 ${cores}-core`, os: 'IBM i', quote, source: 'IBM Cloud docs' });

describe('reasons a workload is not placed, one line per rule', () => {
  it('names the candidates a rule blocks in one line, and keeps different rules apart', () => {
    const other = msg('catalog.no-figure', {
      where: 'Power S1014 8-core',
      figure: 'CPW',
      model: 'Power S1014',
      configuration: '9105-41B/3.0/1s/8c',
    });
    const grouped = groupDetails([notIbmi(24), notIbmi(36), other, notIbmi(48)]);
    expect(grouped).toHaveLength(2);
    expect(grouped[0]).toEqual(
      msg('catalog.os-not-supported', {
        where: 'Power E1050 24-core, Power E1050 36-core, Power E1050 48-core',
        os: 'IBM i',
        quote,
        source: 'IBM Cloud docs',
      }),
    );
    expect(grouped[1]).toEqual(other);
  });

  it('reads a grouped list through the terms, in each language', () => {
    const [grouped] = groupDetails([notIbmi(24), notIbmi(36)]);
    const terms = {
      'Power E1050 24-core, Power E1050 36-core': msg('report.configuration', {
        model: 'Power E1050',
        cores: '24, 36',
      }),
    };
    expect(sayText(grouped!, 'en', terms)).toMatch(/^Power E1050 · 24, 36 cores does not run IBM i/);
    expect(sayText(grouped!, 'zh-CN', terms)).toMatch(/^Power E1050 · 24, 36 核 不支持运行 IBM i/);
    expect(formatMessage(grouped as never, 'en')).toContain(quote);
  });
});

describe('names message parameters carry', () => {
  it('names feature keys, sources’ confidence and servers named with their model, in each language', () => {
    const deprecated = msg('catalog.edition-deprecated', {
      generation: 'POWER10',
      features: 'ams, suspendResume',
      source: 'S1 (medium)',
    });
    expect(sayText(deprecated, 'en')).toBe(
      'POWER10: Active Memory Sharing, Suspend and resume are deprecated PowerVM features, so not offered (S1 (medium confidence))',
    );
    expect(sayText(deprecated, 'zh-CN')).toContain('活动内存共享、挂起与恢复');
    expect(sayText(deprecated, 'zh-CN')).toContain('S1（中等可信度）');
    const moved = msg('catalog.migration-outage', {
      partition: 'api',
      sourceModel: 'Power System S924',
      sourceGeneration: 'POWER9',
      server: 'server-3 Power S1024',
      targetGeneration: 'POWER10',
    });
    expect(sayText(moved, 'en')).toContain('to Server 3 Power S1024 (POWER10)');
    expect(sayText(moved, 'zh-CN')).toContain('服务器 3 Power S1024');
    // A workload that happens to be called like a feature keeps its name.
    expect(sayText(msg('solver.unplaced.no-room', {}), 'en')).not.toContain('undefined');
    expect(
      sayText(msg('catalog.migration-native', { ...moved.params, partition: 'ams' }), 'en').startsWith('ams:'),
    ).toBe(true);
  });
});
