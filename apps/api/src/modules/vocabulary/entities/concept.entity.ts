import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('concepts')
export class ConceptEntity {
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'scheme_id' }) schemeId: string;
  @Column('text', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text', { name: 'label_ko' }) labelKo: string;
  @Column('text', { name: 'label_en' }) labelEn: string;
  @Column('text', { name: 'synonyms_ko', array: true }) synonymsKo: string[];
  @Column('text', { name: 'synonyms_en', array: true }) synonymsEn: string[];
  @Column('text', { name: 'definition_ko', nullable: true }) definitionKo: string | null;
  @Column('text', { name: 'definition_en', nullable: true }) definitionEn: string | null;
  @Column('boolean') deprecated: boolean;
  @Column('text', { name: 'replaced_by_id', nullable: true }) replacedById: string | null;
  @Column('text', { name: 'since_version' }) sinceVersion: string;
  @Column('text', { name: 'updated_in_version' }) updatedInVersion: string;
  @Column('int', { name: 'sort_order' }) sortOrder: number;
  /** Bumped by every staff change (optimistic concurrency for updateConcept). */
  @Column('int', { default: 1 }) revision: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

@Entity('concept_schemes')
export class ConceptSchemeEntity {
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'label_ko' }) labelKo: string;
  @Column('text', { name: 'label_en' }) labelEn: string;
  @Column('int', { name: 'sort_order' }) sortOrder: number;
}

@Entity('vocabulary_versions')
export class VocabularyVersionEntity {
  @PrimaryColumn('text') version: string;
  @Column('int', { name: 'concept_count' }) conceptCount: number;
  @Column('timestamptz', { name: 'loaded_at', default: () => 'now()' }) loadedAt: Date;
}

/** One staff change to a concept: before/after snapshots and the vocabulary version it produced. */
@Entity('concept_changes')
export class ConceptChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text', { name: 'concept_id' }) conceptId: string;
  @Column('text') kind: 'ADD' | 'UPDATE' | 'MOVE' | 'DEPRECATE' | 'DELETE';
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId: string | null;
  @Column('text') version: string;
  @Column('jsonb', { nullable: true }) before: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
