import { normalize } from '@aimatch/korean-text';
import {
  type ConceptFacet,
  FACETS,
  type FacetName,
  highlight,
  planQuery,
  SearchInputError,
  searchConcepts,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
  SORTS,
  type SortName,
} from '@aimatch/search';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError } from '../../common/errors/app-error';
import { MAX_PAGE_SIZE } from '../../graphql/pagination';
import { OutboxService } from '../../database/outbox/outbox.service';
import type { RequestContext } from '../../graphql/request-context';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingsService } from '../listings/listings.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import type { SearchFiltersInput, SearchListingsArgs } from './dto/search.dto';
import { SEARCH_INDEX } from './search-index.provider';
import { SearchIndexer } from './search-indexer';

const FILTER_FACETS: Record<keyof Omit<SearchFiltersInput, 'amountMin' | 'amountMax' | 'verifiedOnly'>, ConceptFacet> = {
  tasks: 'task',
  industries: 'industry',
  regions: 'region',
  deployments: 'deployment',
  integrations: 'integration',
  modalities: 'modality',
  certifications: 'certification',
};
const MAX_FILTER_VALUES = 20;

export interface SearchPage {
  hits: Array<{ listing: ListingRecord; score: number; cursor: string; highlights: ReturnType<typeof highlight>[] }>;
  totalCount: number;
  hasNextPage: boolean;
  facets: Array<{ facet: FacetName; value: string; count: number }>;
  tookMs: number;
  engine: string;
}

/**
 * Search over published listings through the SearchIndex port. Visibility is decided here and
 * passed to the engine as a filter, so restricted demands never reach hits, counts or facets.
 */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly vocabulary: VocabularyCache,
    private readonly access: ListingAccessPolicy,
    private readonly listings: ListingsService,
    private readonly outbox: OutboxService,
    private readonly indexer: SearchIndexer,
  ) {}

  async search(rc: RequestContext, args: SearchListingsArgs): Promise<SearchPage> {
    const vocabulary = await this.vocabulary.get();
    const limit = args.first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
      throw AppError.field('first', 'range', { min: 1, max: MAX_PAGE_SIZE });
    const sort = (args.sort ?? 'relevance') as SortName;
    if (!SORTS.includes(sort)) throw AppError.field('sort', 'enum', { allowed: SORTS.join(', ') });
    const facets = (args.facets ?? []) as FacetName[];
    if (facets.some((f) => !FACETS.includes(f))) throw AppError.field('facets', 'enum', { allowed: FACETS.join(', ') });

    let query;
    try {
      query = planQuery(args.q, vocabulary);
    } catch (err) {
      if (err instanceof SearchInputError) throw AppError.field(err.path, err.rule, err.params);
      throw err;
    }
    const concepts: Partial<Record<ConceptFacet, string[]>> = {};
    for (const [key, facet] of Object.entries(FILTER_FACETS) as Array<[keyof typeof FILTER_FACETS, ConceptFacet]>) {
      const values = args.filters?.[key];
      if (!values?.length) continue;
      if (values.length > MAX_FILTER_VALUES) throw AppError.field(`filters.${key}`, 'max-items', { max: MAX_FILTER_VALUES });
      const bad = values.findIndex((id) => vocabulary.get(id)?.scheme !== facet);
      if (bad >= 0)
        throw AppError.field(`filters.${key}.${bad}`, vocabulary.has(values[bad]) ? 'wrong-scheme' : 'unknown-concept', {
          id: values[bad],
          expected: facet,
        });
      concepts[facet] = values;
    }
    const { amountMin, amountMax } = args.filters ?? {};
    for (const [path, v] of [
      ['filters.amountMin', amountMin],
      ['filters.amountMax', amountMax],
    ] as const) {
      if (v !== undefined && v !== null && (!Number.isFinite(v) || v < 0)) throw AppError.field(path, 'min-value', { min: 0 });
    }
    const visibility: SearchRequest['filters']['visibility'] =
      this.access.isStaff(rc.viewer) || (await this.access.isVerifiedSupplier(rc)) ? ['PUBLIC', 'VERIFIED_SUPPLIERS'] : ['PUBLIC'];
    const filters: SearchRequest['filters'] = {
      visibility,
      kind: args.kind,
      concepts,
      amountMin: amountMin ?? undefined,
      amountMax: amountMax ?? undefined,
      verifiedOnly: args.filters?.verifiedOnly ?? undefined,
    };
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([args.kind ?? null, query?.text ?? null, filters, sort]))
      .digest('base64url')
      .slice(0, 12);
    const offset = args.after ? this.decodeCursor(args.after, fingerprint) : 0;

    const result = await this.index.search({ query, filters, facets, sort, limit: limit + 1, offset });
    await this.disjunctiveFacets(result.facetDistribution, { query, filters, facets, sort, limit: 1, offset: 0 });
    const page = result.hits.slice(0, limit);
    const rows = await this.listings.findByIds(page.map((h) => h.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The index is derived data: a hit whose listing stopped being visible since is dropped.
    const hits: SearchPage['hits'] = [];
    for (const [i, h] of page.entries()) {
      const listing = byId.get(h.id);
      if (!listing || listing.status !== 'PUBLISHED' || !(await this.access.canSee(rc, listing))) continue;
      hits.push({
        listing,
        score: h.score,
        cursor: Buffer.from(JSON.stringify({ o: offset + i + 1, f: fingerprint })).toString('base64url'),
        highlights: [highlight('title', listing.content.title, query), highlight('summary', listing.content.summary, query)],
      });
    }
    const facetRows = Object.entries(result.facetDistribution).flatMap(([facet, counts]) =>
      Object.entries(counts ?? {})
        .map(([value, count]) => ({ facet: facet as FacetName, value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
    return {
      hits,
      totalCount: result.estimatedTotal,
      hasNextPage: result.hits.length > limit,
      facets: facetRows,
      tookMs: result.tookMs,
      engine: this.index.engine,
    };
  }

  /**
   * Search-as-you-type: concepts by label or synonym (ko/en, choseong too) and listing titles.
   */
  async suggest(
    rc: RequestContext,
    q: string,
    first: number,
  ): Promise<Array<{ kind: 'CONCEPT' | 'LISTING'; id: string; label: string; scheme: string | null }>> {
    if (q.length > 100) throw AppError.field('q', 'max-length', { max: 100 });
    const limit = Math.min(Math.max(first, 1), 20);
    const text = normalize(q);
    if (!text) return [];
    const vocabulary = await this.vocabulary.get();
    const lang = rc.locale;
    // The one analyzer of search and the concept picker (spacing, particles, choseong, typos, transliteration).
    const concepts = searchConcepts(text, vocabulary, { limit }).map((m) => {
      const c = vocabulary.get(m.id)!;
      return { kind: 'CONCEPT' as const, id: c.id, label: lang === 'en' ? c.labels.en : c.labels.ko, scheme: c.scheme };
    });
    const fromConcepts = concepts;
    const listings = await this.search(rc, {
      q,
      first: Math.max(1, limit - Math.min(fromConcepts.length, Math.ceil(limit / 2))),
      sort: 'relevance' as never,
    });
    const fromListings = listings.hits.map((h) => ({
      kind: 'LISTING' as const,
      id: h.listing.id,
      label: h.listing.content.title,
      scheme: null,
    }));
    return [...fromConcepts.slice(0, Math.ceil(limit / 2)), ...fromListings].slice(0, limit);
  }

  async status(): Promise<{ engine: string; documents: number; pendingEvents: number; lagSeconds: number | null; parkedEvents: number }> {
    const row = await this.outbox.backlog(['listing.changed', 'organization.updated']);
    return {
      engine: this.index.engine,
      documents: (await this.index.stats()).documents,
      pendingEvents: row.pending,
      lagSeconds: row.lag,
      parkedEvents: row.parked,
    };
  }

  /**
   * A facet with an active filter is counted without that filter (the other values stay
   * visible with their counts, so one can widen the choice); the rest use the result's counts.
   */
  private async disjunctiveFacets(distribution: Partial<Record<FacetName, Record<string, number>>>, request: SearchRequest): Promise<void> {
    for (const facet of request.facets) {
      const own = facet === 'verified' ? request.filters.verifiedOnly : request.filters.concepts?.[facet]?.length;
      if (!own) continue;
      const { [facet as ConceptFacet]: _, ...otherConcepts } = request.filters.concepts ?? {};
      const filters =
        facet === 'verified' ? { ...request.filters, verifiedOnly: undefined } : { ...request.filters, concepts: otherConcepts };
      const widened = await this.index.search({ ...request, filters, facets: [facet] });
      distribution[facet] = widened.facetDistribution[facet] ?? {};
    }
  }

  private decodeCursor(cursor: string, fingerprint: string): number {
    try {
      const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (f === fingerprint && Number.isInteger(o) && o >= 0 && o <= 10_000) return o;
    } catch {
      /* fall through */
    }
    throw AppError.field('after', 'format', { format: 'cursor of this search' });
  }

  // --- for other modules and the CLI --------------------------------------------------------

  /**
   * One request to the engine as it is, for modules that rank on top of retrieval (matching): the
   * caller decides visibility and passes it in `filters`.
   */
  retrieve(request: SearchRequest): Promise<SearchResult> {
    return this.index.search(request);
  }

  /** Rebuilds the whole index from PostgreSQL, the source of truth (`npm run search:reindex`). */
  reindexAll(): Promise<{ indexed: number; removed: number }> {
    return this.indexer.reindexAll();
  }

  /**
   * Whether search answers (`/ready`): the in-process engine once it has loaded (from its snapshot
   * or the table) within `timeoutMs`. The PostgreSQL engine follows the database check, and
   * Meilisearch being away does not make an instance unready: writes go on and the outbox indexes
   * them once it is back (searches then fail with a typed error).
   */
  async serving(timeoutMs = 500): Promise<boolean> {
    if (this.index.engine !== 'memory') return true;
    if ((this.index as { loaded?: boolean }).loaded === true) return true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([
        this.index.stats().then(
          () => true,
          () => false,
        ),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
