import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AuditService } from '../../common/audit/audit.service';
import { toCsv } from '../../common/csv/csv';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { ChatService } from '../chat/chat.service';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ListingsService } from '../listings/listings.service';
import { BidsService } from '../bids/bids.service';
import { ProgramsService } from '../programs/programs.service';
import { VerificationService } from '../verification/verification.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import type {
  BidStatsModel,
  ChatStatsModel,
  ProgramEligibilityCountModel,
  StatsBucketModel,
  StatsCountModel,
  StatsSeriesPointModel,
  VerificationStatsModel,
} from './dto/market-stats.models';
import { type MarketStatsTable, StatsGroupBy } from './dto/market-stats.models';
import { STATS_TABLES } from './stats-csv';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_RANGE_YEARS = 5;
/** Program eligibility counts cover every organization × program; they are kept this long. */
const ELIGIBILITY_TTL_MS = 5 * 60_000;
const UNIT = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;

/** A validated range: Korean calendar days [from, to] as instants [fromTs, toTs). */
export interface StatsWindow {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
  fromTs: Date;
  toTs: Date;
  /** One aggregate query per window and source, however many fields of one request read it. */
  memo: Map<string, Promise<unknown>>;
}

export type ListingBreakdown = 'status' | 'industry' | 'region' | 'task';

function memo<T>(w: StatsWindow, key: string, load: () => Promise<T>): Promise<T> {
  let p = w.memo.get(key) as Promise<T> | undefined;
  if (!p) w.memo.set(key, (p = load()));
  return p;
}
const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const kst = (day: string) => new Date(`${day}T00:00:00+09:00`);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
const validDay = (day: string) => DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/**
 * The market in numbers for staff (#15 item 4). Above the modules whose tables it reads, and reads
 * them only through their services' read-only aggregate methods; it owns no table.
 */
@Injectable()
export class StatsService {
  private eligibilityCache: { at: number; rows: ProgramEligibilityCountModel[]; locale: string } | null = null;

  constructor(
    private readonly memberships: MembershipPolicy,
    private readonly clock: Clock,
    private readonly listings: ListingsService,
    private readonly identity: IdentityService,
    private readonly verification: VerificationService,
    private readonly bidsService: BidsService,
    private readonly chat: ChatService,
    private readonly programs: ProgramsService,
    private readonly vocabulary: VocabularyCache,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
  ) {}

  /** Staff only; `from`/`to` are YYYY-MM-DD, `to` not before `from` and at most 5 years after it. */
  window(viewer: Viewer | null, from: string, to: string, groupBy: StatsGroupBy): StatsWindow {
    if (!viewer || !this.memberships.isStaff(viewer)) throw AppError.forbidden();
    if (!validDay(from)) throw AppError.field('from', 'format', { format: 'date' });
    if (!validDay(to)) throw AppError.field('to', 'format', { format: 'date' });
    if (to < from) throw AppError.field('to', 'min-value', { min: from });
    if (to > addYears(from, MAX_RANGE_YEARS)) throw AppError.field('to', 'max-value', { max: addYears(from, MAX_RANGE_YEARS) });
    return { from, to, groupBy, fromTs: kst(from), toTs: kst(addDays(to, 1)), memo: new Map() };
  }

  /** Listings created in the range, broken down by one dimension (kind kept apart). */
  async listingBreakdown(w: StatsWindow, dimension: ListingBreakdown, locale: string): Promise<StatsCountModel[]> {
    const rows = (await this.listingCounts(w)).filter((r) => r.dimension === dimension);
    const labels = dimension === 'status' ? null : await this.vocabulary.get();
    return rows
      .map((r) => ({
        key: r.key,
        label: r.key === null ? (locale === 'en' ? 'Not stated' : '미지정') : (labels?.label(r.key, locale as 'ko' | 'en') ?? r.key),
        listingKind: r.kind,
        count: r.count,
      }))
      .sort((a, b) => b.count - a.count || (a.key ?? '').localeCompare(b.key ?? '') || a.listingKind.localeCompare(b.listingKind));
  }

  async newListings(w: StatsWindow): Promise<StatsSeriesPointModel[]> {
    return (await this.listingCounts(w))
      .filter((r) => r.dimension === 'period')
      .map((r) => ({ period: r.key ?? '', series: r.kind, count: r.count }))
      .sort((a, b) => a.period.localeCompare(b.period) || a.series.localeCompare(b.series));
  }

  async newOrganizations(w: StatsWindow): Promise<StatsSeriesPointModel[]> {
    const rows = await this.identity.newOrganizationsPerPeriod(w.fromTs, w.toTs, UNIT[w.groupBy]);
    return rows.map((r) => ({ period: r.period, series: r.kind, count: r.count }));
  }

  async verificationStats(w: StatsWindow): Promise<VerificationStatsModel> {
    const s = await this.verification.decisionStats(w.fromTs, w.toTs);
    return { ...s, medianHoursToDecision: s.medianHours };
  }

  async bidStats(w: StatsWindow): Promise<BidStatsModel> {
    const [s, medianHoursToFirstBid] = await Promise.all([this.bidMarket(w), this.bidsService.medianHoursToFirstBid(w.fromTs, w.toTs)]);
    return {
      bids: s.bids,
      demandsWithBids: s.demands,
      bidsPerDemand: ratio(s.bids, s.demands),
      medianHoursToFirstBid,
      shortlistRate: ratio(s.shortlisted, s.bids),
      awardRate: ratio(s.awardedDemands, s.demands),
    };
  }

  async awardedMatchScores(w: StatsWindow): Promise<StatsBucketModel[]> {
    const { scoreBuckets } = await this.bidMarket(w);
    return scoreBuckets.map((count, i) => ({ lower: i * 10, upper: i * 10 + 10, count }));
  }

  async chatStats(w: StatsWindow): Promise<ChatStatsModel> {
    const s = await this.chat.firstResponseStats(w.fromTs, w.toTs);
    return { conversations: s.conversations, answered: s.answered, medianMinutesToFirstResponse: s.medianMinutes };
  }

  /** Per published open program, eligible organizations now; cached for five minutes (organizations × programs checks). */
  async programEligibility(locale: string): Promise<ProgramEligibilityCountModel[]> {
    const cached = this.eligibilityCache;
    if (cached && cached.locale === locale && this.clock.now().getTime() - cached.at < ELIGIBILITY_TTL_MS) return cached.rows;
    const rows = (await this.programs.eligibilityCounts()).map((r) => ({
      programId: r.program.id,
      name: locale === 'en' ? (r.program.nameEn ?? r.program.nameKo) : r.program.nameKo,
      eligible: r.eligible,
      possible: r.possible,
      organizations: r.organizations,
    }));
    this.eligibilityCache = { at: this.clock.now().getTime(), rows, locale };
    return rows;
  }

  /** One dashboard table as CSV with headers in the viewer's locale; the export is audited. */
  async exportCsv(rc: RequestContext, w: StatsWindow, table: MarketStatsTable): Promise<{ filename: string; csv: string }> {
    const locale = rc.locale === 'en' ? 'en' : 'ko';
    const spec = STATS_TABLES[table];
    const rows = await spec.rows(this, w, locale);
    await this.transactions.run((tx) =>
      this.audit.record(tx, {
        actorUserId: rc.viewer!.userId,
        action: 'market-stats.export',
        subjectType: 'market_stats',
        subjectId: table,
        details: { from: w.from, to: w.to, groupBy: w.groupBy, rows: rows.length },
        requestId: rc.requestId,
      }),
    );
    const filename = `aimatch-${table.toLowerCase().replace(/_/g, '-')}-${w.from}-${w.to}.csv`;
    return { filename, csv: toCsv(spec.header[locale], rows) };
  }

  private listingCounts(w: StatsWindow) {
    return memo(w, 'listings', () => this.listings.marketCounts(w.fromTs, w.toTs, UNIT[w.groupBy]));
  }

  private bidMarket(w: StatsWindow) {
    return memo(w, 'bids', () => this.bidsService.marketStats(w.fromTs, w.toTs));
  }
}
