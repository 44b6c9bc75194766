import { ArgsType, Field, ID, Int } from '@nestjs/graphql';

@ArgsType()
export class ConceptsArgs {
  @Field() scheme: string;
  @Field(() => ID, { nullable: true, description: 'Only direct children of this concept.' })
  parent?: string;
  @Field({ nullable: true, description: 'Matches labels and synonyms in Korean and English.' })
  search?: string;
  @Field(() => Int, { nullable: true, defaultValue: 50 }) first?: number;
  @Field({ nullable: true }) after?: string;
}
