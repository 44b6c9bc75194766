/**
 * The listing review workflow as data: which action moves a listing from which status to
 * which, and who may take it. The API enforces it; the web reads it to show the right buttons.
 */
import type { ListingKind } from '@aimatch/capability-model';

export type ListingStatus =
  'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'REJECTED' | 'PUBLISHED' | 'PAUSED' | 'AWARDED' | 'COMPLETED' | 'CANCELLED' | 'ARCHIVED';

export type ListingAction =
  'submit' | 'approve' | 'reject' | 'requestChanges' | 'pause' | 'resume' | 'award' | 'complete' | 'cancel' | 'archive';

/** `owner`: a member of the owning organization; `staff`: association staff. */
export type ListingActor = 'owner' | 'staff';

interface Transition {
  from: readonly ListingStatus[];
  to: ListingStatus;
  by: ListingActor;
  kinds: readonly ListingKind[];
}

const BOTH: readonly ListingKind[] = ['DEMAND', 'SUPPLY'];
const ALL_BUT_ARCHIVED: readonly ListingStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'REJECTED',
  'PUBLISHED',
  'PAUSED',
  'AWARDED',
  'COMPLETED',
  'CANCELLED',
];

export const LISTING_TRANSITIONS: Readonly<Record<ListingAction, Transition>> = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'SUBMITTED', by: 'owner', kinds: BOTH },
  approve: { from: ['SUBMITTED'], to: 'PUBLISHED', by: 'staff', kinds: BOTH },
  reject: { from: ['SUBMITTED'], to: 'REJECTED', by: 'staff', kinds: BOTH },
  requestChanges: { from: ['SUBMITTED'], to: 'CHANGES_REQUESTED', by: 'staff', kinds: BOTH },
  pause: { from: ['PUBLISHED'], to: 'PAUSED', by: 'owner', kinds: BOTH },
  resume: { from: ['PAUSED'], to: 'PUBLISHED', by: 'owner', kinds: BOTH },
  award: { from: ['PUBLISHED'], to: 'AWARDED', by: 'owner', kinds: ['DEMAND'] },
  complete: { from: ['AWARDED'], to: 'COMPLETED', by: 'owner', kinds: ['DEMAND'] },
  /** The awarded project will not be delivered; the owner gives a reason. */
  cancel: { from: ['AWARDED'], to: 'CANCELLED', by: 'owner', kinds: ['DEMAND'] },
  archive: { from: ALL_BUT_ARCHIVED, to: 'ARCHIVED', by: 'owner', kinds: BOTH },
};

export type TransitionCheck =
  { ok: true; to: ListingStatus } | { ok: false; reason: 'wrong-actor' | 'wrong-kind' | 'wrong-status'; current: ListingStatus };

export function checkTransition(kind: ListingKind, status: ListingStatus, action: ListingAction, actor: ListingActor): TransitionCheck {
  const t = LISTING_TRANSITIONS[action];
  if (t.by !== actor) return { ok: false, reason: 'wrong-actor', current: status };
  if (!t.kinds.includes(kind)) return { ok: false, reason: 'wrong-kind', current: status };
  if (!t.from.includes(status)) return { ok: false, reason: 'wrong-status', current: status };
  return { ok: true, to: t.to };
}

/** Actions the actor may take now (for buttons). */
export function availableActions(kind: ListingKind, status: ListingStatus, actor: ListingActor): ListingAction[] {
  return (Object.keys(LISTING_TRANSITIONS) as ListingAction[]).filter((a) => checkTransition(kind, status, a, actor).ok);
}

/** Statuses in which the owner may edit the content. */
export const EDITABLE_STATUSES: readonly ListingStatus[] = ['DRAFT', 'CHANGES_REQUESTED', 'PUBLISHED', 'PAUSED'];

/** Statuses that everyone allowed to see the listing may see (others: owner and staff only). */
export const PUBLIC_STATUSES: readonly ListingStatus[] = ['PUBLISHED', 'AWARDED', 'COMPLETED', 'CANCELLED'];

/** Actions that need a reason (kept in the listing's event history). */
export const REASON_REQUIRED_ACTIONS: readonly ListingAction[] = ['reject', 'cancel'];

/**
 * Content keys whose change does not need another review: who to call and until when bids
 * are taken. Everything else is what other members read and compare, so an edit of a
 * published listing that touches it goes back to SUBMITTED.
 */
export const NON_MATERIAL_FIELDS: readonly string[] = ['contact', 'bidDeadline'];

export function materialChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !NON_MATERIAL_FIELDS.includes(k) && stableJson(before[k]) !== stableJson(after[k])).sort();
}

function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
