// Texts of the presentation model (message codes, or sentences while a producer still writes them) in the
// interface's language, and money always with its currency: the screen says what the report says (report/say.ts is
// the one code both use, so servers and configurations are named alike and IBM's quotations marked alike).
import { useI18n } from 'vue-i18n';
import { type MessagePart, sayParts, sayText } from '../../../src-main/common';
import { languageOf } from '../i18n';
import type { Presentation } from '../../../src-main/ipc/contract';
import { useSolutionStore } from '../stores/solution';

export type PresentationText = Presentation['explanations'][number];
export type Money = NonNullable<Presentation['totals']['cost']>;

export function useSay() {
  const { locale, n } = useI18n();
  const solutions = useSolutionStore();
  const terms = () => solutions.presentation?.terms ?? {};
  /** The text in the interface's language: "server-2" reads "Server 2" / "服务器 2", configuration ids their names. */
  const say = (text: PresentationText): string => sayText(text, languageOf(locale.value), terms());
  /** The same as runs, IBM's verbatim quotations apart so that they can be marked lang="en". */
  const parts = (text: PresentationText): MessagePart[] => sayParts(text, languageOf(locale.value), terms());
  /** "154,560 EUR"; unknown is "—", never 0. */
  const money = (value: Money | null | undefined): string =>
    value === null || value === undefined
      ? '—'
      : `${n(value.amount, { maximumFractionDigits: 0 })}${value.currency ? ` ${value.currency}` : ''}`;
  return { say, parts, money };
}
