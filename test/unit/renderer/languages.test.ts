// The interface's languages are the shared LANGUAGES: every one has its messages, formats, picker entry and
// catalog text, and any locale outside them reads English.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src-main/common';
import { languageOf as systemLanguageOf } from '../../../src-main/electron/shell-config';
import { FEATURE_NAMES, LIST_SEPARATOR, catalogNote } from '../../../src-renderer/src/i18n/catalog-text';
import { LOCALES, i18n, languageOf } from '../../../src-renderer/src/i18n';

describe('the interface languages', () => {
  it('are the shared list, each with messages, formats and a name in the picker', () => {
    expect(LOCALES.map((each) => each.code)).toEqual([...LANGUAGES]);
    for (const language of LANGUAGES) {
      expect(Object.keys(i18n.global.messages.value), language).toContain(language);
      expect(i18n.global.getNumberFormat(language), language).toHaveProperty('decimal');
      expect(i18n.global.getDateTimeFormat(language), language).toHaveProperty('day');
      expect(LIST_SEPARATOR[language], language).toBeDefined();
      if (language !== 'en') expect(FEATURE_NAMES[language], language).toBeDefined();
    }
  });

  it('read an unknown or missing locale as English', () => {
    expect(languageOf('zh-CN')).toBe('zh-CN');
    expect(languageOf('fr')).toBe('en');
    expect(languageOf(null)).toBe('en');
    expect(catalogNote('a note only in English', 'zh-CN')).toBeNull();
    expect(catalogNote('a note only in English', 'en')).toBe('a note only in English');
  });

  it('follow the system locale by its primary language in the desktop app', () => {
    expect(systemLanguageOf('zh-Hans-CN')).toBe('zh-CN');
    expect(systemLanguageOf('zh_TW')).toBe('zh-CN');
    expect(systemLanguageOf('ZH')).toBe('zh-CN');
    expect(systemLanguageOf('en-GB')).toBe('en');
    expect(systemLanguageOf('fr-FR')).toBe('en');
    expect(systemLanguageOf('')).toBe('en');
  });
});
