import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

/** A case study as stored (modules/showcase); the resolver turns the concept ids into concepts. */
export interface CaseStudyRow {
  id: string;
  organizationId: string;
  title: string;
  client: string | null;
  industryId: string;
  year: number;
  summary: string;
  taskIds: string[];
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

@InputType({ description: 'A case study / reference. Limits: CASE_STUDY_LIMITS (libs/contracts).' })
export class CaseStudyInput {
  @Field({ description: 'Up to 120 characters.' }) title: string;
  @Field(() => String, { nullable: true, description: 'The client, may be anonymised ("식품 제조 중소기업"); up to 120 characters.' })
  client?: string | null;
  @Field(() => ID, { description: "A concept of the `industry` scheme: the client's industry." }) industryId: string;
  @Field(() => Int, { description: "From the organization's founding year (at least 1950) to this year." }) year: number;
  @Field({ description: 'Up to 2,000 characters.' }) summary: string;
  @Field(() => [ID], { nullable: true, description: 'Up to 10 concepts of the `task` scheme.' }) taskIds?: string[] | null;
}

@ArgsType()
export class CaseStudiesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}

@ObjectType('CaseStudy', { description: "A reference project on an organization's profile, in the owners' order." })
export class CaseStudyModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) client: string | null;
  @Field(() => Int) year: number;
  @Field() summary: string;
  @Field(() => Int, { description: '0 first.' }) position: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
export const CaseStudyConnection = ConnectionType(CaseStudyModel, 'CaseStudy');
