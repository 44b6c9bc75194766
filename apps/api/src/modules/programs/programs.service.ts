import {
  ELIGIBILITY_FACTS,
  type EligibilityResult,
  type EligibilityRule,
  type EligibilitySubject,
  eligibilityVerdict,
  evaluateEligibility,
  type OrganizationFacts,
  validateEligibilityRules,
  type VocabularyView,
} from '@aimatch/programs';
import { parseInput, type RuleViolation } from '@aimatch/validation';
import { VerificationStatus } from '@aimatch/contracts';
import type { Vocabulary } from '@aimatch/capability-model';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import type { Organization } from '../identity/dto/identity.records';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ListingsService } from '../listings/listings.service';
import { CertificationService } from '../verification/certification.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import type { ProgramStatus, SupportProgramFields, SupportProgramRow } from './dto/program.records';
import { ProgramsRepository } from './programs.repository';
import { rulesSchema, supportProgramSchema } from './programs.schemas';
import { SAMPLE_PROGRAMS } from './sample-programs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERDICT_RANK = { ELIGIBLE: 0, POSSIBLE: 1, INELIGIBLE: 2 } as const;
/** An application window longer than this is a typo. */
const MAX_WINDOW_YEARS = 5;
const PREVIEW_BATCH = 500;

export interface ProgramEligibility extends EligibilityResult {
  program: SupportProgramRow;
}

export interface RulePreview {
  organizations: number;
  eligibleOrganizations: number;
  possibleOrganizations: number;
  demands: number;
  eligibleDemands: number;
}

function vocabularyView(vocabulary: Vocabulary): VocabularyView {
  return {
    exists: (scheme, id) => vocabulary.get(id)?.scheme === scheme,
    isSameOrDescendantOf: (id, ancestor) => vocabulary.isSameOrDescendantOf(id, ancestor),
    label: (id, locale) => vocabulary.label(id, locale) ?? id,
  };
}

function addYears(day: string, years: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * The support-program catalogue (정부 지원사업): staff curate programs with eligibility rules as data
 * (libs/programs), members see which programs fit their organization or demand and why, and staff
 * preview a rule set against the marketplace. Reads organizations (identity), verified
 * certifications (verification) and demands (listings) through their services; nothing imports it.
 */
@Injectable()
export class ProgramsService {
  /** The open published programs, parsed, for one catalogue version and day (checked on every use, never by age). */
  private openCache: { version: string; today: string; programs: Promise<SupportProgramRow[]> } | null = null;

  constructor(
    private readonly repository: ProgramsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly memberships: MembershipPolicy,
    private readonly identity: IdentityService,
    private readonly certifications: CertificationService,
    private readonly listings: ListingsService,
    private readonly vocabulary: VocabularyCache,
  ) {}

  // --- the catalogue ---------------------------------------------------------------------------

  async list(viewer: Viewer | null, args: { first?: number; after?: string | null; status?: ProgramStatus | null }) {
    const staff = viewer ? this.memberships.isStaff(viewer) : false;
    const statuses: ProgramStatus[] = args.status ? [args.status] : staff ? ['DRAFT', 'PUBLISHED'] : ['PUBLISHED'];
    if (!staff && statuses.some((s) => s !== 'PUBLISHED')) throw AppError.forbidden();
    const { limit, after } = pageArgs(args.first, args.after);
    if (
      after &&
      (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string' || !UUID.test(after[1]))
    ) {
      throw AppError.field('after', 'format', { format: 'cursor' });
    }
    const { rows, total } = await this.repository.page(
      statuses,
      limit,
      after ? { createdAt: after[0] as string, id: after[1] as string } : null,
    );
    return toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async get(viewer: Viewer | null, id: string): Promise<SupportProgramRow> {
    if (!UUID.test(id)) throw AppError.notFound();
    const row = await this.repository.find(id);
    const staff = viewer ? this.memberships.isStaff(viewer) : false;
    if (!row || (row.status !== 'PUBLISHED' && !staff)) throw AppError.notFound();
    return row;
  }

  async create(rc: RequestContext, viewer: Viewer, raw: unknown): Promise<SupportProgramRow> {
    this.assertStaff(viewer);
    const fields = await this.validate(raw);
    return this.transactions.run(async (tx) => {
      const row = await this.repository.insert(tx, { ...fields, status: 'DRAFT', createdById: viewer.userId });
      if (!row) throw AppError.conflict();
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'program.create',
        subjectType: 'support_program',
        subjectId: row.id,
        details: { after: fields },
        requestId: rc.requestId,
      });
      return row;
    });
  }

  async update(rc: RequestContext, viewer: Viewer, id: string, version: number, raw: unknown): Promise<SupportProgramRow> {
    this.assertStaff(viewer);
    if (!UUID.test(id)) throw AppError.notFound();
    const fields = await this.validate(raw);
    return this.transactions.run(async (tx) => {
      const before = await this.repository.lockForUpdate(tx, id);
      if (!before) throw AppError.notFound();
      if (before.version !== version) throw AppError.conflict('stale-version', { current: before.version });
      const row = await this.repository.update(tx, id, version, fields, this.clock.now());
      if (!row) throw AppError.conflict('stale-version', { current: before.version });
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'program.update',
        subjectType: 'support_program',
        subjectId: id,
        details: { before: fieldsOf(before), after: fields },
        requestId: rc.requestId,
      });
      return row;
    });
  }

  async setStatus(rc: RequestContext, viewer: Viewer, id: string, status: ProgramStatus): Promise<SupportProgramRow> {
    this.assertStaff(viewer);
    if (!UUID.test(id)) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const before = await this.repository.lockForUpdate(tx, id);
      if (!before) throw AppError.notFound();
      if (before.status === status) return before;
      if (status === 'PUBLISHED') {
        const violations = validateEligibilityRules(before.rules, vocabularyView(await this.vocabulary.get()));
        if (violations.length) throw AppError.badInput(violations);
      }
      const row = (await this.repository.setStatus(tx, id, status, this.clock.now()))!;
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: `program.${status.toLowerCase()}`,
        subjectType: 'support_program',
        subjectId: id,
        details: { before: { status: before.status }, after: { status } },
        requestId: rc.requestId,
      });
      return row;
    });
  }

  /** The facts a rule may test, for the staff rule editor. */
  facts(): Array<{ name: string; definition: (typeof ELIGIBILITY_FACTS)[keyof typeof ELIGIBILITY_FACTS] }> {
    return Object.entries(ELIGIBILITY_FACTS).map(([name, definition]) => ({ name, definition }));
  }

  // --- eligibility -----------------------------------------------------------------------------

  /**
   * The published, still-open programs checked against an organization (its members and staff) or
   * a demand (its organization's members and staff; the demand's organization facts count too):
   * eligible first, then possible, then (when asked) the rest; soonest closing first within each.
   */
  async eligibility(
    rc: RequestContext,
    viewer: Viewer,
    target: { organizationId?: string | null; demandId?: string | null },
    args: { first?: number; after?: string | null; includeIneligible?: boolean | null },
  ): Promise<Connection<ProgramEligibility>> {
    if (Boolean(target.organizationId) === Boolean(target.demandId)) {
      throw AppError.badInput([{ path: 'organizationId', rule: 'required' }]);
    }
    const { limit, after } = pageArgs(args.first, args.after);
    // The subject (with its access check), the vocabulary and the catalogue are read side by side.
    const [subject, loaded, programs] = await Promise.all([
      this.subjectFor(rc, viewer, target),
      this.vocabulary.get(),
      this.openPrograms(),
    ]);
    const vocabulary = vocabularyView(loaded);
    const year = Number(this.clock.today().slice(0, 4));
    // Verdicts for every program (cheap), reasons written only for the page shown.
    const keyOf = (e: { verdict: ProgramEligibility['verdict']; program: SupportProgramRow }) => [
      VERDICT_RANK[e.verdict],
      e.program.closesOn ?? '9999-12-31',
      e.program.id,
    ];
    const all = programs
      .map((program) => ({ program, verdict: eligibilityVerdict(program.rules, subject, vocabulary, year) }))
      .filter((e) => args.includeIneligible || e.verdict !== 'INELIGIBLE')
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const start = after ? all.findIndex((e) => compareKeys(keyOf(e), after) > 0) : 0;
    const page = (start < 0 ? [] : all.slice(start, start + limit + 1)).map(({ program }) => ({
      program,
      ...evaluateEligibility(program.rules, subject, vocabulary, year),
    }));
    return toConnection(page, limit, all.length, keyOf);
  }

  /** Staff: how many organizations (and published demands, when a rule tests one) a rule set would match. */
  async preview(rc: RequestContext, viewer: Viewer, raw: unknown): Promise<RulePreview> {
    this.assertStaff(viewer);
    const parsed = parseInput(rulesSchema, { rules: raw });
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const rawRules = parsed.value.rules as EligibilityRule[];
    const vocabulary = vocabularyView(await this.vocabulary.get());
    const violations = validateEligibilityRules(rawRules, vocabulary);
    if (violations.length) throw AppError.badInput(violations);
    const year = Number(this.clock.today().slice(0, 4));
    const preview: RulePreview = { organizations: 0, eligibleOrganizations: 0, possibleOrganizations: 0, demands: 0, eligibleDemands: 0 };
    const facts = new Map<string, OrganizationFacts>();
    const ids = (await this.identity.registrationFacts()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += PREVIEW_BATCH) {
      const batch = await this.organizationFacts(rc, await this.identity.organizations(ids.slice(i, i + PREVIEW_BATCH)));
      for (const [id, org] of batch) {
        facts.set(id, org);
        const result = evaluateEligibility(rawRules, { organization: org }, vocabulary, year);
        preview.organizations++;
        if (result.verdict === 'ELIGIBLE') preview.eligibleOrganizations++;
        if (result.verdict === 'POSSIBLE') preview.possibleOrganizations++;
      }
    }
    const byDemand = rawRules.some((r) => r.fact.startsWith('demand.'));
    if (byDemand) {
      let afterId: string | undefined;
      for (;;) {
        const page = await this.listings.publishedIds({ kind: 'DEMAND', afterId, limit: PREVIEW_BATCH });
        if (page.length === 0) break;
        afterId = page[page.length - 1];
        for (const listing of await this.listings.findByIds(page)) {
          const result = evaluateEligibility(
            rawRules,
            { organization: facts.get(listing.organizationId) ?? null, demand: demandFactsOf(listing.content) },
            vocabulary,
            year,
          );
          preview.demands++;
          if (result.verdict === 'ELIGIBLE') preview.eligibleDemands++;
        }
        if (page.length < PREVIEW_BATCH) break;
      }
    }
    return preview;
  }

  // --- samples -----------------------------------------------------------------------------------

  /** Adds the sample programs (published, marked as samples with their source) once; returns how many were new. */
  async seedSamples(): Promise<number> {
    let added = 0;
    await this.transactions.run(async (tx) => {
      for (const sample of SAMPLE_PROGRAMS) {
        const row = await this.repository.insert(tx, {
          ...sample.fields,
          slug: sample.slug,
          isSample: true,
          status: 'PUBLISHED',
          createdById: null,
        });
        if (row) added++;
      }
    });
    return added;
  }

  // --- helpers -----------------------------------------------------------------------------------

  private assertStaff(viewer: Viewer): void {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
  }

  private async validate(raw: unknown): Promise<SupportProgramFields> {
    const parsed = parseInput(supportProgramSchema, raw);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const fields = parsed.value as SupportProgramFields;
    const violations: RuleViolation[] = validateEligibilityRules(fields.rules, vocabularyView(await this.vocabulary.get()));
    if (fields.opensOn && fields.closesOn) {
      if (fields.closesOn < fields.opensOn) violations.push({ path: 'closesOn', rule: 'min-value', params: { min: fields.opensOn } });
      else if (fields.closesOn > addYears(fields.opensOn, MAX_WINDOW_YEARS)) {
        violations.push({ path: 'closesOn', rule: 'max-value', params: { max: addYears(fields.opensOn, MAX_WINDOW_YEARS) } });
      }
    }
    if (violations.length) throw AppError.badInput(violations);
    return fields;
  }

  private async subjectFor(
    rc: RequestContext,
    viewer: Viewer,
    target: { organizationId?: string | null; demandId?: string | null },
  ): Promise<EligibilitySubject> {
    if (target.organizationId) {
      if (!UUID.test(target.organizationId)) throw AppError.forbidden();
      // One round trip: the access check, the organization and its verified certifications side by side.
      const [, org, certifications] = await Promise.all([
        this.memberships.assertMemberOrStaff(viewer, target.organizationId),
        this.identity.organization(target.organizationId),
        this.certifications.verifiedOf(rc, target.organizationId),
      ]);
      if (!org) throw AppError.notFound();
      return { organization: factsOf(org, certifications) };
    }
    const demandId = target.demandId ?? '';
    if (!UUID.test(demandId)) throw AppError.notFound();
    const listing = await this.listings.findListing(demandId);
    if (!listing || listing.kind !== 'DEMAND') throw AppError.notFound();
    await this.memberships.assertMemberOrStaff(viewer, listing.organizationId);
    const org = await this.identity.organization(listing.organizationId);
    return {
      organization: org ? ((await this.organizationFacts(rc, [org])).get(org.id) ?? null) : null,
      demand: demandFactsOf(listing.content),
    };
  }

  private async organizationFacts(rc: RequestContext, orgs: Organization[]): Promise<Map<string, OrganizationFacts>> {
    const certifications = await Promise.all(orgs.map((o) => this.certifications.verifiedOf(rc, o.id)));
    return new Map(orgs.map((o, i) => [o.id, factsOf(o, certifications[i])]));
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /**
   * For each published, still-open program: how many member organizations its rules find eligible
   * (and possibly eligible: a fact unknown). Organization facts and verified certifications are read
   * in one query each, so the cost is organizations × programs rule checks in memory.
   */
  async eligibilityCounts(): Promise<Array<{ program: SupportProgramRow; eligible: number; possible: number; organizations: number }>> {
    const vocabulary = vocabularyView(await this.vocabulary.get());
    const year = Number(this.clock.today().slice(0, 4));
    const [programs, orgs, certifications] = await Promise.all([
      this.openPrograms(),
      this.identity.eligibilityFactsOfAll(),
      this.certifications.verifiedConceptsOfAll(),
    ]);
    const subjects: EligibilitySubject[] = orgs.map((o) => ({
      organization: {
        kind: o.kind,
        employeeBand: o.employeeBand,
        regionId: o.regionId,
        industryId: o.industryId,
        verifiedCertificationIds: certifications.get(o.id) ?? [],
        verified: o.verificationStatus === VerificationStatus.VERIFIED,
        foundedYear: o.foundedYear,
      },
    }));
    return programs.map((program) => {
      let eligible = 0;
      let possible = 0;
      for (const subject of subjects) {
        const verdict = eligibilityVerdict(program.rules, subject, vocabulary, year);
        if (verdict === 'ELIGIBLE') eligible++;
        else if (verdict === 'POSSIBLE') possible++;
      }
      return { program, eligible, possible, organizations: subjects.length };
    });
  }

  /**
   * The published programs still open today, shared by every eligibility check while the catalogue's
   * version (bumped by each write to support_programs, from any instance) and the day stay the same.
   */
  private async openPrograms(): Promise<SupportProgramRow[]> {
    const today = this.clock.today();
    const version = await this.repository.catalogueVersion();
    const cached = this.openCache;
    if (cached && cached.version === version && cached.today === today) return cached.programs;
    const programs = this.repository.openPublished(today);
    this.openCache = { version, today, programs };
    programs.catch(() => {
      if (this.openCache?.programs === programs) this.openCache = null;
    });
    return programs;
  }
}

function factsOf(o: Organization, certifications: Array<{ conceptId: string }>): OrganizationFacts {
  return {
    kind: o.kind,
    employeeBand: o.employeeBand,
    regionId: o.regionId,
    industryId: o.industryId,
    verifiedCertificationIds: certifications.map((c) => c.conceptId),
    verified: o.verificationStatus === VerificationStatus.VERIFIED,
    foundedYear: o.foundedYear,
  };
}

function fieldsOf(row: SupportProgramRow): SupportProgramFields {
  const { nameKo, nameEn, agencyKo, agencyEn, benefitKo, benefitEn, maxBenefitKrw, opensOn, closesOn, url, rules, sourceNote } = row;
  return { nameKo, nameEn, agencyKo, agencyEn, benefitKo, benefitEn, maxBenefitKrw, opensOn, closesOn, url, rules, sourceNote };
}

function demandFactsOf(content: {
  kind: string;
  requirement?: { tasks: string[] };
  commercialTerms?: { minAmountKrw: number | null; maxAmountKrw: number | null };
}) {
  if (content.kind !== 'DEMAND') return null;
  return {
    taskIds: content.requirement?.tasks ?? [],
    budgetKrw: content.commercialTerms?.maxAmountKrw ?? content.commercialTerms?.minAmountKrw ?? null,
  };
}

function compareKeys(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}
