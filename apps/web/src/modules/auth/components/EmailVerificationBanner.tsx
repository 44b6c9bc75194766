import { useState } from 'react';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { summariseError } from '@/shared/forms';
import { useViewer } from '@/shared/session';
import { ResendVerificationEmailMutation } from '../graphql/operations';

/** For signed-in users whose e-mail is not verified yet: what it blocks, and a (limited) resend with its answer beside the button. */
export function EmailVerificationBanner() {
  const t = useT();
  const { viewer } = useViewer();
  const [{ fetching }, resend] = useMutation(ResendVerificationEmailMutation);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  if (viewer?.user.emailVerified !== false) return null;

  const onResend = async () => {
    setAnswer(null);
    const result = await resend({});
    if (result.data) {
      setAnswer({ ok: true, text: t('emailVerification.resent', { email: viewer.user.email }) });
    } else {
      const retryAfter = result.error?.graphQLErrors.find((e) => e.extensions?.['code'] === 'RATE_LIMITED')?.extensions?.['retryAfter'];
      const summary = summariseError(result.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
      setAnswer({
        ok: false,
        text:
          typeof retryAfter === 'number'
            ? t('emailVerification.limited', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) })
            : summary.general.join(' '),
      });
    }
  };

  return (
    <div className="alert alert--warning alert--with-action" role="status" data-testid="email-unverified-banner">
      <p>{t('emailVerification.banner')}</p>
      <span>
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={fetching}
          onClick={() => void onResend()}
          data-testid="email-resend"
        >
          {fetching ? t('common.working') : t('emailVerification.resend')}
        </button>{' '}
        {answer ? (
          <span role={answer.ok ? 'status' : 'alert'} data-testid={answer.ok ? 'email-resend-done' : 'email-resend-error'}>
            {answer.text}
          </span>
        ) : null}
      </span>
    </div>
  );
}
