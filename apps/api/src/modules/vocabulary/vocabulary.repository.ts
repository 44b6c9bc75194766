import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';
import { ConceptChangeEntity, ConceptEntity, ConceptSchemeEntity, VocabularyVersionEntity } from './entities/concept.entity';

export interface ConceptQuery {
  scheme: string;
  parentId?: string;
  afterSortOrder?: number;
  limit: number;
}

@Injectable()
export class VocabularyRepository implements LoaderFactory<string, ConceptEntity | null> {
  constructor(private readonly dataSource: DataSource) {}

  /** Batches concept look-ups by id within a request. */
  create(): DataLoader<string, ConceptEntity | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.findByIds([...ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  findByIds(ids: string[], tx: EntityManager = this.dataSource.manager): Promise<ConceptEntity[]> {
    return ids.length ? tx.findBy(ConceptEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  async page(q: ConceptQuery): Promise<{ rows: ConceptEntity[]; total: number }> {
    const qb = this.dataSource.manager.createQueryBuilder(ConceptEntity, 'c').where('c.scheme_id = :scheme', { scheme: q.scheme });
    if (q.parentId) qb.andWhere('c.parent_id = :parent', { parent: q.parentId });
    const total = await qb.getCount();
    if (q.afterSortOrder !== undefined) qb.andWhere('c.sort_order > :after', { after: q.afterSortOrder });
    const rows = await qb
      .orderBy('c.sort_order', 'ASC')
      .limit(q.limit + 1)
      .getMany();
    return { rows, total };
  }

  async currentVersion(): Promise<string | null> {
    const row = await this.dataSource.manager.createQueryBuilder(VocabularyVersionEntity, 'v').orderBy('v.loaded_at', 'DESC').getOne();
    return row?.version ?? null;
  }

  async hasVersion(version: string, tx: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await tx.countBy(VocabularyVersionEntity, { version })) > 0;
  }

  /** Serialises loaders of a vocabulary version until the caller's transaction ends. */
  async lockVersions(tx: EntityManager): Promise<void> {
    await tx.query('LOCK TABLE vocabulary_versions IN EXCLUSIVE MODE');
  }

  /** Every scheme and concept in vocabulary order (the in-memory Vocabulary is built from them). */
  async everything(): Promise<{ schemes: ConceptSchemeEntity[]; concepts: ConceptEntity[] }> {
    const [schemes, concepts] = await Promise.all([
      this.dataSource.manager.find(ConceptSchemeEntity, { order: { sortOrder: 'ASC' } }),
      this.dataSource.manager.find(ConceptEntity, { order: { sortOrder: 'ASC' } }),
    ]);
    return { schemes, concepts };
  }

  async upsertSchemes(tx: EntityManager, schemes: ConceptSchemeEntity[]): Promise<void> {
    await tx.upsert(ConceptSchemeEntity, schemes, ['id']);
  }

  /** Concepts staff have changed (revision > 1) keep the staff's version when a new seed version loads. */
  async upsertConcepts(
    tx: EntityManager,
    concepts: Omit<ConceptEntity, 'createdAt' | 'updatedAt' | 'sinceVersion' | 'revision'>[],
    version: string,
  ): Promise<void> {
    for (const c of concepts) {
      await tx.query(
        `INSERT INTO concepts (id, scheme_id, parent_id, code, label_ko, label_en, synonyms_ko, synonyms_en,
                               definition_ko, definition_en, deprecated, replaced_by_id, since_version, updated_in_version, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13,$14)
         ON CONFLICT (id) DO UPDATE SET scheme_id = EXCLUDED.scheme_id, parent_id = EXCLUDED.parent_id, code = EXCLUDED.code,
           label_ko = EXCLUDED.label_ko, label_en = EXCLUDED.label_en, synonyms_ko = EXCLUDED.synonyms_ko,
           synonyms_en = EXCLUDED.synonyms_en, definition_ko = EXCLUDED.definition_ko, definition_en = EXCLUDED.definition_en,
           deprecated = EXCLUDED.deprecated, replaced_by_id = EXCLUDED.replaced_by_id,
           updated_in_version = EXCLUDED.updated_in_version, sort_order = EXCLUDED.sort_order, updated_at = now()
         WHERE concepts.revision = 1`,
        [
          c.id,
          c.schemeId,
          c.parentId,
          c.code,
          c.labelKo,
          c.labelEn,
          c.synonymsKo,
          c.synonymsEn,
          c.definitionKo,
          c.definitionEn,
          c.deprecated,
          c.replacedById,
          version,
          c.sortOrder,
        ],
      );
    }
  }

  async recordVersion(tx: EntityManager, version: string, conceptCount: number): Promise<void> {
    await tx.insert(VocabularyVersionEntity, { version, conceptCount });
  }

  // Vocabulary governance (#15 item 1, helper V).

  /** The version of the last load or staff change, read inside the caller's (locked) transaction. */
  async currentVersionIn(tx: EntityManager): Promise<string | null> {
    const row = await tx.createQueryBuilder(VocabularyVersionEntity, 'v').orderBy('v.loaded_at', 'DESC').getOne();
    return row?.version ?? null;
  }

  /** A staff version: stamped with the wall clock (not the transaction start) so that it sorts after the one before it. */
  async recordStaffVersion(tx: EntityManager, version: string): Promise<void> {
    await tx.query(
      `INSERT INTO vocabulary_versions (version, concept_count, loaded_at)
       VALUES ($1, (SELECT count(*)::int FROM concepts), greatest(clock_timestamp(), (SELECT max(loaded_at) FROM vocabulary_versions) + interval '1 microsecond'))`,
      [version],
    );
  }

  schemeExists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.existsBy(ConceptSchemeEntity, { id });
  }

  /** Every concept of a scheme (a few hundred at most): cycle checks walk parents and replacements in memory. */
  schemeConcepts(tx: EntityManager, scheme: string): Promise<ConceptEntity[]> {
    return tx.findBy(ConceptEntity, { schemeId: scheme });
  }

  async lockConcept(tx: EntityManager, id: string): Promise<ConceptEntity | null> {
    return tx.createQueryBuilder(ConceptEntity, 'c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
  }

  async nextSortOrder(tx: EntityManager): Promise<number> {
    const [row] = await tx.query('SELECT coalesce(max(sort_order), 0) + 1 AS next FROM concepts');
    return Number(row.next);
  }

  async insertConcept(tx: EntityManager, c: Omit<ConceptEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await tx.insert(ConceptEntity, c);
  }

  async saveConcept(tx: EntityManager, id: string, fields: Partial<ConceptEntity>): Promise<void> {
    await tx.update(ConceptEntity, { id }, { ...fields, updatedAt: () => 'now()' });
  }

  async deleteConcept(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(ConceptEntity, { id });
  }

  /** Concepts deprecated into `id` (their replacement follows when `id` itself is deprecated: no chains). */
  replacedBy(tx: EntityManager, id: string): Promise<ConceptEntity[]> {
    return tx.findBy(ConceptEntity, { replacedById: id });
  }

  childCount(tx: EntityManager, id: string): Promise<number> {
    return tx.countBy(ConceptEntity, { parentId: id });
  }

  async recordChange(tx: EntityManager, change: Omit<ConceptChangeEntity, 'id' | 'createdAt'>): Promise<void> {
    await tx.insert(ConceptChangeEntity, change as never);
  }

  /** The change history, newest first; `conceptId` narrows it to one concept. */
  async changes(q: { conceptId?: string; beforeId?: string; limit: number }): Promise<{ rows: ConceptChangeEntity[]; total: number }> {
    const qb = this.dataSource.manager.createQueryBuilder(ConceptChangeEntity, 'h');
    if (q.conceptId) qb.where('h.concept_id = :c', { c: q.conceptId });
    const total = await qb.getCount();
    if (q.beforeId) qb.andWhere('h.id < :before', { before: q.beforeId });
    const rows = await qb
      .orderBy('h.id', 'DESC')
      .limit(q.limit + 1)
      .getMany();
    return { rows, total };
  }
}
