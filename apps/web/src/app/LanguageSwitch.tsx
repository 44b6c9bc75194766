import { Languages } from 'lucide-react';
import { useMutation } from 'urql';
import { useLocaleSwitch, useT } from '@/i18n';
import { UpdateMyLocaleMutation } from '@/modules/auth';
import { useSession } from '@/shared/session';

/**
 * Toggles the UI between Korean and English (persisted in localStorage) and, when signed in,
 * saves the choice to the account so e-mails and notifications follow it.
 */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocaleSwitch();
  const session = useSession();
  const [, saveLocale] = useMutation(UpdateMyLocaleMutation);
  const target = locale === 'ko' ? 'en' : 'ko';
  const onClick = () => {
    setLocale(target);
    if (session.status === 'authenticated') void saveLocale({ locale: target === 'en' ? 'EN' : 'KO' });
  };
  return (
    <button
      type="button"
      className="button button--ghost button--small lang-switch"
      onClick={onClick}
      data-testid="lang-switch"
      data-locale={locale}
      lang={target}
      aria-label={t('lang.switchTo')}
    >
      <Languages aria-hidden="true" size={16} />
      {target === 'en' ? 'EN' : '한국어'}
    </button>
  );
}
