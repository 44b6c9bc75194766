import type { DemandContent, SupplyContent, Vocabulary } from '@aimatch/capability-model';
import { VerificationStatus } from '@aimatch/contracts';
import {
  type AnalysedDemand,
  type AnalysedSupply,
  analyseDemand,
  analyseSupply,
  Matcher,
  type MatchExplanation,
  requiredProfileOf,
  offeredProfileOf,
  textRelevance,
  type TrackRecord,
} from '@aimatch/matching';
import { conceptToken, type PlannedQuery, type SearchIndex, type SearchRequest } from '@aimatch/search';
import { analyzeQuery } from '@aimatch/korean-text';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { ListingEntity } from '../listings/entities/listing.entity';
import { SEARCH_INDEX } from '../search/search-index.provider';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';

export interface Ranked {
  listingId: string;
  explanation: MatchExplanation;
}

interface Row {
  id: string;
  version: number;
  organization_id: string;
  region_id: string | null;
  verified: boolean;
  completed_projects: number | null;
  rating_average: string | null;
  rating_count: number | null;
  response_rate: string | null;
}

/** How many analysed listings stay in memory (analysis is the costly part; rows are re-read for each ranking). */
const CACHE_LIMIT = 50_000;

/**
 * Retrieval and re-ranking. Candidates come from the SearchIndex port (every published
 * counterpart when there are at most K, else the engine's top K for the need's concepts and
 * title, hard constraints as filters); libs/matching scores and explains them. Analysed listings
 * are cached by id and version; organization facts and track records are read fresh.
 */
@Injectable()
export class MatchEngine {
  private readonly analysed = new Map<string, { version: number; value: AnalysedDemand | AnalysedSupply }>();
  private matcher: { vocabulary: Vocabulary; matcher: Matcher } | null = null;

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly dataSource: DataSource,
    private readonly vocabularyCache: VocabularyCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get candidateLimit(): number {
    return this.config.MATCHING_CANDIDATES;
  }

  /** Supplier listings ranked for a published demand, best first. */
  async suppliersFor(demand: ListingEntity): Promise<Ranked[]> {
    const { vocabulary, matcher } = await this.current();
    const need = await this.demand(demand, vocabulary);
    const filters: SearchRequest['filters'] = { kind: 'SUPPLY', visibility: ['PUBLIC'] };
    const ids = await this.candidates(
      filters,
      () => this.retrievalQuery(need, vocabulary),
      () => ({
        ...filters,
        // Hard constraints narrow retrieval only in a large pool; in a small one, breaking one caps the score instead.
        concepts: need.profile.deployments.length ? { deployment: need.profile.deployments } : undefined,
      }),
    );
    const supplies = await this.supplies(ids, vocabulary);
    return matcher.rank(need, supplies).map((m) => ({ listingId: m.supplyId, explanation: m.explanation }));
  }

  /**
   * These supply listings (e.g. a bidder's, when retrieval did not bring them) ranked for a
   * demand among themselves. Text relevance is relative to this smaller set, so a score can
   * differ a little from the one in the full ranking.
   */
  async suppliersAmong(demand: ListingEntity, supplyIds: string[]): Promise<Ranked[]> {
    if (supplyIds.length === 0) return [];
    const { vocabulary, matcher } = await this.current();
    const need = await this.demand(demand, vocabulary);
    const supplies = await this.supplies(supplyIds, vocabulary);
    return matcher.rank(need, supplies).map((m) => ({ listingId: m.supplyId, explanation: m.explanation }));
  }

  /** Published demands ranked for a supply listing, best first; `visibility` is what the supplier may see. */
  async demandsFor(supply: ListingEntity, visibility: SearchRequest['filters']['visibility']): Promise<Ranked[]> {
    const { vocabulary, matcher } = await this.current();
    const [offer] = await this.supplies([supply.id], vocabulary, [supply]);
    if (!offer) return [];
    const filters: SearchRequest['filters'] = { kind: 'DEMAND', visibility };
    const ids = await this.candidates(
      filters,
      () => this.offerQuery(offer, vocabulary),
      () => filters,
    );
    const rows = await this.dataSource.manager.findBy(ListingEntity, { id: In(ids) });
    const demands = await Promise.all(rows.filter((r) => r.status === 'PUBLISHED').map((r) => this.demand(r, vocabulary)));
    // Text relevance in this direction: the supply's text against each demand's.
    const text = textRelevance(
      offer.query,
      demands.map((d) => d.document),
    );
    return demands
      .map((d, i) => ({ listingId: d.profile.id, explanation: matcher.explain(d, offer, text[i]) }))
      .sort((a, b) => b.explanation.rawScore - a.explanation.rawScore || (a.listingId < b.listingId ? -1 : 1));
  }

  /** Analyses every published supply listing ahead of the first ranking (a process that has run for a while has them cached). */
  async warm(batch = 500): Promise<number> {
    const { vocabulary } = await this.current();
    let count = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM listings WHERE kind = 'SUPPLY' AND status = 'PUBLISHED' AND id > $1 ORDER BY id LIMIT $2`,
        [after, batch],
      );
      if (rows.length === 0) return count;
      count += (
        await this.supplies(
          rows.map((r) => r.id),
          vocabulary,
        )
      ).length;
      after = rows[rows.length - 1].id;
    }
  }

  private async current(): Promise<{ vocabulary: Vocabulary; matcher: Matcher }> {
    const vocabulary = await this.vocabularyCache.get();
    if (this.matcher?.vocabulary !== vocabulary) {
      this.matcher = { vocabulary, matcher: new Matcher(vocabulary) };
      this.analysed.clear();
    }
    return this.matcher;
  }

  /** Every candidate id when the pool has at most K, else the engine's top K for the query. */
  private async candidates(
    filters: SearchRequest['filters'],
    query: () => PlannedQuery | null,
    narrowed: () => SearchRequest['filters'],
  ): Promise<string[]> {
    const k = this.candidateLimit;
    const browse = await this.index.search({ query: null, filters, facets: [], sort: 'newest', limit: k, offset: 0 });
    if (browse.estimatedTotal <= k) return browse.hits.map((h) => h.id);
    const found = await this.index.search({ query: query(), filters: narrowed(), facets: [], sort: 'relevance', limit: k, offset: 0 });
    return found.hits.map((h) => h.id);
  }

  /**
   * The need as a search query: its task concepts (stated and inferred) and their broader ones,
   * so that specialists, generalists and siblings are all retrieved, plus its industries, as
   * concept tokens; the title's words only when no task is known (a text-only demand).
   * Concept tokens are selective, which keeps retrieval fast on every engine.
   */
  private retrievalQuery(need: AnalysedDemand, vocabulary: Vocabulary): PlannedQuery | null {
    return this.conceptQuery(
      need.profile.title,
      need.needs.task.map((e) => e.id),
      need.needs.industry.map((e) => e.id),
      vocabulary,
    );
  }

  private offerQuery(offer: AnalysedSupply, vocabulary: Vocabulary): PlannedQuery | null {
    return this.conceptQuery(
      offer.profile.title,
      offer.offers.task.map((e) => e.id),
      offer.offers.industry.map((e) => e.id),
      vocabulary,
    );
  }

  private conceptQuery(title: string, tasks: string[], industries: string[], vocabulary: Vocabulary): PlannedQuery | null {
    const known = (ids: string[]) => ids.filter((id) => vocabulary.has(id));
    const taskIds = known(tasks);
    const broader = taskIds.flatMap((id) =>
      vocabulary
        .ancestors(id)
        .slice(0, 1)
        .map((a) => a.id),
    );
    const boostTerms = [...new Set([...taskIds, ...broader, ...known(industries)])].map(conceptToken);
    const terms = [...new Set([...(taskIds.length ? [] : analyzeQuery(title).terms), ...boostTerms])];
    return terms.length ? { text: title, terms, boostTerms, choseong: null } : null;
  }

  private async demand(listing: ListingEntity, vocabulary: Vocabulary): Promise<AnalysedDemand> {
    const cached = this.analysed.get(listing.id);
    if (cached && cached.version === listing.version) return cached.value as AnalysedDemand;
    const [org] = await this.dataSource.query('SELECT region_id FROM organizations WHERE id = $1', [listing.organizationId]);
    const value = analyseDemand(requiredProfileOf(listing.id, listing.content as DemandContent, org?.region_id ?? null), vocabulary);
    this.remember(listing.id, listing.version, value);
    return value;
  }

  /** Analysed supply listings in the order of `ids` (published ones only), with fresh organization facts. */
  private async supplies(ids: string[], vocabulary: Vocabulary, known: ListingEntity[] = []): Promise<AnalysedSupply[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await this.dataSource.query(
      `SELECT l.id, l.version, l.organization_id, o.region_id, o.verification_status = $2 AS verified,
              t.completed_projects, t.rating_average, t.rating_count, t.response_rate
         FROM listings l JOIN organizations o ON o.id = l.organization_id
         LEFT JOIN organization_track_records t ON t.organization_id = l.organization_id
        WHERE l.id = ANY($1) AND l.kind = 'SUPPLY'`,
      [ids, VerificationStatus.VERIFIED],
    );
    const stale = rows.filter((r) => this.analysed.get(r.id)?.version !== r.version).map((r) => r.id);
    const knownById = new Map(known.map((l) => [l.id, l]));
    const missing = stale.filter((id) => !knownById.has(id));
    const loaded = missing.length ? await this.dataSource.manager.findBy(ListingEntity, { id: In(missing) }) : [];
    for (const l of [...loaded, ...stale.map((id) => knownById.get(id)).filter((l): l is ListingEntity => !!l)]) {
      const placeholder: TrackRecord = { verified: false, completedProjects: null, rating: null, ratingCount: 0, responseRate: null };
      this.remember(
        l.id,
        l.version,
        analyseSupply(
          offeredProfileOf(l.id, l.content as SupplyContent, { id: l.organizationId, regionId: null }, placeholder),
          vocabulary,
        ),
      );
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      const cached = this.analysed.get(id)?.value as AnalysedSupply | undefined;
      if (!row || !cached) return [];
      const track: TrackRecord = {
        verified: row.verified,
        completedProjects: row.completed_projects,
        rating: row.rating_average === null ? null : Number(row.rating_average),
        ratingCount: row.rating_count ?? 0,
        responseRate: row.response_rate === null ? null : Number(row.response_rate),
      };
      return [{ ...cached, profile: { ...cached.profile, regionId: row.region_id, track } }];
    });
  }

  private remember(id: string, version: number, value: AnalysedDemand | AnalysedSupply): void {
    if (this.analysed.size >= CACHE_LIMIT) this.analysed.delete(this.analysed.keys().next().value!);
    this.analysed.set(id, { version, value });
  }
}
