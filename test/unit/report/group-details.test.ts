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
