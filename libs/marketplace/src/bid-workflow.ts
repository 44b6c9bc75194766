/**
 * Bids (proposals) on a published demand, as data: statuses, who moves a bid from which status
 * to which, the decision window after which undecided bids expire, and the content rules
 * (amounts, milestones, covered elements, consortium). The API enforces them; the web reads
 * them to show the right buttons and the milestone editor's running total. Framework-free.
 */
import { type BidStatus, type ConsortiumRole, BID_LIMITS, CONSORTIUM_ROLES } from '@aimatch/contracts';

// Shared with the web through libs/contracts; re-exported so the API keeps one import for the bid rules.
export { BID_LIMITS, BID_STATUSES, CONSORTIUM_ROLES, LIVE_BID_STATUSES, type BidStatus, type ConsortiumRole } from '@aimatch/contracts';

export type BidAction = 'submit' | 'withdraw' | 'shortlist' | 'decline' | 'accept';
/** `bidder`: a member of the lead organization; `demandOwner`: a member of the demand's organization. */
export type BidActor = 'bidder' | 'demandOwner';
export type PartnerStatus = 'INVITED' | 'ACCEPTED' | 'DECLINED';

/** Submitted and waiting for the demand owner's decision. */
export const OPEN_BID_STATUSES: readonly BidStatus[] = ['SUBMITTED', 'SHORTLISTED'];
/** The bidder may change the content: freely as a draft, as a numbered revision once submitted (until shortlisted). */
export const EDITABLE_BID_STATUSES: readonly BidStatus[] = ['DRAFT', 'SUBMITTED'];
/** What other suppliers see as the number of bids on a demand: every bid that was submitted and not withdrawn. */
export const COUNTED_BID_STATUSES: readonly BidStatus[] = ['SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'EXPIRED'];

interface BidTransition {
  from: readonly BidStatus[];
  to: BidStatus;
  by: BidActor;
}

export const BID_TRANSITIONS: Readonly<Record<BidAction, BidTransition>> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', by: 'bidder' },
  withdraw: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'WITHDRAWN', by: 'bidder' },
  shortlist: { from: ['SUBMITTED'], to: 'SHORTLISTED', by: 'demandOwner' },
  decline: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'DECLINED', by: 'demandOwner' },
  accept: { from: ['SUBMITTED', 'SHORTLISTED'], to: 'ACCEPTED', by: 'demandOwner' },
};

export type BidTransitionCheck = { ok: true; to: BidStatus } | { ok: false; reason: 'wrong-actor' | 'wrong-status'; current: BidStatus };

export function checkBidTransition(status: BidStatus, action: BidAction, actor: BidActor): BidTransitionCheck {
  const t = BID_TRANSITIONS[action];
  if (t.by !== actor) return { ok: false, reason: 'wrong-actor', current: status };
  if (!t.from.includes(status)) return { ok: false, reason: 'wrong-status', current: status };
  return { ok: true, to: t.to };
}

/** Actions the actor may take now (for buttons). */
export function availableBidActions(status: BidStatus, actor: BidActor): BidAction[] {
  return (Object.keys(BID_TRANSITIONS) as BidAction[]).filter((a) => checkBidTransition(status, a, actor).ok);
}

/**
 * The decision window: the demand owner has this many days after the bid deadline to accept a
 * bid. A bid still SUBMITTED or SHORTLISTED after that is EXPIRED (and a DRAFT, which can no
 * longer be submitted, expires at the deadline itself). A demand without a deadline never
 * expires its bids.
 */
export const BID_DECISION_WINDOW_DAYS = 60;

export function bidDecisionDeadline(bidDeadline: Date | null): Date | null {
  return bidDeadline ? new Date(bidDeadline.getTime() + BID_DECISION_WINDOW_DAYS * 86_400_000) : null;
}

export interface BidMilestone {
  title: string;
  weeks: number;
  amountKrw: number;
}
export interface BidPartnerContent {
  organizationId: string;
  role: ConsortiumRole;
  sharePercent: number;
}
export interface BidContent {
  amountKrw: number;
  durationWeeks: number;
  approach: string;
  milestones: BidMilestone[];
  coveredConceptIds: string[];
  partners: BidPartnerContent[];
}

export interface BidViolation {
  path: string;
  rule: string;
  params?: Record<string, string | number>;
}

function integerIn(path: string, value: number, min: number, max: number, out: BidViolation[]): boolean {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    out.push({ path, rule: 'type', params: { expected: 'integer' } });
    return false;
  }
  if (value < min) out.push({ path, rule: 'min-value', params: { min } });
  else if (value > max) out.push({ path, rule: 'max-value', params: { max } });
  else return true;
  return false;
}

/**
 * Every content rule of a bid, all at once, with paths inside the input:
 * amount 1..100,000,000,000 KRW (whole won), duration 1..260 weeks, approach ≤ 10,000
 * characters, 1..20 milestones whose amounts sum to the total, covered elements among the
 * demand's requirement, ≤ 5 consortium partners (not the lead, no duplicates) whose shares
 * leave the lead at least 1 %.
 */
export function validateBidContent(
  c: BidContent,
  ctx: { requiredConceptIds: readonly string[]; leadOrganizationId: string },
): BidViolation[] {
  const out: BidViolation[] = [];
  const L = BID_LIMITS;
  const amountOk = integerIn('amountKrw', c.amountKrw, L.minAmountKrw, L.maxAmountKrw, out);
  integerIn('durationWeeks', c.durationWeeks, L.minWeeks, L.maxWeeks, out);
  if (!c.approach.trim()) out.push({ path: 'approach', rule: 'required' });
  else if (c.approach.length > L.maxApproachChars) out.push({ path: 'approach', rule: 'max-length', params: { max: L.maxApproachChars } });

  if (c.milestones.length === 0) out.push({ path: 'milestones', rule: 'required' });
  else if (c.milestones.length > L.maxMilestones) out.push({ path: 'milestones', rule: 'max-items', params: { max: L.maxMilestones } });
  else {
    let sum = 0;
    let sumOk = true;
    c.milestones.forEach((m, i) => {
      if (!m.title.trim()) out.push({ path: `milestones.${i}.title`, rule: 'required' });
      else if (m.title.length > L.maxMilestoneTitleChars)
        out.push({ path: `milestones.${i}.title`, rule: 'max-length', params: { max: L.maxMilestoneTitleChars } });
      integerIn(`milestones.${i}.weeks`, m.weeks, L.minWeeks, L.maxWeeks, out);
      if (integerIn(`milestones.${i}.amountKrw`, m.amountKrw, L.minAmountKrw, L.maxAmountKrw, out)) sum += m.amountKrw;
      else sumOk = false;
    });
    if (amountOk && sumOk && sum !== c.amountKrw)
      out.push({ path: 'milestones', rule: 'sum-mismatch', params: { sum, total: c.amountKrw } });
  }

  const required = new Set(ctx.requiredConceptIds);
  if (c.coveredConceptIds.length > L.maxCovered) out.push({ path: 'coveredConceptIds', rule: 'max-items', params: { max: L.maxCovered } });
  else {
    c.coveredConceptIds.forEach((id, i) => {
      if (c.coveredConceptIds.indexOf(id) !== i) out.push({ path: `coveredConceptIds.${i}`, rule: 'duplicate' });
      else if (!required.has(id)) out.push({ path: `coveredConceptIds.${i}`, rule: 'not-a-requirement', params: { id } });
    });
  }

  if (c.partners.length > L.maxPartners) out.push({ path: 'partners', rule: 'max-items', params: { max: L.maxPartners } });
  else {
    let shares = 0;
    c.partners.forEach((p, i) => {
      if (p.organizationId === ctx.leadOrganizationId) out.push({ path: `partners.${i}.organizationId`, rule: 'not-allowed' });
      else if (c.partners.findIndex((o) => o.organizationId === p.organizationId) !== i)
        out.push({ path: `partners.${i}.organizationId`, rule: 'duplicate' });
      if (!CONSORTIUM_ROLES.includes(p.role))
        out.push({ path: `partners.${i}.role`, rule: 'enum', params: { allowed: CONSORTIUM_ROLES.join(', ') } });
      if (integerIn(`partners.${i}.sharePercent`, p.sharePercent, 1, 99, out)) shares += p.sharePercent;
    });
    if (shares > 99) out.push({ path: 'partners', rule: 'share-total', params: { max: 99 } });
  }
  return out;
}

/** The lead organization's share: what the partners leave. */
export function leadSharePercent(partners: readonly BidPartnerContent[]): number {
  return 100 - partners.reduce((s, p) => s + p.sharePercent, 0);
}
