import type { UiLocale } from '@/i18n';

/** The text in the UI language when the listing has it, else the Korean original. */
export function localized(ko: string, en: string | null | undefined, locale: UiLocale): { text: string; lang: 'ko' | 'en' } {
  return locale === 'en' && en ? { text: en, lang: 'en' } : { text: ko, lang: 'ko' };
}
