// Texts of the presentation model (message codes, or sentences while a producer still writes them) in the
// interface's language, and money always with its currency: the screen says what the report says.
import { useI18n } from 'vue-i18n';
import { type Language, formatMessage } from '../../../src-main/common';
import type { Presentation } from '../../../src-main/ipc/contract';

export type PresentationText = Presentation['explanations'][number];
export type Money = NonNullable<Presentation['totals']['cost']>;

export function useSay() {
  const { locale, n } = useI18n();
  const say = (text: PresentationText): string => (typeof text === 'string' ? text : formatMessage(text, locale.value as Language));
  /** "154,560 EUR"; unknown is "—", never 0. */
  const money = (value: Money | null | undefined): string =>
    value === null || value === undefined ? '—' : `${n(value.amount, { maximumFractionDigits: 0 })}${value.currency ? ` ${value.currency}` : ''}`;
  return { say, money };
}
