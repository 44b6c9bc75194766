import { Link } from 'react-router';
import { useT } from '@/i18n';

/** After a sign-up that did not end signed in: the next step is the mail (verification or, for a known address, a notice). */
export function CheckMailboxPanel({ email }: { email: string }) {
  const t = useT();
  return (
    <div className="page page--narrow">
      <h1>{t('signUp.checkMailbox.title')}</h1>
      <p className="alert alert--info" role="status" data-testid="signup-check-mailbox">
        {t('signUp.checkMailbox.body', { email })}
      </p>
      <Link to="/signin" className="button">
        {t('signUp.toSignIn')}
      </Link>
    </div>
  );
}
