import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

@InputType('ConceptInput', {
  description: 'A new concept (staff). The id is urn:aimatch:<scheme>:<slug>; the slug defaults to the English label.',
})
export class ConceptInput {
  @Field() scheme: string;
  @Field(() => ID, { nullable: true, description: 'Parent in the same scheme; none for a top-level concept.' })
  parentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Lowercase kebab-case, at most 60 characters.' })
  slug?: string | null;
  @Field(() => String, { nullable: true, description: 'KSIC (industry) or ISO 3166-2 (region) code.' })
  code?: string | null;
  @Field() labelKo: string;
  @Field() labelEn: string;
  @Field(() => [String], { nullable: true }) synonymsKo?: string[] | null;
  @Field(() => [String], { nullable: true }) synonymsEn?: string[] | null;
  @Field(() => String, { nullable: true }) definitionKo?: string | null;
  @Field(() => String, { nullable: true }) definitionEn?: string | null;
}

@InputType('ConceptUpdateInput', { description: 'Labels, synonyms and definition of a concept (staff); omitted fields stay.' })
export class ConceptUpdateInput {
  @Field(() => String, { nullable: true }) labelKo?: string | null;
  @Field(() => String, { nullable: true }) labelEn?: string | null;
  @Field(() => [String], { nullable: true }) synonymsKo?: string[] | null;
  @Field(() => [String], { nullable: true }) synonymsEn?: string[] | null;
  @Field(() => String, { nullable: true }) definitionKo?: string | null;
  @Field(() => String, { nullable: true }) definitionEn?: string | null;
}

export enum ConceptChangeKind {
  ADD = 'ADD',
  UPDATE = 'UPDATE',
  MOVE = 'MOVE',
  DEPRECATE = 'DEPRECATE',
  DELETE = 'DELETE',
}
registerEnumType(ConceptChangeKind, { name: 'ConceptChangeKind' });

export enum VocabularyExportFormat {
  JSON = 'JSON',
  AAS = 'AAS',
}
registerEnumType(VocabularyExportFormat, {
  name: 'VocabularyExportFormat',
  description: 'JSON: the shared vocabulary file; AAS: ConceptDescriptions.',
});

@ObjectType('ConceptChange', { description: 'One staff change to a concept, with the vocabulary version it produced.' })
export class ConceptChangeModel {
  @Field(() => ID) id: string;
  @Field(() => ID) conceptId: string;
  @Field(() => ConceptChangeKind) kind: ConceptChangeKind;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field() version: string;
  @Field(() => String, { nullable: true, description: 'The concept before the change (JSON).' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The concept after the change (JSON).' }) after: string | null;
  @Field() createdAt: Date;
}

export const ConceptChangeConnection = ConnectionType(ConceptChangeModel, 'ConceptChange');

@ObjectType('VocabularyExport')
export class VocabularyExportModel {
  @Field() version: string;
  @Field({ description: 'Suggested file name.' }) fileName: string;
  @Field({ description: 'The file content (JSON text).' }) content: string;
}

export const CONCEPT_LIMITS = { label: 100, synonyms: 30, synonym: 60, definition: 1000, slug: 60, code: 20 } as const;
