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
import type { SimpleMessageKey } from '@/i18n';

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
