import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { ApiError } from '../api/client';
import { type Locale, i18n } from '../i18n';

export type Theme = 'light' | 'dark';
export const WIZARD_STEPS = ['workloads', 'targets', 'results'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const useUiStore = defineStore('ui', () => {
  const theme = ref<Theme>(localStorage.getItem('powervm-sizer-theme') === 'dark' ? 'dark' : 'light');
  const locale = ref<Locale>(i18n.global.locale.value as Locale);
  const error = ref<{ message: string; path?: string; details: string[] } | null>(null);
  /** The wizard's step survives a visit to another view (the view is rebuilt, the store is not). */
  const wizardStep = ref<WizardStep>('workloads');

  watch(
    theme,
    (value) => {
      document.documentElement.dataset.theme = value;
      localStorage.setItem('powervm-sizer-theme', value);
    },
    { immediate: true },
  );
  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value;
      document.documentElement.lang = value;
      localStorage.setItem('powervm-sizer-locale', value);
    },
    { immediate: true },
  );

  function showError(caught: unknown): void {
    if (caught instanceof ApiError)
      error.value = { message: caught.message, ...(caught.path ? { path: caught.path } : {}), details: caught.details };
    else error.value = { message: caught instanceof Error ? caught.message : String(caught), details: [] };
  }

  return { theme, locale, error, wizardStep, showError, clearError: () => (error.value = null) };
});
