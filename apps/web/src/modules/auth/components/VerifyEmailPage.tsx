import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useT } from '@/i18n';
import { hasErrorCode } from '@/shared/forms';
import { useViewer, ViewerQuery } from '@/shared/session';
import { LoadingState } from '@/shared/ui/LoadingState';
import { VerifyEmailMutation } from '../graphql/operations';

type Outcome = { kind: 'verified'; email: string } | { kind: 'failed'; message: string } | { kind: 'missing' };

/** `/verify-email?token=…`, the link of the verification mail: uses it once, then refreshes `me` or offers to sign in. */
export function VerifyEmailPage() {
  const t = useT();
  const client = useClient();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token')?.trim() ?? '';
  const { signedIn, restoring, viewer } = useViewer();
  const [, verifyEmail] = useMutation(VerifyEmailMutation);
  const [outcome, setOutcome] = useState<Outcome | null>(token ? null : { kind: 'missing' });
  const started = useRef(false);

  useEffect(() => {
    // Wait for the stored session: the client is replaced when it starts, and the viewer must be refetched on the new one.
    if (!token || started.current || restoring) return;
    started.current = true;
    // `User` names what changed, so the cached viewer (banner, gated actions) is fetched again.
    void verifyEmail({ token }, { additionalTypenames: ['User'] }).then(async (result) => {
      if (result.data) {
        setOutcome({ kind: 'verified', email: result.data.verifyEmail.email });
        // A viewer read in flight during the verification may be older than it. urql does not send a
        // query whose twin is in flight (it answers with the twin's result), so read once more after it.
        for (let attempt = 0; signedIn && attempt < 2; attempt++) {
          const read = await client.query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
          if (read.data?.me.user.emailVerified) break;
        }
      } else {
        const badLink = hasErrorCode(result.error, 'BAD_USER_INPUT');
        setOutcome({ kind: 'failed', message: badLink ? t('verifyEmail.invalid') : t('verifyEmail.error') });
      }
    });
  }, [token, restoring, signedIn, verifyEmail, client, t]);

  if (!outcome || restoring) return <LoadingState label={t('verifyEmail.working')} />;

  // A link used twice (or an older one) fails, but a signed-in, verified user has nothing left to do.
  const alreadyVerified = outcome.kind !== 'verified' && viewer?.user.emailVerified === true;
  return (
    <div className="page page--narrow">
      <h1>{t('verifyEmail.title')}</h1>
      {outcome.kind === 'verified' ? (
        <p className="alert alert--success" role="status" data-testid="verify-email-done">
          {t('verifyEmail.done', { email: outcome.email })}
        </p>
      ) : alreadyVerified ? (
        <p className="alert alert--success" role="status" data-testid="verify-email-already">
          {t('verifyEmail.already')}
        </p>
      ) : (
        <p className="alert alert--error" role="alert" data-testid="verify-email-failed">
          {outcome.kind === 'missing' ? t('verifyEmail.missing') : outcome.message}
        </p>
      )}
      {signedIn ? (
        <Link to="/" className="button" data-testid="verify-email-continue">
          {t('auth.continue')}
        </Link>
      ) : (
        <Link to="/signin" className="button" data-testid="verify-email-signin">
          {t('signUp.toSignIn')}
        </Link>
      )}
    </div>
  );
}
