import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/src/i18n';
import { classKey, confidenceKey, inOsOrder, osKey } from '../../../src-renderer/src/i18n/labels';

// Every message key the views name literally, read from the sources themselves.
const sources = import.meta.glob<string>('../../../src-renderer/src/**/*.{vue,ts}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const literalKeys = [
  ...new Set(
    Object.values(sources).flatMap((text) =>
      [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)].map((match) => match[1]!),
    ),
  ),
];

describe('the translations', () => {
  it('finds the keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it.each(['en', 'zh-CN'] as const)('has every key the interface uses in %s', (locale) => {
    const missing = literalKeys.filter((key) => !i18n.global.te(key, locale));
    expect(missing).toEqual([]);
  });

  it('has a label for every class, operating system and confidence in both languages', () => {
    const keys = [
      ...(['scale-out', 'midrange', 'enterprise'] as const).map(classKey),
      ...(['aix', 'ibmi', 'linux'] as const).map(osKey),
      ...(['high', 'medium', 'low'] as const).map(confidenceKey),
    ];
    for (const locale of ['en', 'zh-CN'] as const)
      expect(
        keys.filter((key) => !i18n.global.te(key, locale)),
        locale,
      ).toEqual([]);
    expect(i18n.global.t(classKey('scale-out'), {}, { locale: 'zh-CN' })).toBe('横向扩展');
  });

  it('lists operating systems in one fixed order', () => {
    expect(inOsOrder(['linux', 'aix', 'ibmi'])).toEqual(['aix', 'ibmi', 'linux']);
    expect(inOsOrder(['linux'])).toEqual(['linux']);
  });

  it('formats numbers and calendar days for the locale', () => {
    const { n, d } = i18n.global;
    expect(n(65536, {}, 'en')).toBe('65,536');
    expect(n(1331.8, { maximumFractionDigits: 1 }, 'zh-CN')).toBe('1,331.8');
    const day = new Date(Date.UTC(2022, 6, 12));
    expect(d(day, 'day', 'en')).toBe('Jul 12, 2022');
    expect(d(day, 'day', 'zh-CN')).toBe('2022年7月12日');
  });
});
