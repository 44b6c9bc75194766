import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useLocale, useT } from '@/i18n';
import { InvitationPreviewQuery } from '../graphql/operations';

/**
 * On the sign-up page opened from an invitation link: "<기관명>에서 초대했습니다", and the invited
 * address (the API tells it only to the holder of the token). An invalid or revoked link says so.
 */
export function InvitationNotice({ token, onEmail }: { token: string; onEmail: (email: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [{ data, error }] = useQuery({ query: InvitationPreviewQuery, variables: { token } });
  const preview = data?.invitationPreview;
  useEffect(() => {
    if (preview) onEmail(preview.email);
  }, [preview, onEmail]);

  if (error && !preview) {
    return (
      <p className="field__error" role="alert" data-testid="invitation-invalid">
        {t('invitation.invalidLink')}
      </p>
    );
  }
  if (!preview) return null;
  const name = locale === 'en' && preview.organizationNameEn ? preview.organizationNameEn : preview.organizationNameKo;
  return (
    <p className="card" role="status" data-testid="invitation-notice">
      {t('invitation.invitedBy', { organization: name })}
    </p>
  );
}
