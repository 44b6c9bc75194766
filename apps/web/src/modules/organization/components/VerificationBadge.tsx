import type { VerificationStatus } from '@/generated/graphql';
import { useT } from '@/i18n';
import { verificationKey } from '../model/labels';

export function VerificationBadge({ status, testId = 'org-verification' }: { status: VerificationStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge--${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {t(verificationKey(status))}
    </span>
  );
}
