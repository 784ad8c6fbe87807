import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGE_CATALOGS, formatMessage, msg, placeholdersOf } from '../../../src-main/common';

describe('message catalogs', () => {
  it('give every code a text in every language, with the same placeholders', () => {
    for (const catalog of MESSAGE_CATALOGS) {
      const codes = Object.keys(catalog.en).sort();
      for (const language of LANGUAGES) {
        expect(Object.keys(catalog[language]).sort(), language).toEqual(codes);
        for (const code of codes)
          expect(placeholdersOf(catalog[language][code]!), `${language} ${code}`).toEqual(
            placeholdersOf(catalog.en[code]!),
          );
      }
    }
  });

  it('never define one code in two areas', () => {
    const seen = new Set<string>();
    for (const catalog of MESSAGE_CATALOGS)
      for (const code of Object.keys(catalog.en)) {
        expect(seen.has(code), code).toBe(false);
        seen.add(code);
      }
  });

  it('fill parameters with numbers in the language’s format and show a missing one as a dash', () => {
    expect(formatMessage(msg('general.field-problem', { field: 'memoryGiB', problem: 1234.5 }), 'en')).toBe(
      'memoryGiB: 1,234.5',
    );
    expect(formatMessage(msg('general.field-problem', { field: '内存' }), 'zh-CN')).toBe('内存：—');
  });
});
