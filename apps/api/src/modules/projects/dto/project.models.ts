import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

export enum MilestoneStatusEnum {
  PLANNED = 'PLANNED',
  DELIVERED = 'DELIVERED',
  ACCEPTED = 'ACCEPTED',
  REWORK_REQUESTED = 'REWORK_REQUESTED',
}
export enum ProjectSideEnum {
  supplier = 'supplier',
  client = 'client',
}
export enum ProjectActionEnum {
  deliver = 'deliver',
  accept = 'accept',
  requestRework = 'requestRework',
  proposeCompletion = 'proposeCompletion',
  confirmCompletion = 'confirmCompletion',
  withdrawCompletionProposal = 'withdrawCompletionProposal',
}
registerEnumType(MilestoneStatusEnum, { name: 'MilestoneStatus' });
registerEnumType(ProjectSideEnum, {
  name: 'ProjectSide',
  description: 'supplier: the accepted lead organization; client: the demand’s organization.',
});
registerEnumType(ProjectActionEnum, { name: 'ProjectAction' });

@ObjectType('ProjectEvent', { description: 'One step of the project’s history: who (side), what, when, the note or reason.' })
export class ProjectEventModel {
  @Field(() => ID) id: string;
  @Field(() => ProjectActionEnum) action: ProjectActionEnum;
  @Field(() => ID, { nullable: true }) milestoneId: string | null;
  @Field(() => MilestoneStatusEnum, { nullable: true }) fromStatus: MilestoneStatusEnum | null;
  @Field(() => MilestoneStatusEnum, { nullable: true }) toStatus: MilestoneStatusEnum | null;
  @Field(() => ProjectSideEnum) side: ProjectSideEnum;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;
}
export const ProjectEventConnection = ConnectionType(ProjectEventModel, 'ProjectEvent');

@ObjectType('ProjectMilestone', { description: 'A milestone of the plan (from the accepted bid).' })
export class ProjectMilestoneModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '0-based order in the plan.' }) position: number;
  @Field() title: string;
  @Field(() => Int) weeks: number;
  @Field(() => Float) amountKrw: number;
  @Field(() => MilestoneStatusEnum) status: MilestoneStatusEnum;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@ObjectType('CompletionProposal', { description: 'One side proposed to complete the project by agreement; the other confirms.' })
export class CompletionProposalModel {
  @Field(() => ProjectSideEnum) by: ProjectSideEnum;
  @Field() note: string;
  @Field() proposedAt: Date;
}

@ObjectType('ProjectProgress')
export class ProjectProgressModel {
  @Field(() => Int) accepted: number;
  @Field(() => Int) total: number;
  @Field(() => Float) acceptedAmountKrw: number;
  @Field(() => Float) totalAmountKrw: number;
}

@ObjectType('Project', {
  description:
    'The project after the award: the plan, deliveries, acceptance or rework, completion (all milestones accepted, or both sides agree). Parties and staff only.',
})
export class ProjectModel {
  @Field(() => ID) demandId: string;
  @Field(() => ID) bidId: string;
  @Field(() => Int) version: number;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field() createdAt: Date;
}

@ArgsType()
export class ProjectHistoryArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 }) first?: number;
  @Field({ nullable: true }) after?: string;
}
