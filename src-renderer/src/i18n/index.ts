import { createI18n } from 'vue-i18n';
import { LANGUAGES, type Language } from '../../../src-main/common';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Locale = Language;
/** The language of the main process's messages and reports for an interface locale; English when unknown. */
export function languageOf(locale: string | null | undefined): Language {
  return LANGUAGES.find((language) => language === locale) ?? 'en';
}
export const LOCALES: Array<{ code: Locale; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
];

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('powervm-sizer-locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: languageOf(saved),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
  numberFormats: {
    en: { decimal: { maximumFractionDigits: 1 }, integer: { maximumFractionDigits: 0 } },
    'zh-CN': { decimal: { maximumFractionDigits: 1 }, integer: { maximumFractionDigits: 0 } },
  },
  // Catalog dates are calendar days (ISO yyyy-mm-dd): shown in UTC so no time zone moves them a day.
  datetimeFormats: {
    en: { day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } },
    'zh-CN': { day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } },
  },
});
