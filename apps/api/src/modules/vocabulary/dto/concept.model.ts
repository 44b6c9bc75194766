import { Locale } from '@aimatch/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

registerEnumType(Locale, { name: 'Locale' });

@ObjectType('Concept', { description: 'One entry of the standard capability vocabulary (an AAS-style semanticId).' })
export class ConceptModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Scheme id: task, modality, industry, deployment, integration, certification, region.' })
  scheme: string;
  @Field(() => String, { nullable: true, description: 'KSIC code (industry) or ISO 3166-2 code (region).' })
  code: string | null;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field() labelKo: string;
  @Field() labelEn: string;
  @Field() deprecated: boolean;
  @Field(() => ID, { nullable: true }) replacedById: string | null;
  @Field(() => [String]) synonymsKo: string[];
  @Field(() => [String]) synonymsEn: string[];
  @Field(() => String, { nullable: true }) definitionKo: string | null;
  @Field(() => String, { nullable: true }) definitionEn: string | null;
  @Field(() => Int, { description: 'Bumped by every staff change (pass it to updateConcept).' }) revision: number;
  @Field({ description: 'Vocabulary version of the last change to this concept.' }) updatedInVersion: string;
}

export const ConceptConnection = ConnectionType(ConceptModel, 'Concept');
