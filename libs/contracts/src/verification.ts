/** Organization verification by the association, shared by api and web. */

/** What staff decide on a verification request. */
export enum VerificationDecision {
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  /** More information needed: the organization answers with a new request. */
  NEEDS_INFO = 'NEEDS_INFO',
}

/** A request is OPEN until staff decide it, then it carries the decision. */
export enum VerificationRequestStatus {
  OPEN = 'OPEN',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  NEEDS_INFO = 'NEEDS_INFO',
}

/** Decisions that need a reason the organization can act on. */
export const DECISIONS_WITH_REASON: readonly VerificationDecision[] = [VerificationDecision.REJECTED, VerificationDecision.NEEDS_INFO];

/** Longest note or reason, in characters. */
export const VERIFICATION_TEXT_MAX = 2000;
/** Evidence files (사업자등록증 …) one verification request may carry. */
export const VERIFICATION_EVIDENCE_MAX = 10;
