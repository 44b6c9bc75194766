/** A listing as other modules read it: the row's fields, without TypeORM (the entity implements this shape). */
import type { ListingContent, ListingKind } from '@aimatch/capability-model';
import type { ListingStatus } from '@aimatch/marketplace';
import type { ListingEntity, ListingReview } from '../entities/listing.entity';

export type { ListingReview };

export interface ListingRecord {
  id: string;
  kind: ListingKind;
  organizationId: string;
  status: ListingStatus;
  version: number;
  title: string;
  content: ListingContent;
  visibility: 'PUBLIC' | 'VERIFIED_SUPPLIERS';
  bidDeadline: Date | null;
  regionId: string | null;
  review: ListingReview | null;
  createdById: string | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type Holds<T extends true> = T;
/** Compiles only while the entity and this read model have the same shape (each assignable to the other). */
export type ListingRecordMatchesEntity = Holds<[ListingEntity, ListingRecord] extends [ListingRecord, ListingEntity] ? true : false>;

/** What ListingsService.versionsOf reads: enough to tell whether a cached analysis of the listing is current. */
export interface ListingVersion {
  id: string;
  kind: ListingKind;
  organizationId: string;
  status: ListingStatus;
  version: number;
}

/** The state of a demand that decides whether its open bids expired (ListingsService.demandStates). */
export interface DemandState {
  id: string;
  status: ListingStatus;
  bidDeadline: Date | null;
}

/** What the trust & safety scan reads of a listing (ListingsService.trustFacts). */
export interface ListingTrustFacts {
  id: string;
  organizationId: string;
  kind: 'DEMAND' | 'SUPPLY';
  status: string;
  title: string;
  contactEmail: string | null;
  contactPhone: string | null;
  /** Title, summary and description in one string. */
  text: string;
}

/** A demand owner's decision on a concept matching inferred from the demand's text (#14 item 8). */
export interface ConceptDecisionRow {
  listingId: string;
  conceptId: string;
  scheme: 'task' | 'industry' | 'modality' | 'integration' | 'deployment' | 'certification';
  decision: 'CONFIRMED' | 'DISMISSED';
  decidedAt: Date;
}
