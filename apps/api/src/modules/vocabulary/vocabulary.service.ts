import { searchConcepts } from '@aimatch/search';
import { hasBidiControls, hasControlCharacters, neutralizeFreeText, type RuleViolation } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { AppError } from '../../common/errors/app-error';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { CONCEPT_LIMITS, type ConceptInput, type ConceptUpdateInput } from './dto/concept-input';
import type { ConceptChangeEntity, ConceptEntity } from './entities/concept.entity';
import { VocabularyCache } from './vocabulary-cache.service';
import { VocabularyRepository } from './vocabulary.repository';

/**
 * Counts what uses concepts (listings, …). Higher modules register one (vocabulary cannot import them), and deleting
 * a concept is refused while any counts a use.
 */
export type ConceptUsageCounter = (conceptIds: string[]) => Promise<number>;

/** The outbox event of every staff change: the concepts touched and the vocabulary version it produced. */
export const VOCABULARY_CHANGED = 'vocabulary.changed';
export interface VocabularyChangedPayload {
  conceptIds: string[];
  version: string;
}

const STAFF_VERSION = /^(.*)\+staff\.(\d+)$/;

/** `<base>+staff.<n>`: the seeded version it started from, and the number of staff changes since. */
export function nextStaffVersion(current: string | null): string {
  const m = current ? STAFF_VERSION.exec(current) : null;
  if (m) return `${m[1]}+staff.${Number(m[2]) + 1}`;
  return `${current ?? '0'}+staff.1`;
}

export interface ConceptReference {
  path: string;
  id: string;
  scheme: string;
}

@Injectable()
export class VocabularyService {
  private readonly usage = new Map<string, ConceptUsageCounter>();

  constructor(
    private readonly repository: VocabularyRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly cache: VocabularyCache,
  ) {}

  async concepts(args: {
    scheme: string;
    parent?: string;
    search?: string;
    first?: number;
    after?: string;
  }): Promise<Connection<ConceptEntity>> {
    const { limit, after } = pageArgs(args.first, args.after, 50);
    const search = args.search?.trim().slice(0, 100) || undefined;
    if (search) return this.searchConcepts(args.scheme, args.parent, search, limit, after);
    const { rows, total } = await this.repository.page({
      scheme: args.scheme,
      parentId: args.parent,
      limit,
      afterSortOrder: after ? Number(after[0]) : undefined,
    });
    return toConnection(rows, limit, total, (c) => [c.sortOrder]);
  }

  /**
   * The concept picker's (and the staff editor's) search: the one query analyzer of search and
   * suggest (`searchConcepts` in @aimatch/search), best match first; deprecated concepts are
   * included (the picker shows them only when already chosen). The cursor is the position.
   */
  private async searchConcepts(
    scheme: string,
    parent: string | undefined,
    search: string,
    limit: number,
    after: unknown[] | null,
  ): Promise<Connection<ConceptEntity>> {
    const offset = after ? after[0] : 0;
    if (!Number.isInteger(offset) || (offset as number) < 0) throw AppError.field('after', 'format', { format: 'cursor' });
    const vocabulary = await this.cache.get();
    const matches = searchConcepts(search, vocabulary, { schemes: [scheme], includeDeprecated: true }).filter(
      (m) => !parent || vocabulary.get(m.id)?.parent === parent,
    );
    const slice = matches.slice(offset as number, (offset as number) + limit + 1);
    const rows = new Map((await this.repository.findByIds(slice.map((m) => m.id))).map((r) => [r.id, r]));
    const ordered = slice.flatMap((m) => rows.get(m.id) ?? []);
    const position = new Map(ordered.map((r, i) => [r.id, (offset as number) + i + 1]));
    return toConnection(ordered, limit, matches.length, (c) => [position.get(c.id)]);
  }

  currentVersion(): Promise<string | null> {
    return this.repository.currentVersion();
  }

  /** Checks that each reference names an existing concept of the expected scheme. */
  async checkReferences(refs: ConceptReference[], tx?: EntityManager): Promise<RuleViolation[]> {
    const wanted = refs.filter((r) => r.id);
    if (wanted.length === 0) return [];
    const found = new Map((await this.repository.findByIds([...new Set(wanted.map((r) => r.id))], tx)).map((c) => [c.id, c]));
    const violations: RuleViolation[] = [];
    for (const ref of wanted) {
      const concept = found.get(ref.id);
      if (!concept) violations.push({ path: ref.path, rule: 'unknown-concept', params: { id: ref.id } });
      else if (concept.schemeId !== ref.scheme) violations.push({ path: ref.path, rule: 'wrong-scheme', params: { expected: ref.scheme } });
    }
    return violations;
  }

  // Vocabulary governance (#15 item 1, helper V). The resolver checks the staff role; each change is one
  // transaction that bumps the version, records the history and the audit log, and emits one vocabulary.changed.

  /** A higher module (listings through search) says how many of its records use concepts. */
  registerUsage(name: string, counter: ConceptUsageCounter): void {
    this.usage.set(name, counter);
  }

  async usageCount(conceptIds: string[]): Promise<number> {
    let n = 0;
    for (const count of this.usage.values()) n += await count(conceptIds);
    return n;
  }

  async addConcept(rc: RequestContext, viewer: Viewer, input: ConceptInput): Promise<ConceptEntity> {
    const v: RuleViolation[] = [];
    const scheme = (input.scheme ?? '').trim();
    const fields = conceptFields(input, v, 'input', true);
    const slug = (input.slug?.trim() || slugOf(fields.labelEn ?? '')).slice(0, 200);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) v.push({ path: 'input.slug', rule: 'format', params: { format: 'kebab-case' } });
    else if (slug.length > CONCEPT_LIMITS.slug) v.push({ path: 'input.slug', rule: 'max-length', params: { max: CONCEPT_LIMITS.slug } });
    const code = input.code?.trim() || null;
    if (code && !/^[A-Za-z0-9.-]{1,20}$/.test(code)) v.push({ path: 'input.code', rule: 'format', params: { format: 'code' } });
    const id = `urn:aimatch:${scheme}:${slug}`;
    return this.change(rc, viewer, 'ADD', id, async (tx) => {
      if (!(await this.repository.schemeExists(tx, scheme))) v.push({ path: 'input.scheme', rule: 'not-allowed' });
      const parentId = input.parentId?.trim() || null;
      if (parentId) {
        const [parent] = await this.repository.findByIds([parentId], tx);
        if (!parent) v.push({ path: 'input.parentId', rule: 'unknown-concept', params: { id: parentId } });
        else if (parent.schemeId !== scheme) v.push({ path: 'input.parentId', rule: 'wrong-scheme', params: { expected: scheme } });
      }
      if (v.length === 0 && (await this.repository.findByIds([id], tx)).length) v.push({ path: 'input.slug', rule: 'unique' });
      if (v.length) throw AppError.badInput(v);
      const row = {
        id,
        schemeId: scheme,
        parentId,
        code,
        labelKo: fields.labelKo!,
        labelEn: fields.labelEn!,
        synonymsKo: fields.synonymsKo ?? [],
        synonymsEn: fields.synonymsEn ?? [],
        definitionKo: fields.definitionKo ?? null,
        definitionEn: fields.definitionEn ?? null,
        deprecated: false,
        replacedById: null,
        revision: 1,
        sortOrder: await this.repository.nextSortOrder(tx),
      };
      return {
        before: null,
        apply: async (version) => this.repository.insertConcept(tx, { ...row, sinceVersion: version, updatedInVersion: version }),
      };
    });
  }

  async updateConcept(rc: RequestContext, viewer: Viewer, id: string, revision: number | null | undefined, input: ConceptUpdateInput) {
    const v: RuleViolation[] = [];
    const fields = conceptFields(input, v, 'input', false);
    if (v.length) throw AppError.badInput(v);
    return this.change(rc, viewer, 'UPDATE', id, async (tx, before) => {
      if (!before) throw AppError.notFound();
      if (revision != null && revision !== before.revision) throw AppError.conflict('stale-version', { current: before.revision });
      return { before, apply: async (version) => this.repository.saveConcept(tx, id, { ...fields, updatedInVersion: version }) };
    });
  }

  async moveConcept(rc: RequestContext, viewer: Viewer, id: string, parentId: string | null | undefined) {
    const target = parentId?.trim() || null;
    return this.change(rc, viewer, 'MOVE', id, async (tx, before) => {
      if (!before) throw AppError.notFound();
      if (target) {
        const all = new Map((await this.repository.schemeConcepts(tx, before.schemeId)).map((c) => [c.id, c]));
        const parent = all.get(target) ?? (await this.repository.findByIds([target], tx))[0];
        if (!parent) throw AppError.field('parentId', 'unknown-concept', { id: target });
        if (parent.schemeId !== before.schemeId) throw AppError.field('parentId', 'wrong-scheme', { expected: before.schemeId });
        // The new parent may be neither the concept itself nor one of its descendants.
        for (let at: ConceptEntity | undefined = parent, hops = 0; at && hops <= all.size; at = all.get(at.parentId ?? ''), hops++) {
          if (at.id === id) throw AppError.field('parentId', 'cycle', { id: target });
        }
      }
      return { before, apply: async (version) => this.repository.saveConcept(tx, id, { parentId: target, updatedInVersion: version }) };
    });
  }

  async deprecateConcept(rc: RequestContext, viewer: Viewer, id: string, replacedById: string) {
    const target = replacedById?.trim() ?? '';
    return this.change(rc, viewer, 'DEPRECATE', id, async (tx, before) => {
      if (!before) throw AppError.notFound();
      if (before.deprecated) throw AppError.field('id', 'deprecated-concept', { id });
      if (!target) throw AppError.field('replacedById', 'required');
      if (target === id) throw AppError.field('replacedById', 'cycle', { id: target });
      const all = new Map((await this.repository.schemeConcepts(tx, before.schemeId)).map((c) => [c.id, c]));
      const replacement = all.get(target) ?? (await this.repository.findByIds([target], tx))[0];
      if (!replacement) throw AppError.field('replacedById', 'unknown-concept', { id: target });
      if (replacement.schemeId !== before.schemeId) throw AppError.field('replacedById', 'wrong-scheme', { expected: before.schemeId });
      if (replacement.deprecated) {
        throw AppError.field('replacedById', 'deprecated-concept', { id: target, replacement: replacement.replacedById ?? '' });
      }
      // Follow the replacement chain as it would be after the change: it must end, never come back to this concept.
      for (let at: string | null = target, hops = 0; at; at = all.get(at)?.replacedById ?? null, hops++) {
        if (at === id || hops > all.size) throw AppError.field('replacedById', 'cycle', { id: target });
      }
      // Concepts deprecated into this one now point at its replacement (no chains).
      const followers = await this.repository.replacedBy(tx, id);
      return {
        before,
        also: followers.map((f) => f.id),
        apply: async (version) => {
          await this.repository.saveConcept(tx, id, { deprecated: true, replacedById: target, updatedInVersion: version });
          for (const f of followers) await this.repository.saveConcept(tx, f.id, { replacedById: target, updatedInVersion: version });
        },
      };
    });
  }

  /** Deleting is for mistakes: refused while anything uses the concept (deprecate it instead), has children or replaces another. */
  async deleteConcept(rc: RequestContext, viewer: Viewer, id: string): Promise<ConceptEntity> {
    return this.change(rc, viewer, 'DELETE', id, async (tx, before) => {
      if (!before) throw AppError.notFound();
      const used = await this.usageCount([id]);
      if (used > 0) throw AppError.conflict('concept-in-use', { count: used, reason: 'concept-in-use' });
      const children = await this.repository.childCount(tx, id);
      if (children > 0) throw AppError.conflict('concept-has-children', { count: children, reason: 'concept-has-children' });
      if ((await this.repository.replacedBy(tx, id)).length)
        throw AppError.conflict('concept-in-use', { count: 0, reason: 'concept-in-use' });
      return { before, apply: async () => this.repository.deleteConcept(tx, id) };
    });
  }

  async changes(args: { conceptId?: string | null; first?: number; after?: string | null }): Promise<Connection<ConceptChangeEntity>> {
    const { limit, after } = pageArgs(args.first, args.after, 20);
    const beforeId = after ? String(after[0]) : undefined;
    if (beforeId !== undefined && !/^\d{1,18}$/.test(beforeId)) throw AppError.field('after', 'format', { format: 'cursor' });
    const { rows, total } = await this.repository.changes({ conceptId: args.conceptId?.slice(0, 200) || undefined, beforeId, limit });
    return toConnection(rows, limit, total, (r) => [String(r.id)]);
  }

  /**
   * One staff change: lock the versions (changes serialise), load the concept, let `plan` validate and say what to
   * write, then bump the version, write, record history + audit and enqueue one vocabulary.changed.
   */
  private async change(
    rc: RequestContext,
    viewer: Viewer,
    kind: ConceptChangeEntity['kind'],
    id: string,
    plan: (
      tx: EntityManager,
      before: ConceptEntity | null,
    ) => Promise<{ before: ConceptEntity | null; also?: string[]; apply: (version: string) => Promise<void> }>,
  ): Promise<ConceptEntity> {
    const conceptId = String(id ?? '').slice(0, 200);
    return this.transactions.run(async (tx) => {
      await this.repository.lockVersions(tx);
      const current = await this.repository.lockConcept(tx, conceptId);
      const step = await plan(tx, current);
      const version = nextStaffVersion(await this.repository.currentVersionIn(tx));
      await step.apply(version);
      if (kind !== 'ADD' && kind !== 'DELETE') await this.repository.saveConcept(tx, conceptId, { revision: (current?.revision ?? 0) + 1 });
      await this.repository.recordStaffVersion(tx, version);
      const after = kind === 'DELETE' ? null : ((await this.repository.findByIds([conceptId], tx))[0] ?? null);
      const snapshot = (c: ConceptEntity | null) => (c ? snapshotOf(c) : null);
      await this.repository.recordChange(tx, {
        conceptId,
        kind,
        actorUserId: viewer.userId,
        version,
        before: snapshot(step.before),
        after: snapshot(after),
      });
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: `vocabulary.${kind.toLowerCase()}`,
        subjectType: 'concept',
        subjectId: conceptId,
        details: { version, before: snapshot(step.before), after: snapshot(after) },
        requestId: rc.requestId,
      });
      const payload: VocabularyChangedPayload = { conceptIds: [conceptId, ...(step.also ?? [])], version };
      await this.outbox.enqueue(tx, {
        aggregateType: 'vocabulary',
        aggregateId: 'vocabulary',
        eventType: VOCABULARY_CHANGED,
        payload: { ...payload },
      });
      return after ?? step.before!;
    });
  }
}

function snapshotOf(c: ConceptEntity): Record<string, unknown> {
  return {
    scheme: c.schemeId,
    parentId: c.parentId,
    code: c.code,
    labelKo: c.labelKo,
    labelEn: c.labelEn,
    synonymsKo: c.synonymsKo,
    synonymsEn: c.synonymsEn,
    definitionKo: c.definitionKo,
    definitionEn: c.definitionEn,
    deprecated: c.deprecated,
    replacedById: c.replacedById,
  };
}

/** English label → kebab-case slug (ASCII only; a Korean-only label needs an explicit slug). */
function slugOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type TextFields = Partial<Pick<ConceptEntity, 'labelKo' | 'labelEn' | 'synonymsKo' | 'synonymsEn' | 'definitionKo' | 'definitionEn'>>;

/** Trims and checks labels, synonyms and definition against the limits; violations name `<prefix>.<field>`. */
function conceptFields(input: ConceptUpdateInput, v: RuleViolation[], prefix: string, labelsRequired: boolean): TextFields {
  const out: TextFields = {};
  const text = (field: keyof TextFields, value: string | null | undefined, max: number, required: boolean, kind: 'line' | 'body') => {
    const path = `${prefix}.${field}`;
    if (value == null) {
      if (required) v.push({ path, rule: 'required' });
      return undefined;
    }
    if (hasControlCharacters(value) || hasBidiControls(value)) {
      v.push({ path, rule: 'invalid-characters' });
      return undefined;
    }
    const t = neutralizeFreeText(value, kind).trim();
    if (!t && required) v.push({ path, rule: 'required' });
    else if (t.length > max) v.push({ path, rule: 'max-length', params: { max } });
    return t;
  };
  const labelKo = text('labelKo', input.labelKo, CONCEPT_LIMITS.label, labelsRequired || input.labelKo != null, 'line');
  const labelEn = text('labelEn', input.labelEn, CONCEPT_LIMITS.label, labelsRequired || input.labelEn != null, 'line');
  if (labelKo !== undefined) out.labelKo = labelKo;
  if (labelEn !== undefined) out.labelEn = labelEn;
  for (const field of ['definitionKo', 'definitionEn'] as const) {
    const d = text(field, input[field], CONCEPT_LIMITS.definition, false, 'body');
    if (d !== undefined) out[field] = d || null;
  }
  for (const field of ['synonymsKo', 'synonymsEn'] as const) {
    const list = input[field];
    if (list == null) continue;
    const path = `${prefix}.${field}`;
    if (list.length > CONCEPT_LIMITS.synonyms) {
      v.push({ path, rule: 'max-items', params: { max: CONCEPT_LIMITS.synonyms } });
      continue;
    }
    const seen = new Set<string>();
    const kept: string[] = [];
    list.forEach((raw, i) => {
      const t = text(field, raw, CONCEPT_LIMITS.synonym, true, 'line');
      if (t === undefined || !t) {
        const last = v.at(-1);
        if (last && last.path === path) last.path = `${path}[${i}]`;
        return;
      }
      if (t.length > CONCEPT_LIMITS.synonym) {
        v.at(-1)!.path = `${path}[${i}]`;
        return;
      }
      const key = t.toLowerCase();
      if (!seen.has(key)) kept.push(t);
      seen.add(key);
    });
    out[field] = kept;
  }
  return out;
}
