import { BadgeCheck } from 'lucide-react';
import { useLocale, useT } from '@/i18n';

/** What a chip needs: `Organization.certifications` (verified by the association, not expired). */
export interface CertificationChip {
  conceptId: string;
  labelKo: string;
  labelEn: string;
  expiresOn?: string | null;
}

/**
 * The certifications the association verified (벤처기업, 이노비즈 …), as small chips next to an
 * organization's name wherever it is shown. Nothing when there are none.
 */
export function CertificationChips({
  certifications,
  testId = 'cert-chips',
}: {
  certifications: readonly CertificationChip[] | null | undefined;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (!certifications?.length) return null;
  return (
    <ul className="cert-chips" aria-label={t('certification.chips')} data-testid={testId}>
      {certifications.map((c) => (
        <li
          key={c.conceptId}
          className="cert-chip"
          data-testid="cert-chip"
          data-concept={c.conceptId}
          title={c.expiresOn ? t('certification.chipUntil', { date: c.expiresOn }) : t('certification.chipVerified')}
        >
          <BadgeCheck aria-hidden="true" size={14} className="cert-chip__icon" /> {locale === 'ko' ? c.labelKo : c.labelEn}
        </li>
      ))}
    </ul>
  );
}

/**
 * A supply listing's declared certifications: "검증됨" next to each one the organization holds
 * verified, "자기 신고" next to the rest (the listing states it, the association has not checked it).
 */
export function DeclaredCertification({
  conceptId,
  verified,
}: {
  conceptId: string;
  verified: readonly CertificationChip[] | null | undefined;
}) {
  const t = useT();
  const held = verified?.some((c) => c.conceptId === conceptId) ?? false;
  return (
    <span
      className={held ? 'cert-declared cert-declared--verified' : 'cert-declared'}
      data-testid="cert-declared"
      data-concept={conceptId}
      data-verified={held}
    >
      {held ? t('certification.declaredVerified') : t('certification.declaredSelf')}
    </span>
  );
}
