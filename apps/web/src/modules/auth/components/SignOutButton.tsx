import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { SignOutMutation } from '../graphql/operations';
import { endSession, forgetStoredRefreshToken, getRefreshToken } from '@/shared/session';

/** Header button: revokes the refresh token, clears the session and goes home. */
export function SignOutButton() {
  const t = useT();
  const navigate = useNavigate();
  const [, signOut] = useMutation(SignOutMutation);
  const [busy, setBusy] = useState(false);

  const onClick = async () => {
    setBusy(true);
    const refreshToken = getRefreshToken();
    // Synchronously: whatever happens next (even an immediate reload), the session is over.
    forgetStoredRefreshToken();
    // Best effort revocation; sent now, while the access token is still attached.
    if (refreshToken) void signOut({ refreshToken }).catch(() => undefined);
    // Leave protected pages first (rendered synchronously: router updates are
    // otherwise transitions, and a guard would bounce to /signin).
    await navigate('/', { flushSync: true });
    endSession('signed-out');
  };

  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={() => void onClick()}
      disabled={busy}
      data-testid="nav-signout"
    >
      {t('nav.signOut')}
    </button>
  );
}
