import type { DemandContent, SupplyContent, Vocabulary } from '@aimatch/capability-model';
import { VerificationStatus } from '@aimatch/contracts';
import {
  type AnalysedDemand,
  type AnalysedSupply,
  analyseDemand,
  type ConceptDecisions,
  MATCHED_SCHEMES,
  type MatchedScheme,
  analyseSupply,
  Matcher,
  type MatchExplanation,
  requiredProfileOf,
  offeredProfileOf,
  SupplyCorpus,
  type TrackRecord,
} from '@aimatch/matching';
import { conceptToken, type PlannedQuery, type SearchRequest } from '@aimatch/search';
import { analyzeQuery } from '@aimatch/korean-text';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { IdentityService } from '../identity/identity.service';
import type { ConceptDecisionRow, ListingRecord } from '../listings/dto/listing-record';
import { ListingsService } from '../listings/listings.service';
import { ReviewsService } from '../reviews/reviews.service';
import { SearchService } from '../search/search.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';

export interface Ranked {
  listingId: string;
  explanation: MatchExplanation;
}

/** How many analysed listings stay in memory (analysis is the costly part; rows are re-read for each ranking). */
const CACHE_LIMIT = 50_000;

/** Supply listings analysed per step while the corpus loads on first use. */
const CORPUS_LOAD_BATCH = 25;

/**
 * Retrieval and re-ranking. Candidates come from the SearchIndex port (every published
 * counterpart when there are at most K, else the engine's top K for the need's concepts and
 * title, hard constraints as filters); libs/matching scores and explains them. Analysed listings
 * are cached by id and version; organization facts and track records are read fresh.
 */
@Injectable()
export class MatchEngine {
  /** Keyed by listing id; `version` is the listing's version (and, for a demand, its owner's concept decisions). */
  private readonly analysed = new Map<string, { version: number | string; value: AnalysedDemand | AnalysedSupply }>();
  private matcher: { vocabulary: Vocabulary; matcher: Matcher; corpus: SupplyCorpus; warmed: Promise<number> | null } | null = null;

  constructor(
    private readonly search: SearchService,
    private readonly listings: ListingsService,
    private readonly identity: IdentityService,
    private readonly reviews: ReviewsService,
    private readonly vocabularyCache: VocabularyCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get candidateLimit(): number {
    return this.config.MATCHING_CANDIDATES;
  }

  /** Supplier listings ranked for a published demand, best first. */
  async suppliersFor(demand: ListingRecord): Promise<Ranked[]> {
    const { vocabulary, matcher, corpus } = await this.current();
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
    return matcher.rank(need, supplies, corpus).map((m) => ({ listingId: m.supplyId, explanation: m.explanation }));
  }

  /**
   * These supply listings (e.g. a bidder's, when retrieval did not bring them) ranked for a
   * demand among themselves, each with the same score as in the full ranking (a pair's score
   * depends on the pair and the corpus of supplier listings only).
   */
  async suppliersAmong(demand: ListingRecord, supplyIds: string[]): Promise<Ranked[]> {
    if (supplyIds.length === 0) return [];
    const { vocabulary, matcher, corpus } = await this.current();
    const need = await this.demand(demand, vocabulary);
    const supplies = await this.supplies(supplyIds, vocabulary);
    return matcher.rank(need, supplies, corpus).map((m) => ({ listingId: m.supplyId, explanation: m.explanation }));
  }

  /** Published demands ranked for a supply listing, best first; `visibility` is what the supplier may see. */
  async demandsFor(supply: ListingRecord, visibility: SearchRequest['filters']['visibility']): Promise<Ranked[]> {
    const { vocabulary, matcher, corpus } = await this.current();
    const [offer] = await this.supplies([supply.id], vocabulary, [supply]);
    if (!offer) return [];
    const filters: SearchRequest['filters'] = { kind: 'DEMAND', visibility };
    const ids = await this.candidates(
      filters,
      () => this.offerQuery(offer, vocabulary),
      () => filters,
    );
    const rows = (await this.listings.findByIds(ids)).filter((r) => r.status === 'PUBLISHED');
    const decisions = await this.listings.conceptDecisions(rows.map((r) => r.id));
    const demands = await Promise.all(
      rows.map((r) =>
        this.demand(
          r,
          vocabulary,
          decisions.filter((d) => d.listingId === r.id),
        ),
      ),
    );
    // Each pair scored as the demand's owner sees it: one score and one explanation whichever side looks.
    return demands
      .map((d) => ({ listingId: d.profile.id, explanation: matcher.scorer(d, corpus)(offer) }))
      .sort((a, b) => b.explanation.rawScore - a.explanation.rawScore || (a.listingId < b.listingId ? -1 : 1));
  }

  /**
   * Analyses every published supply listing ahead of the first ranking (a process that has run for
   * a while has them cached): they make the corpus text relevance and need confirmation read.
   */
  async warm(batch = 500): Promise<number> {
    const { vocabulary } = await this.current();
    return this.loadCorpus(vocabulary, batch);
  }

  private async loadCorpus(vocabulary: Vocabulary, batch = 500): Promise<number> {
    let count = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const ids = await this.listings.publishedIds({ kind: 'SUPPLY', afterId: after, limit: batch });
      if (ids.length === 0) return count;
      count += (await this.supplies(ids, vocabulary)).length;
      after = ids[ids.length - 1];
    }
  }

  /** The matcher of the current vocabulary, with its corpus of every published supply listing loaded once. */
  private async current(): Promise<{ vocabulary: Vocabulary; matcher: Matcher; corpus: SupplyCorpus }> {
    const vocabulary = await this.vocabularyCache.get();
    if (this.matcher?.vocabulary !== vocabulary) {
      this.matcher = { vocabulary, matcher: new Matcher(vocabulary), corpus: new SupplyCorpus(), warmed: null };
      this.analysed.clear();
    }
    const current = this.matcher;
    // Small batches: each one is a database round trip, so other requests are served between them
    // (analysing 500 listings at once held the event loop for seconds at 10k listings, bench:api).
    current.warmed ??= this.loadCorpus(vocabulary, CORPUS_LOAD_BATCH).catch((err: unknown) => {
      current.warmed = null;
      throw err;
    });
    await current.warmed;
    return current;
  }

  /** Every candidate id when the pool has at most K, else the engine's top K for the query. */
  private async candidates(
    filters: SearchRequest['filters'],
    query: () => PlannedQuery | null,
    narrowed: () => SearchRequest['filters'],
  ): Promise<string[]> {
    const k = this.candidateLimit;
    const browse = await this.search.retrieve({ query: null, filters, facets: [], sort: 'newest', limit: k, offset: 0 });
    if (browse.estimatedTotal <= k) return browse.hits.map((h) => h.id);
    const found = await this.search.retrieve({ query: query(), filters: narrowed(), facets: [], sort: 'relevance', limit: k, offset: 0 });
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

  /**
   * The demand analysed with its owner's decisions on inferred concepts (removed ones skipped,
   * confirmed ones stated); `decisions` when the caller loaded them for many demands at once.
   */
  private async demand(listing: ListingRecord, vocabulary: Vocabulary, decisions?: ConceptDecisionRow[]): Promise<AnalysedDemand> {
    const own = decisions ?? (await this.listings.conceptDecisions([listing.id]));
    const stamp = `${listing.version}|${own.map((d) => `${d.conceptId}:${d.decision}`).join(',')}`;
    const cached = this.analysed.get(listing.id);
    if (cached && cached.version === stamp) return cached.value as AnalysedDemand;
    const org = await this.identity.organization(listing.organizationId);
    const value = analyseDemand(
      requiredProfileOf(listing.id, listing.content as DemandContent, org?.regionId ?? null, decisionsOf(own)),
      vocabulary,
    );
    this.remember(listing.id, stamp, value);
    return value;
  }

  /**
   * What the demand's text alone lets matching infer (before the owner's decisions): the concepts
   * a demand page offers its owner to confirm or remove.
   */
  async inferredNeeds(listing: ListingRecord): Promise<Array<{ scheme: MatchedScheme; conceptId: string; evidence: string[] }>> {
    const { vocabulary } = await this.current();
    const org = await this.identity.organization(listing.organizationId);
    const plain = analyseDemand(requiredProfileOf(listing.id, listing.content as DemandContent, org?.regionId ?? null), vocabulary);
    return MATCHED_SCHEMES.flatMap((scheme) =>
      plain.needs[scheme].filter((n) => n.inferred).map((n) => ({ scheme, conceptId: n.id, evidence: n.evidence })),
    );
  }

  /** Analysed supply listings in the order of `ids` (published ones only), with fresh organization facts. */
  private async supplies(ids: string[], vocabulary: Vocabulary, known: ListingRecord[] = []): Promise<AnalysedSupply[]> {
    if (ids.length === 0) return [];
    const rows = (await this.listings.versionsOf(ids)).filter((r) => r.kind === 'SUPPLY');
    const corpus = this.matcher?.vocabulary === vocabulary ? this.matcher.corpus : null;
    const orgIds = [...new Set(rows.map((r) => r.organizationId))];
    const [orgs, tracks] = await Promise.all([this.identity.organizations(orgIds), this.reviews.trackRecordsOf(orgIds)]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const trackOf = new Map(tracks.map((t) => [t.organizationId, t]));
    const stale = rows.filter((r) => this.analysed.get(r.id)?.version !== r.version).map((r) => r.id);
    const knownById = new Map(known.map((l) => [l.id, l]));
    const missing = stale.filter((id) => !knownById.has(id));
    const loaded = missing.length ? await this.listings.findByIds(missing) : [];
    for (const l of [...loaded, ...stale.map((id) => knownById.get(id)).filter((l): l is ListingRecord => !!l)]) {
      const placeholder: TrackRecord = { verified: false, completedProjects: null, rating: null, ratingCount: 0, responseRate: null };
      const analysed = analyseSupply(
        offeredProfileOf(l.id, l.content as SupplyContent, { id: l.organizationId, regionId: null }, placeholder),
        vocabulary,
      );
      this.remember(l.id, l.version, analysed);
    }
    // The corpus holds the published ones (a listing no longer published leaves it, yet stays rankable where a caller asks for it).
    for (const r of rows) {
      const value = this.analysed.get(r.id)?.value as AnalysedSupply | undefined;
      if (r.status === 'PUBLISHED' && value) corpus?.add(value);
      else corpus?.remove(r.id);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      const org = row && orgById.get(row.organizationId);
      const cached = this.analysed.get(id)?.value as AnalysedSupply | undefined;
      if (!row || !org || !cached) return [];
      const record = trackOf.get(row.organizationId);
      const track: TrackRecord = {
        verified: org.verificationStatus === VerificationStatus.VERIFIED,
        completedProjects: record?.completedProjects ?? null,
        rating: record?.ratingAverage ?? null,
        ratingCount: record?.ratingCount ?? 0,
        responseRate: record?.responseRate ?? null,
      };
      return [{ ...cached, profile: { ...cached.profile, regionId: org.regionId, track } }];
    });
  }

  private remember(id: string, version: number | string, value: AnalysedDemand | AnalysedSupply): void {
    if (this.analysed.size >= CACHE_LIMIT) this.analysed.delete(this.analysed.keys().next().value!);
    this.analysed.set(id, { version, value });
  }
}

/** The owner's decisions as the need builder takes them. */
function decisionsOf(rows: ConceptDecisionRow[]): ConceptDecisions {
  const confirmable = (s: ConceptDecisionRow['scheme']): s is ConceptDecisions['confirmed'][number]['scheme'] =>
    s === 'task' || s === 'industry' || s === 'modality' || s === 'integration';
  return {
    confirmed: rows.flatMap((r) =>
      r.decision === 'CONFIRMED' && confirmable(r.scheme) ? [{ scheme: r.scheme, conceptId: r.conceptId }] : [],
    ),
    dismissed: rows.filter((r) => r.decision === 'DISMISSED').map((r) => r.conceptId),
  };
}
