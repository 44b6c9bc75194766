import { createHash } from 'node:crypto';
import {
  type DuplicateCandidate,
  estimatedSimilarity,
  keywordForm,
  listingFingerprint,
  NEAR_DUPLICATE_THRESHOLD,
  type PrecheckReport,
  precheckListing,
} from '@aimatch/marketplace';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { TransactionService } from '../../database/transaction.service';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { MembershipPolicy } from '../identity/membership.policy';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingsService } from '../listings/listings.service';
import { CurationRepository, type ProhibitedKeywordRow } from './curation.repository';

export const MAX_PRECHECK_IDS = 100;
export const MAX_BULK_APPROVE = 50;
export const MAX_KEYWORDS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Listings that leave the marketplace leave the near-duplicate index. */
const UNINDEXED = new Set(['ARCHIVED']);

/** A report with the keyword list it was computed with (a staff edit of the list makes it stale). */
export type StoredPrecheckReport = PrecheckReport & { keywordsKey?: string };

export interface ListingPrecheck {
  listingId: string;
  version: number;
  checkedAt: Date;
  report: StoredPrecheckReport;
}

/** A short, order-independent key of the keyword list. */
function keywordsKey(terms: string[]): string {
  return createHash('sha256')
    .update([...terms].sort().join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

export interface BulkApproveOutcome {
  approved: string[];
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * Automated pre-checks of listings for the staff curation queue (see libs/marketplace prechecks).
 * Fingerprints follow every `listing.changed` event; the report of a listing is computed when it
 * is submitted and again on read when its stored report is for an older version.
 */
@Injectable()
export class CurationService implements OnModuleInit {
  private readonly logger = new Logger('Curation');

  constructor(
    private readonly repository: CurationRepository,
    private readonly listings: ListingsService,
    private readonly memberships: MembershipPolicy,
    private readonly transactions: TransactionService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('listing.changed', (e) => this.onListingChanged(e));
  }

  private async onListingChanged(event: OutboxEventEntity): Promise<void> {
    const id = (event.payload as { id?: string }).id;
    if (!id) return;
    const listing = await this.listings.findListing(id);
    await this.transactions.run(async (tx) => {
      if (!listing || UNINDEXED.has(listing.status)) {
        await this.repository.deleteFingerprint(tx, id);
        return;
      }
      await this.index(tx, listing);
      if (listing.status === 'SUBMITTED') await this.store(tx, listing);
    });
  }

  private async index(tx: EntityManager, listing: ListingRecord): Promise<void> {
    const f = listingFingerprint(listing.content);
    if (!f) {
      await this.repository.deleteFingerprint(tx, listing.id);
      return;
    }
    await this.repository.putFingerprint(tx, {
      listingId: listing.id,
      organizationId: listing.organizationId,
      version: listing.version,
      signature: f.signature,
      bands: f.bands,
    });
  }

  /** The report for the listing as it is now (near-duplicates among every indexed listing but itself). */
  async check(listing: ListingRecord, tx?: EntityManager): Promise<StoredPrecheckReport> {
    const f = listingFingerprint(listing.content);
    const duplicates: DuplicateCandidate[] = [];
    if (f) {
      for (const c of await this.repository.candidates(f.bands, listing.id, tx)) {
        const similarity = estimatedSimilarity(f.signature, c.signature);
        if (similarity >= NEAR_DUPLICATE_THRESHOLD)
          duplicates.push({ listingId: c.listingId, similarity, sameOrganization: c.organizationId === listing.organizationId });
      }
    }
    const keywords = (await this.repository.keywords(tx)).map((k) => k.term);
    return { ...precheckListing(listing.content, { keywords, duplicates }), keywordsKey: keywordsKey(keywords) };
  }

  private async store(tx: EntityManager, listing: ListingRecord): Promise<ListingPrecheck> {
    const report = await this.check(listing, tx);
    const checkedAt = this.clock.now();
    await this.repository.saveReport(tx, { listingId: listing.id, version: listing.version, report, checkedAt });
    return { listingId: listing.id, version: listing.version, checkedAt, report };
  }

  /** Staff: the current report of each listing (computed now where missing or stale), in the order asked. */
  async reports(viewer: Viewer, ids: string[]): Promise<ListingPrecheck[]> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    if (ids.length > MAX_PRECHECK_IDS) throw AppError.field('listingIds', 'max-items', { max: MAX_PRECHECK_IDS });
    const bad = ids.findIndex((id) => !UUID.test(id));
    if (bad >= 0) throw AppError.field(`listingIds.${bad}`, 'format', { format: 'uuid' });
    const unique = [...new Set(ids)];
    const listings = new Map((await this.listings.findByIds(unique)).map((l) => [l.id, l]));
    const stored = new Map((await this.repository.reports(unique)).map((r) => [r.listingId, r]));
    const currentKeywords = keywordsKey((await this.repository.keywords()).map((k) => k.term));
    const out: ListingPrecheck[] = [];
    for (const id of unique) {
      const listing = listings.get(id);
      if (!listing) continue;
      const have = stored.get(id);
      // Stale when the listing changed or staff edited the keyword list since.
      if (have && have.listingVersion === listing.version && have.report.keywordsKey === currentKeywords) {
        out.push({ listingId: id, version: have.listingVersion, checkedAt: have.checkedAt, report: have.report });
        continue;
      }
      out.push(await this.transactions.run(async (tx) => this.store(tx, listing)));
    }
    return out;
  }

  /**
   * Staff approve several SUBMITTED listings whose current report has no flag, each in its own
   * transaction through the listings workflow (notifications and events as for one approval).
   */
  async bulkApprove(rc: RequestContext, viewer: Viewer, ids: string[]): Promise<BulkApproveOutcome> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    if (ids.length === 0) throw AppError.field('ids', 'required');
    if (ids.length > MAX_BULK_APPROVE) throw AppError.field('ids', 'max-items', { max: MAX_BULK_APPROVE });
    const bad = ids.findIndex((id) => !UUID.test(id));
    if (bad >= 0) throw AppError.field(`ids.${bad}`, 'format', { format: 'uuid' });
    const unique = [...new Set(ids)];
    const reports = new Map((await this.reports(viewer, unique)).map((r) => [r.listingId, r]));
    const listings = new Map((await this.listings.findByIds(unique)).map((l) => [l.id, l]));
    const outcome: BulkApproveOutcome = { approved: [], skipped: [] };
    for (const id of unique) {
      const listing = listings.get(id);
      const report = reports.get(id);
      if (!listing || !report) outcome.skipped.push({ id, reason: 'not-found' });
      else if (listing.status !== 'SUBMITTED') outcome.skipped.push({ id, reason: 'not-submitted' });
      else if (report.report.flags.length > 0) outcome.skipped.push({ id, reason: 'flagged' });
      else {
        try {
          await this.listings.transition(rc, id, listing.version, 'approve');
          outcome.approved.push(id);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          outcome.skipped.push({ id, reason: err.code === 'CONFLICT' ? 'changed' : err.code.toLowerCase() });
        }
      }
    }
    return outcome;
  }

  // --- the prohibited keyword list ----------------------------------------------------------

  keywords(viewer: Viewer): Promise<ProhibitedKeywordRow[]> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    return this.repository.keywords();
  }

  async addKeyword(rc: RequestContext, viewer: Viewer, input: { term: string; note?: string | null }): Promise<ProhibitedKeywordRow> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const term = input.term.trim().replace(/\s+/g, ' ');
    const note = input.note?.trim() || null;
    if (!term) throw AppError.field('term', 'required');
    if ([...term].length > 50) throw AppError.field('term', 'max-length', { max: 50 });
    if (note && [...note].length > 500) throw AppError.field('note', 'max-length', { max: 500 });
    const compact = keywordForm(term);
    if (!compact) throw AppError.field('term', 'required');
    return this.transactions.run(async (tx) => {
      if ((await this.repository.countKeywords(tx)) >= MAX_KEYWORDS) throw AppError.field('term', 'max-items', { max: MAX_KEYWORDS });
      const row = await this.repository.insertKeyword(tx, { term, compact, note, createdBy: viewer.userId });
      if (!row) throw AppError.conflict('keyword-exists');
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'curation.keyword.add',
        subjectType: 'prohibited_keyword',
        subjectId: row.id,
        details: { after: { term, note } },
        requestId: rc.requestId,
      });
      return row;
    });
  }

  async removeKeyword(rc: RequestContext, viewer: Viewer, id: string): Promise<boolean> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    if (!UUID.test(id)) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const row = await this.repository.deleteKeyword(tx, id);
      if (!row) throw AppError.notFound();
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'curation.keyword.remove',
        subjectType: 'prohibited_keyword',
        subjectId: row.id,
        details: { before: { term: row.term, note: row.note } },
        requestId: rc.requestId,
      });
      return true;
    });
  }

  // --- backfill -----------------------------------------------------------------------------

  /** Fingerprints the published listings that have none (e.g. listings from before this module); returns how many. */
  async backfill(batch = 500): Promise<number> {
    let done = 0;
    let afterId: string | undefined;
    for (;;) {
      const ids = await this.listings.publishedIds({ afterId, limit: batch });
      if (ids.length === 0) break;
      afterId = ids[ids.length - 1];
      const missing = await this.repository.withoutFingerprint(ids);
      if (missing.length) {
        const rows = (await this.listings.findByIds(missing)).flatMap((l) => {
          const f = listingFingerprint(l.content);
          return f
            ? [{ listingId: l.id, organizationId: l.organizationId, version: l.version, signature: f.signature, bands: f.bands }]
            : [];
        });
        await this.transactions.run((tx) => this.repository.putFingerprints(tx, rows));
        done += rows.length;
      }
      if (ids.length < batch) break;
    }
    if (done) this.logger.log(`fingerprinted ${done} listing(s)`);
    return done;
  }
}
