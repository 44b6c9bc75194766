import { useT } from '@/i18n';
import { TwoFactorSection } from './TwoFactorSection';
import { PasswordSection } from './PasswordSection';
import { ConsentSection } from './ConsentSection';
import { NotificationPreferencesSection } from '@/modules/notifications';
import { DataSection } from './DataSection';

/**
 * 내 계정: one page, one section per concern (two-factor, password, notifications, consents, personal data).
 * Each section is its own component in this folder, listed here in reading order.
 */
export function AccountPage() {
  const t = useT();
  return (
    <div className="account-page" data-testid="account-page">
      <h1>{t('account.title')}</h1>
      <TwoFactorSection />
      <PasswordSection />
      <NotificationPreferencesSection />
      <ConsentSection />
      <DataSection />
    </div>
  );
}
