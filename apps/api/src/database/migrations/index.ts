import { Foundation1763900000000 } from './1763900000000-foundation';
import { Listings1763900100000 } from './1763900100000-listings';
import { Search1763900200000 } from './1763900200000-search';
import { Matching1763900400000 } from './1763900400000-matching';
import { SearchChangeFeed1763900450000 } from './1763900450000-search-change-feed';
import { Chat1763900500000 } from './1763900500000-chat';
import { Bids1763900600000 } from './1763900600000-bids';
import { Reviews1763900700000 } from './1763900700000-reviews';
import { RateLimits1763900800000 } from './1763900800000-rate-limits';
import { Files1763900900000 } from './1763900900000-files';
import { Verification1763901000000 } from './1763901000000-verification';
import { AuditAppendOnly1763901100000 } from './1763901100000-audit-append-only';
import { Curation1763901200000 } from './1763901200000-curation';
import { ListingPublishedVersions1763901300000 } from './1763901300000-listing-published-versions';
import { CertificationClaims1763901400000 } from './1763901400000-certification-claims';
import { Moderation1763901500000 } from './1763901500000-moderation';
import { Trust1763901600000 } from './1763901600000-trust';
import { AccountTokens1763901700000 } from './1763901700000-account-tokens';

/** Every migration, in order. Listed explicitly so that builds and tests load the same set. */
import { UserConsents1763902000000 } from './1763902000000-user-consents';
import { RateBackoffs1763902200000 } from './1763902200000-rate-backoffs';
import { StaffTwoFactor1763902210000 } from './1763902210000-staff-two-factor';
import { InvitationRevocation1763902100000 } from './1763902100000-invitation-revocation';
import { AccountDeletion1763902010000 } from './1763902010000-account-deletion';
import { SupportPrograms1763904000000 } from './1763904000000-support-programs';
import { CaseStudies1763903000000 } from './1763903000000-case-studies';
import { ChatFiles1763903100000 } from './1763903100000-chat-files';
import { Projects1763903200000 } from './1763903200000-projects';
import { DemandConceptDecisions1763903300000 } from './1763903300000-demand-concept-decisions';
import { VocabularyGovernance1763905000000 } from './1763905000000-vocabulary-governance';
import { MarketStats1763905100000 } from './1763905100000-market-stats';
import { MarketStatsRollups1763910000000 } from './1763910000000-market-stats-rollups';

export const migrations = [
  Foundation1763900000000,
  Listings1763900100000,
  Search1763900200000,
  Matching1763900400000,
  SearchChangeFeed1763900450000,
  Chat1763900500000,
  Bids1763900600000,
  Reviews1763900700000,
  RateLimits1763900800000,
  Files1763900900000,
  Verification1763901000000,
  AuditAppendOnly1763901100000,
  Curation1763901200000,
  ListingPublishedVersions1763901300000,
  CertificationClaims1763901400000,
  Moderation1763901500000,
  Trust1763901600000,
  AccountTokens1763901700000,
  UserConsents1763902000000,
  RateBackoffs1763902200000,
  StaffTwoFactor1763902210000,
  InvitationRevocation1763902100000,
  AccountDeletion1763902010000,
  SupportPrograms1763904000000,
  CaseStudies1763903000000,
  ChatFiles1763903100000,
  Projects1763903200000,
  DemandConceptDecisions1763903300000,
  VocabularyGovernance1763905000000,
  MarketStats1763905100000,
  MarketStatsRollups1763910000000,
];
