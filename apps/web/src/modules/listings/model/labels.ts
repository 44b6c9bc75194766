import type {
  ChecklistAnswer,
  DemandVisibility,
  LabellingState,
  ListingAction,
  ListingKind,
  ListingStatus,
  OrganizationKind,
  ReviewDecision,
} from '@/generated/graphql';
import type { SimpleMessageKey, Translate, UiLocale } from '@/i18n';

export const LISTING_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'REJECTED',
  'PUBLISHED',
  'PAUSED',
  'AWARDED',
  'COMPLETED',
  'CANCELLED',
  'ARCHIVED',
] as const satisfies readonly ListingStatus[];

export const LISTING_KINDS = ['DEMAND', 'SUPPLY'] as const satisfies readonly ListingKind[];

export const statusKey = (status: ListingStatus): SimpleMessageKey => `listing.status.${status}`;
export const kindKey = (kind: ListingKind): SimpleMessageKey => `listing.kind.${kind}`;
export const actionKey = (action: ListingAction): SimpleMessageKey => `listing.action.${action}`;
export const actionDoneKey = (action: ListingAction): SimpleMessageKey => `listing.actionDone.${action}`;
export const labellingKey = (state: LabellingState): SimpleMessageKey => `listing.labelling.${state}`;
export const visibilityKey = (visibility: DemandVisibility): SimpleMessageKey => `listing.visibility.${visibility}`;
export const answerKey = (answer: ChecklistAnswer): SimpleMessageKey => `listing.answer.${answer}`;
export const decisionKey = (decision: ReviewDecision): SimpleMessageKey => `listing.decision.${decision}`;

/** Which listing kind an organization kind may create (the API answers FORBIDDEN otherwise). */
export function creatableKind(kind: OrganizationKind): ListingKind | null {
  if (kind === 'SME' || kind === 'PUBLIC_AGENCY') return 'DEMAND';
  if (kind === 'AI_SUPPLIER' || kind === 'SI_INTEGRATOR') return 'SUPPLY';
  return null;
}

export function parseKind(value: string | null | undefined): ListingKind | null {
  return value === 'DEMAND' || value === 'SUPPLY' ? value : null;
}

export function parseStatus(value: string | null | undefined): ListingStatus | null {
  return (LISTING_STATUSES as readonly string[]).includes(value ?? '') ? (value as ListingStatus) : null;
}

/** Korean amounts read in 만/억 units: 150,000,000 → "1억 5,000만". */
function koreanAmount(value: number): string {
  const group = new Intl.NumberFormat('ko-KR');
  if (value < 10_000) return group.format(value);
  const eok = Math.floor(value / 100_000_000);
  const man = Math.floor((value % 100_000_000) / 10_000);
  const rest = value % 10_000;
  const parts: string[] = [];
  if (eok > 0) parts.push(`${group.format(eok)}억`);
  if (man > 0) parts.push(`${group.format(man)}만`);
  if (rest > 0) parts.push(group.format(rest));
  return parts.join(' ');
}

/** An amount in KRW for reading: `1억 5,000만 원` / `KRW 150M`. */
export function formatKrw(value: number, locale: UiLocale): string {
  if (locale === 'ko') return `${koreanAmount(value)}원`;
  const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  return `KRW ${compact.format(value)}`;
}

/** A budget or price range; null when neither end is given. */
export function formatKrwRange(
  min: number | null | undefined,
  max: number | null | undefined,
  locale: UiLocale,
  t: Translate,
): string | null {
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (has(min) && has(max))
    return min === max ? formatKrw(min, locale) : t('money.range', { min: formatKrw(min, locale), max: formatKrw(max, locale) });
  if (has(min)) return t('money.from', { min: formatKrw(min, locale) });
  if (has(max)) return t('money.upTo', { max: formatKrw(max, locale) });
  return null;
}

/** Digits grouped by thousands as the user types (`1234567` → `1,234,567`); other text is left alone. */
export function groupDigits(value: string): string {
  const digits = value.replace(/[\s,]/g, '');
  if (!/^\d+$/.test(digits)) return value;
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text in the UI language when the listing has it, else the Korean original. */
export function localized(ko: string, en: string | null | undefined, locale: UiLocale): { text: string; lang: 'ko' | 'en' } {
  return locale === 'en' && en ? { text: en, lang: 'en' } : { text: ko, lang: 'ko' };
}
