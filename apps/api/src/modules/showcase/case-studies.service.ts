import { CASE_STUDY_LIMITS } from '@aimatch/contracts';
import { hasControlCharacters, neutralizeFreeText } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { type CaseStudyFields, CaseStudiesRepository, pageKey } from './case-studies.repository';
import type { CaseStudiesArgs, CaseStudyInput, CaseStudyRow } from './dto/case-study.dto';

export type { CaseStudyRow };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KST_OFFSET_MS = 9 * 3600_000;

/**
 * Case studies / references on an organization's profile (#14 item 2). The organization's owners
 * add, edit, delete and reorder them (each change audited, one transaction under the organization's
 * lock); whoever can see the profile reads them in the owners' order. Limits: CASE_STUDY_LIMITS.
 */
@Injectable()
export class CaseStudiesService {
  constructor(
    private readonly repository: CaseStudiesRepository,
    private readonly identity: IdentityService,
    private readonly memberships: MembershipPolicy,
    private readonly vocabulary: VocabularyCache,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  /** One organization's page; many organizations in one request share two queries (see `pageLoader`). */
  async list(rc: RequestContext, organizationId: string, args: CaseStudiesArgs): Promise<Connection<CaseStudyRow>> {
    const { limit, after } = pageArgs(args.first, args.after);
    if (after && (after.length !== 2 || !Number.isInteger(after[0]) || typeof after[1] !== 'string' || !UUID.test(after[1])))
      throw AppError.field('after', 'format', { format: 'cursor' });
    const cursor = (after as [number, string] | null) ?? null;
    const { rows, total } = await rc.loaders.get(this.repository.pageLoader).load(pageKey(organizationId, limit, cursor));
    return toConnection(rows, limit, total, (r) => [r.position, r.id]);
  }

  async create(rc: RequestContext, viewer: Viewer, organizationId: string, input: CaseStudyInput): Promise<CaseStudyRow> {
    if (!UUID.test(organizationId)) throw AppError.forbidden();
    await this.memberships.assertOwner(viewer, organizationId);
    return this.transactions.run(async (tx) => {
      const org = (await this.identity.lockOrganization(tx, organizationId))!;
      const fields = await this.validate(input, org.foundedYear);
      const existing = await this.repository.allOf(tx, org.id);
      if (existing.length >= CASE_STUDY_LIMITS.perOrganization)
        throw AppError.conflict('case-studies-full', { max: CASE_STUDY_LIMITS.perOrganization });
      const position = existing.length ? Math.max(...existing.map((c) => c.position)) + 1 : 0;
      const row = await this.repository.insert(tx, org.id, fields, position, viewer.userId, this.clock.now());
      await this.record(tx, rc, viewer, 'case-study.created', org.id, { caseStudyId: row.id, after: fields });
      return row;
    });
  }

  async update(rc: RequestContext, viewer: Viewer, id: string, input: CaseStudyInput): Promise<CaseStudyRow> {
    const found = await this.findOwned(viewer, id);
    return this.transactions.run(async (tx) => {
      const org = (await this.identity.lockOrganization(tx, found.organizationId))!;
      const before = await this.repository.find(found.id, tx, true);
      if (!before) throw AppError.notFound();
      const fields = await this.validate(input, org.foundedYear);
      const row = await this.repository.update(tx, before.id, fields, this.clock.now());
      await this.record(tx, rc, viewer, 'case-study.updated', org.id, { caseStudyId: row.id, before: fieldsOf(before), after: fields });
      return row;
    });
  }

  async delete(rc: RequestContext, viewer: Viewer, id: string): Promise<string> {
    const found = await this.findOwned(viewer, id);
    return this.transactions.run(async (tx) => {
      await this.identity.lockOrganization(tx, found.organizationId);
      const before = await this.repository.find(found.id, tx, true);
      if (!before) throw AppError.notFound();
      await this.repository.delete(tx, before.id);
      await this.record(tx, rc, viewer, 'case-study.deleted', before.organizationId, { caseStudyId: before.id, before: fieldsOf(before) });
      return before.id;
    });
  }

  /** `ids` are all of the organization's case studies in their new order (a stale list is a CONFLICT). */
  async reorder(rc: RequestContext, viewer: Viewer, organizationId: string, ids: string[]): Promise<CaseStudyRow[]> {
    if (!UUID.test(organizationId)) throw AppError.forbidden();
    await this.memberships.assertOwner(viewer, organizationId);
    return this.transactions.run(async (tx) => {
      await this.identity.lockOrganization(tx, organizationId);
      const existing = await this.repository.allOf(tx, organizationId);
      const known = new Set(existing.map((c) => c.id));
      if (ids.length !== existing.length || new Set(ids).size !== ids.length || ids.some((i) => !known.has(i)))
        throw AppError.conflict('case-studies-changed');
      await this.repository.setOrder(tx, ids, this.clock.now());
      await this.record(tx, rc, viewer, 'case-studies.reordered', organizationId, {
        before: existing.map((c) => c.id),
        after: ids,
      });
      return this.repository.allOf(tx, organizationId);
    });
  }

  private async findOwned(viewer: Viewer, id: string): Promise<CaseStudyRow> {
    const found = UUID.test(id) ? await this.repository.find(id) : null;
    if (!found) throw AppError.notFound();
    await this.memberships.assertOwner(viewer, found.organizationId);
    return found;
  }

  private async validate(input: CaseStudyInput, foundedYear: number | null): Promise<CaseStudyFields> {
    const title = text('title', input.title, true, CASE_STUDY_LIMITS.title, 'line')!;
    const client = text('client', input.client, false, CASE_STUDY_LIMITS.client, 'line');
    const summary = text('summary', input.summary, true, CASE_STUDY_LIMITS.summary, 'body')!;
    const minYear = Math.max(CASE_STUDY_LIMITS.minYear, foundedYear ?? CASE_STUDY_LIMITS.minYear);
    const maxYear = new Date(this.clock.now().getTime() + KST_OFFSET_MS).getUTCFullYear();
    if (!Number.isInteger(input.year) || input.year < minYear) throw AppError.field('year', 'min-value', { min: minYear });
    if (input.year > maxYear) throw AppError.field('year', 'max-value', { max: maxYear });
    const vocabulary = await this.vocabulary.get();
    const concept = (path: string, id: string, scheme: string) => {
      const c = vocabulary.get(id);
      if (!c) throw AppError.field(path, 'unknown-concept', { id });
      if (c.scheme !== scheme) throw AppError.field(path, 'wrong-scheme', { expected: scheme });
      return c.id;
    };
    const industryId = concept('industryId', input.industryId, 'industry');
    const taskIds = [...new Set(input.taskIds ?? [])];
    if (taskIds.length > CASE_STUDY_LIMITS.tasks) throw AppError.field('taskIds', 'max-items', { max: CASE_STUDY_LIMITS.tasks });
    taskIds.forEach((t, i) => concept(`taskIds.${i}`, t, 'task'));
    return { title, client, industryId, year: input.year, summary, taskIds };
  }

  private record(
    tx: Parameters<AuditService['record']>[0],
    rc: RequestContext,
    viewer: Viewer,
    action: string,
    organizationId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(tx, {
      actorUserId: viewer.userId,
      action,
      subjectType: 'organization',
      subjectId: organizationId,
      details,
      requestId: rc.requestId,
    });
  }
}

function fieldsOf(r: CaseStudyRow): CaseStudyFields {
  return { title: r.title, client: r.client, industryId: r.industryId, year: r.year, summary: r.summary, taskIds: r.taskIds };
}

/** Trimmed, at most `max` characters, no control characters (bidi and zero-width removed); null when empty and optional. */
function text(path: string, value: string | null | undefined, required: boolean, max: number, kind: 'line' | 'body'): string | null {
  const v = neutralizeFreeText(value ?? '', kind).trim();
  if (!v) {
    if (required) throw AppError.field(path, 'required');
    return null;
  }
  if (v.length > max) throw AppError.field(path, 'max-length', { max });
  if (hasControlCharacters(v)) throw AppError.field(path, 'format', { format: 'no-control-characters' });
  return v;
}
