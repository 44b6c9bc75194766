import { useMemo } from 'react';
import { useLocale } from '@/i18n';

/** ISO 639-1 code → language name in the UI language (`ko` → 한국어 / Korean). */
export function useLanguageNames(): (code: string) => string {
  const locale = useLocale();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale === 'ko' ? 'ko-KR' : 'en-US'], { type: 'language' });
    } catch {
      names = null;
    }
    return (code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}
