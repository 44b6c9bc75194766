import { useLocaleSwitch, useT } from '@/i18n';

/** Toggles the UI between Korean and English (persisted in localStorage). */
export function LanguageSwitch() {
  const t = useT();
  const { locale, toggle } = useLocaleSwitch();
  const target = locale === 'ko' ? 'en' : 'ko';
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={toggle}
      data-testid="lang-switch"
      data-locale={locale}
      lang={target}
      aria-label={t('lang.switchTo')}
    >
      {target === 'en' ? 'English' : '한국어'}
    </button>
  );
}
