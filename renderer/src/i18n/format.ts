import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeTag, resolveLanguage } from './createI18n';

export type Formatters = Readonly<{
  /** Clock time (bubbles). */
  time(epochMs: number): string;
  /** Clock time today, a short date otherwise (conversation list). */
  listTime(epochMs: number, now?: number): string;
  /** A whole day, for day separators. */
  day(epochMs: number): string;
  number(value: number): string;
  /** A byte count as B/KB/MB/GB with localised digits. */
  bytes(value: number): string;
  /** A full date and time. */
  dateTime(epochMs: number): string;
}>;

/** Intl formatters for one locale; dates and numbers follow the UI language, not the OS. */
export function createFormatters(locale: string): Formatters {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const day = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  return {
    time: (ms) => time.format(ms),
    listTime: (ms, now = Date.now()) =>
      new Date(ms).toDateString() === new Date(now).toDateString() ? time.format(ms) : short.format(ms),
    day: (ms) => day.format(ms),
    number: (value) => number.format(value),
    bytes: (value) => {
      let unit = 0;
      let amount = value;
      while (amount >= 1024 && unit < units.length - 1) {
        amount /= 1024;
        unit += 1;
      }
      return `${unit === 0 ? number.format(amount) : decimal.format(amount)} ${units[unit]}`;
    },
    dateTime: (ms) => full.format(ms),
  };
}

/** The formatters of the current UI language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeTag(resolveLanguage(i18n.language, []));
  return useMemo(() => createFormatters(locale), [locale]);
}
