import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import { AcceptInvitationMutation } from '../graphql/operations';
import { InvitationNotice } from './InvitationNotice';

const NO_PATHS = [] as const;
const ignoreEmail = () => undefined;

/** A signed-in user opened an invitation link: join with the current account. */
export function AcceptInvitationPanel({ token }: { token: string }) {
  const t = useT();
  const navigate = useNavigate();
  const form = useFormErrors<string>(NO_PATHS);
  const [{ fetching }, accept] = useMutation(AcceptInvitationMutation);

  const onAccept = async () => {
    form.clear();
    const result = await accept({ token });
    if (result.data) {
      // The Viewer query (memberships) is refetched by the document cache, which
      // invalidates queries mentioning the Membership/Organization types.
      await navigate(`/organization?org=${encodeURIComponent(result.data.acceptInvitation.organization.id)}`, {
        replace: true,
      });
    } else {
      form.setError(result.error);
    }
  };

  return (
    <div className="card" data-testid="invitation-panel">
      <InvitationNotice token={token} onEmail={ignoreEmail} />
      <p>{t('invitation.signedInLead')}</p>
      <FormAlert summary={form.summary} />
      <div className="form__actions">
        <button type="button" className="button" onClick={() => void onAccept()} disabled={fetching} data-testid="invitation-accept">
          {t('invitation.accept')}
        </button>
      </div>
    </div>
  );
}
