import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';
import { ConceptEntity, ConceptSchemeEntity, VocabularyVersionEntity } from './entities/concept.entity';

export interface ConceptQuery {
  scheme: string;
  parentId?: string;
  search?: string;
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
    if (q.search) {
      const pattern = `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      qb.andWhere(
        `(c.label_ko ILIKE :p OR c.label_en ILIKE :p
          OR EXISTS (SELECT 1 FROM unnest(c.synonyms_ko || c.synonyms_en) s WHERE s ILIKE :p))`,
        { p: pattern },
      );
    }
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

  async upsertConcepts(
    tx: EntityManager,
    concepts: Omit<ConceptEntity, 'createdAt' | 'updatedAt' | 'sinceVersion'>[],
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
           updated_in_version = EXCLUDED.updated_in_version, sort_order = EXCLUDED.sort_order, updated_at = now()`,
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
}
