// Texts of the presentation model (message codes, or sentences while a producer still writes them) in the
// interface's language, and money always with its currency: the screen says what the report says.
import { useI18n } from 'vue-i18n';
import { type Language, formatMessage } from '../../../src-main/common';
import type { Presentation } from '../../../src-main/ipc/contract';

export type PresentationText = Presentation['explanations'][number];
export type Money = NonNullable<Presentation['totals']['cost']>;

export function useSay() {
  const { locale, n } = useI18n();
  /** A parameter naming a server by its id ("server-2") reads "Server 2" / "服务器 2", as in the report (report/model.ts). */
  const say = (text: PresentationText): string => {
    if (typeof text === 'string') return text;
    const language = locale.value as Language;
    const params = Object.fromEntries(
      Object.entries(text.params).map(([key, value]) => {
        const server = typeof value === 'string' ? /^server-(\d+)$/.exec(value) : null;
        return [
          key,
          server
            ? formatMessage({ code: 'report.server-name', params: { number: Number(server[1]) } }, language)
            : value,
        ];
      }),
    );
    return formatMessage({ code: text.code, params }, language);
  };
  /** "154,560 EUR"; unknown is "—", never 0. */
  const money = (value: Money | null | undefined): string =>
    value === null || value === undefined
      ? '—'
      : `${n(value.amount, { maximumFractionDigits: 0 })}${value.currency ? ` ${value.currency}` : ''}`;
  return { say, money };
}
