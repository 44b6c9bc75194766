import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { en } from './en';
import { ko } from './ko';
import { getLocale, setLocale, subscribeLocale, toGraphqlLocale } from './locale-store';
import type { MessageKey, Messages, Translate, UiLocale } from './types';

export type { MessageKey, SimpleMessageKey, Translate, UiLocale } from './types';
export { LOCALES } from './types';
export { getLocale, setLocale, toGraphqlLocale } from './locale-store';

const catalogs: Record<UiLocale, Messages> = { ko, en };

const numberFormats: Record<UiLocale, Intl.NumberFormat> = { ko: new Intl.NumberFormat('ko-KR'), en: new Intl.NumberFormat('en-US') };

/** Numbers given to a message are grouped as the reader writes them (1,000, not 1000), except years (`{year}`, `{foundedYear}` …: 2019년, not 2,019년). */
const YEAR_PARAM = /^year$|Year$/;

function interpolate(template: string, params: Record<string, string | number> | undefined, locale: UiLocale): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return match;
    const value = params[name];
    return typeof value === 'number' && Number.isFinite(value) && !YEAR_PARAM.test(name)
      ? numberFormats[locale].format(value)
      : String(value);
  });
}

/** Whether `key` names a message (for keys built from data, e.g. a notification type). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ko, key);
}

export function translate(locale: UiLocale, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(catalogs[locale][key], params, locale);
}

/** Current UI locale (re-renders on change). */
export function useLocale(): UiLocale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}

/** The `Locale` enum value for GraphQL variables such as `Concept.label(locale:)`. */
export function useGraphqlLocale(): 'KO' | 'EN' {
  return toGraphqlLocale(useLocale());
}

/** Typed translation function for the current locale. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
}

export function useLocaleSwitch(): { locale: UiLocale; setLocale: (locale: UiLocale) => void; toggle: () => void } {
  const locale = useLocale();
  return useMemo(() => ({ locale, setLocale, toggle: () => setLocale(locale === 'ko' ? 'en' : 'ko') }), [locale]);
}

/** Locale-aware formatting helpers. */
export function useFormatters(): { date: (iso: string) => string; number: (value: number) => string } {
  const locale = useLocale();
  return useMemo(() => {
    const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
    const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    const numberFormat = new Intl.NumberFormat(tag);
    return {
      date: (iso: string) => {
        const value = new Date(iso);
        return Number.isNaN(value.getTime()) ? iso : dateFormat.format(value);
      },
      number: (value: number) => numberFormat.format(value),
    };
  }, [locale]);
}
