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

/**
 * A certification claim (벤처기업, 이노비즈 … a `certification` concept): PENDING until staff decide it
 * (VERIFIED, REJECTED or NEEDS_INFO with a reason — the owner answers NEEDS_INFO with a new claim);
 * a VERIFIED claim becomes EXPIRED the day after its expiry date; the owner may withdraw a PENDING one.
 */
export enum CertificationClaimStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  NEEDS_INFO = 'NEEDS_INFO',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * Certifications whose recognition has no fixed end (기업부설연구소 stays recognised until it is
 * cancelled): their claims need no expiry date. Every other certification requires one.
 */
export const CERTIFICATIONS_WITHOUT_EXPIRY: readonly string[] = ['urn:aimatch:certification:rnd-center'];
/** Owners are warned once this many days before a verified certification expires. */
export const CERTIFICATION_EXPIRY_WARNING_DAYS = 30;
/** Certificate numbers, in characters. */
export const CERTIFICATE_NUMBER_MAX = 100;
