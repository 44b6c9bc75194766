import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Clock } from '../../common/clock';
import type { LoaderFactory } from '../../graphql/loader-registry';
import { type CertificationClaimRow, CertificationRepository } from './certification.repository';
import { koreanDay } from './certification-dates';

/**
 * Per-request DataLoaders for certification claims keyed by organization id, so that a list of
 * organizations (search results, match cards, bids) asks PostgreSQL once for all their chips.
 */
@Injectable()
export class CertificationLoaders {
  /** Verified, unexpired certifications (today in Korea, by the one clock). */
  readonly verified: LoaderFactory<string, CertificationClaimRow[]> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows = await this.repository.verifiedOf(ids, koreanDay(this.clock.now()));
        return ids.map((id) => rows.filter((r) => r.organizationId === id));
      }),
  };
  /** Every claim, newest first (the organization's members and staff read them). */
  readonly claims: LoaderFactory<string, CertificationClaimRow[]> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows = await this.repository.claimsOf(ids);
        return ids.map((id) => rows.filter((r) => r.organizationId === id));
      }),
  };

  constructor(
    private readonly repository: CertificationRepository,
    private readonly clock: Clock,
  ) {}
}
