import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  MESSAGE_CATALOGS,
  formatMessage,
  formatMessageParts,
  msg,
  placeholdersOf,
} from '../../../src-main/common';

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

describe('plural words and quotations in templates', () => {
  it('pick the word for the count, so that one core is not "1 cores"', () => {
    for (const [cores, expected] of [
      [1, 'Power S1012 · 1 core'],
      [4, 'Power S1012 · 4 cores'],
      [0.5, 'Power S1012 · 0.5 cores'],
    ] as const)
      expect(formatMessage(msg('report.configuration', { model: 'Power S1012', cores }), 'en')).toBe(expected);
    expect(formatMessage(msg('report.configuration', { model: 'Power S1012', cores: 1 }), 'zh-CN')).toBe(
      'Power S1012 · 1 核',
    );
  });

  it('keep IBM’s quoted words apart from the translated ones, so a renderer can mark them as English', () => {
    const parts = formatMessageParts(
      msg('catalog.os-not-supported', {
        where: 'Power E1050',
        os: 'IBM i',
        quote: 'IBM i is not supported on IBM E1050 and E1150 system types.',
        source: 'IBM Cloud docs',
      }),
      'zh-CN',
    );
    expect(parts.filter((part) => part.quotation).map((part) => part.text)).toEqual([
      'IBM i is not supported on IBM E1050 and E1150 system types.',
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(
      'Power E1050 不支持运行 IBM i：IBM 原文为“IBM i is not supported on IBM E1050 and E1150 system types.”（IBM Cloud docs）',
    );
  });

  it('write every English plural choice as {name|one|other} of a parameter the template uses', () => {
    for (const catalog of MESSAGE_CATALOGS)
      for (const [code, template] of Object.entries(catalog.en))
        for (const match of template.matchAll(/\{(\w+)\|[^{}]*\}/g))
          expect(placeholdersOf(template), code).toContain(match[1]);
  });
});
