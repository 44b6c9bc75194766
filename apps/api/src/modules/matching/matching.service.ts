import { MATCHED_SCHEMES } from '@aimatch/matching';
import { type EvidenceSpan, recognizeConcepts } from '@aimatch/capability-model';
import { OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../common/errors/app-error';
import { MAX_PAGE_SIZE } from '../../graphql/pagination';
import type { RequestContext } from '../../graphql/request-context';
import type { Organization } from '../identity/dto/identity.records';
import { IdentityLoaders } from '../identity/identity.loaders';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingsService } from '../listings/listings.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { MatchEngine, type Ranked } from './match-engine';

export type { Ranked };

export interface InferredConcept {
  scheme: string;
  conceptId: string;
  evidence: string[];
  decision: 'CONFIRMED' | 'DISMISSED' | null;
}

export interface MatchPage {
  edges: Array<{ cursor: string; listing: ListingRecord; ranked: Ranked; supplyListingId?: string }>;
  hasNextPage: boolean;
  totalCount: number;
  candidates: number;
  tookMs: number;
}

const FIELD_OF_SCHEME: Record<(typeof MATCHED_SCHEMES)[number], string> = {
  task: 'tasks',
  industry: 'industries',
  modality: 'modalities',
  integration: 'integrations',
  deployment: 'deployments',
  certification: 'certifications',
};
export const MAX_DRAFT_TEXT = 2000;
/** The supplier's home ranks demands for at most this many of its published listings. */
const MAX_LISTINGS_FOR_HOME = 20;

/** The organization kinds that offer AI and bid on demands. */
const SUPPLIER_SIDE: readonly OrganizationKind[] = [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR];

/**
 * Who may read matches, and paging over a ranking. A listing one may not see is NOT_FOUND; a
 * visible listing of someone else is FORBIDDEN; matches exist for published listings only.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly engine: MatchEngine,
    private readonly listings: ListingsService,
    private readonly access: ListingAccessPolicy,
    private readonly vocabulary: VocabularyCache,
    private readonly identity: IdentityLoaders,
  ) {}

  async matchesForDemand(rc: RequestContext, demandId: string, first = 20, after?: string | null): Promise<MatchPage> {
    const demand = await this.ownListing(rc, demandId, 'DEMAND');
    return this.page(demand, first, after, () => this.engine.suppliersFor(demand));
  }

  async recommendedDemands(rc: RequestContext, supplyId: string, first = 20, after?: string | null): Promise<MatchPage> {
    const supply = await this.ownListing(rc, supplyId, 'SUPPLY');
    // Only demands the supplier may see (staff see what the supplier would): restricted ones once it is verified.
    const verified = await this.ownerVerified(rc, supply);
    return this.page(supply, first, after, () => this.engine.demandsFor(supply, verified ? ['PUBLIC', 'VERIFIED_SUPPLIERS'] : ['PUBLIC']));
  }

  /**
   * Drafting help: structured field values recognised in an SME's few sentences, each with its trigger
   * words and the spans that named it. Incidental mentions (a customer's industry, the writer's own
   * certificate) are not proposed.
   */
  async suggestDemandFields(
    text: string,
  ): Promise<Array<{ field: string; conceptId: string; evidence: string[]; partial: boolean; spans: EvidenceSpan[] }>> {
    if (text.length > MAX_DRAFT_TEXT) throw AppError.field('text', 'max-length', { max: MAX_DRAFT_TEXT });
    const vocabulary = await this.vocabulary.get();
    const found = recognizeConcepts(text, vocabulary, { schemes: MATCHED_SCHEMES, prose: true }).filter((c) => !c.incidental);
    // A broader concept next to a narrower one it contains adds nothing to propose.
    return found
      .filter((c) => !found.some((o) => o.id !== c.id && vocabulary.isSameOrDescendantOf(o.id, c.id)))
      .map((c) => ({
        field: FIELD_OF_SCHEME[c.scheme as keyof typeof FIELD_OF_SCHEME],
        conceptId: c.id,
        evidence: c.evidence,
        partial: c.partial,
        spans: c.spans ?? [],
      }))
      .sort((a, b) => Number(a.partial) - Number(b.partial) || a.field.localeCompare(b.field) || a.conceptId.localeCompare(b.conceptId));
  }

  private async ownListing(rc: RequestContext, id: string, kind: 'DEMAND' | 'SUPPLY'): Promise<ListingRecord> {
    const listing = /^[0-9a-f-]{36}$/i.test(id) ? await this.listings.findListing(id) : null;
    if (!listing || listing.kind !== kind || !(await this.access.canSee(rc, listing))) throw AppError.notFound();
    if (!(await this.access.actor(rc, listing))) throw AppError.forbidden();
    if (listing.status !== 'PUBLISHED') throw AppError.conflict('not-published', { current: listing.status });
    return listing;
  }

  private async ownerVerified(rc: RequestContext, supply: ListingRecord): Promise<boolean> {
    const org = await rc.loaders.get(this.identity.organization).load(supply.organizationId);
    return !!org && org.verificationStatus === VerificationStatus.VERIFIED;
  }

  private async page(
    listing: { id: string; version: number | string },
    first: number,
    after: string | null | undefined,
    rank: () => Promise<Ranked[]>,
  ): Promise<MatchPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw AppError.field('first', 'range', { min: 1, max: MAX_PAGE_SIZE });
    // A cursor belongs to one version of one listing's ranking.
    const fingerprint = createHash('sha256').update(`${listing.id}:${listing.version}`).digest('base64url').slice(0, 12);
    const offset = after ? decodeCursor(after, fingerprint) : 0;
    const started = performance.now();
    const ranked = await rank();
    const slice = ranked.slice(offset, offset + first);
    const rows = await this.listings.findByIds(slice.map((r) => r.listingId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      edges: slice.flatMap((r, i) => {
        const l = byId.get(r.listingId);
        return l
          ? [{ cursor: Buffer.from(JSON.stringify({ o: offset + i + 1, f: fingerprint })).toString('base64url'), listing: l, ranked: r }]
          : [];
      }),
      hasNextPage: offset + first < ranked.length,
      totalCount: ranked.length,
      candidates: ranked.length,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  // --- for other modules (bids: the bidders' match scores) ------------------------------------

  /** Supplier listings ranked for a demand, best first (the ranking `matchesForDemand` pages through), without access checks. */
  rankSuppliers(demand: ListingRecord): Promise<Ranked[]> {
    return this.engine.suppliersFor(demand);
  }

  /**
   * How well the viewer's organizations fit a demand they do not own: the best of their published
   * supply listings, scored and explained as the demand's owner would see it. Null for anonymous
   * viewers, the demand's own organization, staff-only accounts, organizations that are not AI
   * suppliers or SI integrators, and suppliers without a published supply listing.
   */
  async fitForViewer(
    rc: RequestContext,
    demandId: string,
  ): Promise<{ supplyListingId: string; explanation: Ranked['explanation'] } | null> {
    if (!rc.viewer) return null;
    const memberships = await rc.loaders.get(this.identity.membershipsByUser).load(rc.viewer.userId);
    const demand = await this.listings.findListing(demandId);
    if (!demand || demand.kind !== 'DEMAND' || demand.status !== 'PUBLISHED') return null;
    const orgIds = memberships.map((m) => m.organizationId).filter((id) => id !== demand.organizationId);
    if (orgIds.length === 0 || orgIds.length < memberships.length) return null; // the owner's side
    const orgs = (await rc.loaders.get(this.identity.organization).loadMany(orgIds)).filter(
      (o): o is Organization => !!o && !(o instanceof Error) && SUPPLIER_SIDE.includes(o.kind),
    );
    const supplies = await this.listings.publishedSupplyOf(orgs.map((o) => o.id));
    if (supplies.length === 0) return null;
    const ranked = await this.rankSuppliersAmong(
      demand,
      supplies.map((x) => x.id),
    );
    const [best] = [...ranked].sort((a, b) => b.explanation.rawScore - a.explanation.rawScore);
    return best ? { supplyListingId: best.listingId, explanation: best.explanation } : null;
  }

  /** These supply listings ranked for a demand among themselves (see MatchEngine.suppliersAmong), without access checks. */
  rankSuppliersAmong(demand: ListingRecord, supplyIds: string[]): Promise<Ranked[]> {
    return this.engine.suppliersAmong(demand, supplyIds);
  }

  // --- the supplier's home (#14 item 1) ----------------------------------------------------------

  /**
   * Demands recommended across every published supply listing of one organization, each demand
   * once (with its best listing), best fit first. The organization's members and staff; FORBIDDEN
   * for anyone else; empty for organizations that do not supply.
   */
  async recommendedDemandsForOrganization(
    rc: RequestContext,
    organizationId: string,
    first = 20,
    after?: string | null,
  ): Promise<MatchPage> {
    const member = (await this.access.organizationIds(rc)).includes(organizationId);
    if (!member && !this.access.isStaff(rc.viewer)) throw AppError.forbidden();
    const org = /^[0-9a-f-]{36}$/i.test(organizationId) ? await rc.loaders.get(this.identity.organization).load(organizationId) : null;
    if (!org) throw AppError.notFound();
    const supplies = SUPPLIER_SIDE.includes(org.kind)
      ? (await this.listings.publishedSupplyOf([organizationId])).slice(0, MAX_LISTINGS_FOR_HOME)
      : [];
    const visibility: Array<'PUBLIC' | 'VERIFIED_SUPPLIERS'> =
      org.verificationStatus === VerificationStatus.VERIFIED ? ['PUBLIC', 'VERIFIED_SUPPLIERS'] : ['PUBLIC'];
    const rows = await this.listings.findByIds(supplies.map((x) => x.id));
    const rankings = await Promise.all(rows.map(async (supply) => ({ supply, ranked: await this.engine.demandsFor(supply, visibility) })));
    const best = new Map<string, { ranked: Ranked; supplyListingId: string }>();
    for (const { supply, ranked } of rankings) {
      for (const r of ranked) {
        const seen = best.get(r.listingId);
        if (!seen || r.explanation.rawScore > seen.ranked.explanation.rawScore)
          best.set(r.listingId, { ranked: r, supplyListingId: supply.id });
      }
    }
    const merged = [...best.values()].sort(
      (a, b) => b.ranked.explanation.rawScore - a.ranked.explanation.rawScore || (a.ranked.listingId < b.ranked.listingId ? -1 : 1),
    );
    const via = new Map(merged.map((m) => [m.ranked.listingId, m.supplyListingId]));
    // The cursor belongs to this organization's set of listings (and their versions).
    const stamp = { id: organizationId, version: rows.map((r) => `${r.id}@${r.version}`).join(',') };
    const page = await this.page(stamp, first, after, () => Promise.resolve(merged.map((m) => m.ranked)));
    return { ...page, edges: page.edges.map((e) => ({ ...e, supplyListingId: via.get(e.ranked.listingId) })) };
  }

  // --- the demand owner's decisions on inferred concepts (#14 item 8) ---------------------------

  /** What matching read from the demand's text, with the owner's decision on each; empty for anyone but its organization and staff. */
  async inferredConcepts(rc: RequestContext, demandId: string): Promise<InferredConcept[]> {
    const demand = await this.listings.findListing(demandId);
    if (!demand || demand.kind !== 'DEMAND' || !(await this.access.actor(rc, demand))) return [];
    const [needs, decisions] = await Promise.all([this.engine.inferredNeeds(demand), this.listings.conceptDecisions([demand.id])]);
    const decided = new Map(decisions.map((d) => [d.conceptId, d.decision]));
    return needs.map((n) => ({ ...n, decision: decided.get(n.conceptId) ?? null }));
  }

  /** The demand's organization confirms, removes or undoes an inferred concept; answers the demand's inferred concepts. */
  async decideInferredConcept(
    rc: RequestContext,
    demandId: string,
    input: { conceptId: string; scheme: string; decision: 'CONFIRMED' | 'DISMISSED' | null },
  ): Promise<InferredConcept[]> {
    if (!(MATCHED_SCHEMES as readonly string[]).includes(input.scheme)) throw AppError.field('scheme', 'not-allowed');
    await this.listings.decideConcept(rc, demandId, { ...input, scheme: input.scheme as (typeof MATCHED_SCHEMES)[number] });
    return this.inferredConcepts(rc, demandId);
  }
}

function decodeCursor(cursor: string, fingerprint: string): number {
  try {
    const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (f === fingerprint && Number.isInteger(o) && o >= 0 && o <= 10_000) return o;
  } catch {
    /* fall through */
  }
  throw AppError.field('after', 'format', { format: 'cursor' });
}
