import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';
import { OrganizationModel } from '../../identity/dto/identity.models';
import { DemandListingModel } from '../../listings/dto/listing.models';
import { MatchExplanationModel } from '../../matching/dto/matching.dto';
import { ConceptModel } from '../../vocabulary/dto/concept.model';

export enum BidStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  SHORTLISTED = 'SHORTLISTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
export enum BidActionEnum {
  submit = 'submit',
  withdraw = 'withdraw',
  shortlist = 'shortlist',
  decline = 'decline',
  accept = 'accept',
}
export enum ConsortiumRoleEnum {
  SI_INTEGRATION = 'SI_INTEGRATION',
  DATA_LABELLING = 'DATA_LABELLING',
  HARDWARE = 'HARDWARE',
  MODEL_DEVELOPMENT = 'MODEL_DEVELOPMENT',
  OPERATIONS = 'OPERATIONS',
  OTHER = 'OTHER',
}
export enum PartnerStatusEnum {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(BidStatusEnum, { name: 'BidStatus' });
registerEnumType(BidActionEnum, { name: 'BidAction' });
registerEnumType(ConsortiumRoleEnum, { name: 'ConsortiumRole' });
registerEnumType(PartnerStatusEnum, { name: 'ConsortiumPartnerStatus' });

// --- inputs ---------------------------------------------------------------------------------

@InputType()
export class BidMilestoneInput {
  @Field({ description: '≤ 200 characters' }) title: string;
  @Field(() => Int, { description: '1..260' }) weeks: number;
  @Field(() => Float, { description: 'Whole KRW; the milestones add up to the bid amount.' }) amountKrw: number;
}

@InputType()
export class BidPartnerInput {
  @Field(() => ID, { description: 'An AI supplier or SI integrator organization (not the lead).' }) organizationId: string;
  @Field(() => ConsortiumRoleEnum) role: ConsortiumRoleEnum;
  @Field(() => Int, { description: '1..99; the partners together leave the lead at least 1 %.' }) sharePercent: number;
}

@InputType()
export class BidContentInput {
  @Field(() => Float, { description: 'Total in whole KRW, 1..100,000,000,000.' }) amountKrw: number;
  @Field(() => Int, { description: '1..260 weeks' }) durationWeeks: number;
  @Field({ description: '≤ 10,000 characters' }) approach: string;
  @Field(() => [BidMilestoneInput], { description: '1..20; amounts sum to amountKrw.' }) milestones: BidMilestoneInput[];
  @Field(() => [ID], { nullable: true, description: "Concepts of the demand's requirement this bid covers." }) coveredConceptIds?: string[];
  @Field(() => [BidPartnerInput], {
    nullable: true,
    description: 'Consortium partners (≤ 5); each partner organization’s owner must accept before submission. Fixed once submitted.',
  })
  partners?: BidPartnerInput[];
}

@InputType()
export class CreateBidInput extends BidContentInput {
  @Field(() => ID) demandId: string;
  @Field(() => ID, { description: 'The lead (bidding) organization: an AI supplier or SI integrator you belong to.' })
  organizationId: string;
}

@ArgsType()
export class BidVersionArgs {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you last read; a stale one is a CONFLICT.' }) version: number;
}

@ArgsType()
export class BidsForDemandArgs {
  @Field(() => ID) demandId: string;
  @Field(() => BidStatusEnum, { nullable: true }) status?: BidStatusEnum;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ArgsType()
export class MyBidsArgs {
  @Field(() => BidStatusEnum, { nullable: true }) status?: BidStatusEnum;
  @Field(() => [BidStatusEnum], { nullable: true, description: 'Any of these statuses (with `status`, both must hold).' })
  statuses?: BidStatusEnum[];
  @Field({
    nullable: true,
    description: "Only draft bids whose consortium invitation to one of your organizations awaits its answer (a supplier's home).",
  })
  awaitingOurAnswer?: boolean;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

// --- outputs --------------------------------------------------------------------------------

@ObjectType('BidMilestone')
export class BidMilestoneModel {
  @Field() title: string;
  @Field(() => Int) weeks: number;
  @Field(() => Float) amountKrw: number;
}

@ObjectType('BidPartner', { description: 'A consortium partner of a bid and where its invitation stands.' })
export class BidPartnerModel {
  @Field(() => ID) organizationId: string;
  @Field(() => OrganizationModel, { nullable: true }) organization?: unknown;
  @Field(() => ConsortiumRoleEnum) role: ConsortiumRoleEnum;
  @Field(() => Int) sharePercent: number;
  @Field(() => PartnerStatusEnum) status: PartnerStatusEnum;
  @Field() invitedAt: Date;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
}

@ObjectType('BidRevisionPartner')
export class BidRevisionPartnerModel {
  @Field(() => ID) organizationId: string;
  @Field(() => ConsortiumRoleEnum) role: ConsortiumRoleEnum;
  @Field(() => Int) sharePercent: number;
}

@ObjectType('BidRevision', { description: 'The content of a bid as submitted (1) or revised (2, 3, …).' })
export class BidRevisionModel {
  @Field(() => Int) number: number;
  @Field(() => Float) amountKrw: number;
  @Field(() => Int) durationWeeks: number;
  @Field() approach: string;
  @Field(() => [BidMilestoneModel]) milestones: BidMilestoneModel[];
  @Field(() => [ID]) coveredConceptIds: string[];
  @Field(() => [BidRevisionPartnerModel]) partners: BidRevisionPartnerModel[];
  @Field() submittedAt: Date;
}

@ObjectType('BidCoverage', { description: "How much of the demand's requirement the bid says it covers." })
export class BidCoverageModel {
  @Field(() => Int) covered: number;
  @Field(() => Int) required: number;
  @Field(() => Float, { description: '0..1 (1 when the demand requires nothing structured).' }) ratio: number;
  @Field(() => [ConceptModel], { description: 'Required concepts the bid does not cover.' }) missing: unknown[];
}

@ObjectType('Bid', { description: "A supplier's proposal on a published demand." })
export class BidModel {
  @Field(() => ID) id: string;
  @Field(() => ID) demandId: string;
  @Field(() => DemandListingModel, { nullable: true, description: 'Null when the viewer may no longer see the demand.' }) demand?: unknown;
  @Field(() => ID, { description: 'The lead (bidding) organization.' }) organizationId: string;
  @Field(() => OrganizationModel, { nullable: true }) organization?: unknown;
  @Field(() => BidStatusEnum) status: BidStatusEnum;
  @Field(() => Int, { description: 'Optimistic-locking version: pass it back with every change.' }) version: number;
  @Field(() => Float) amountKrw: number;
  @Field(() => Int) durationWeeks: number;
  @Field() approach: string;
  @Field(() => [BidMilestoneModel]) milestones: BidMilestoneModel[];
  @Field(() => [ID]) coveredConceptIds: string[];
  @Field(() => [ConceptModel]) covered?: unknown[];
  @Field(() => BidCoverageModel, { nullable: true }) coverage?: unknown;
  @Field(() => [BidPartnerModel]) partners?: unknown[];
  @Field(() => Int, { description: 'What the partners leave the lead (100 without a consortium).' }) leadSharePercent?: number;
  @Field(() => Int, { description: 'The latest submitted revision number (0 while a draft).' }) revision: number;
  @Field(() => [BidRevisionModel], { description: 'Every submitted revision, newest first.' }) revisions?: unknown[];
  @Field(() => String, { nullable: true, description: 'Why it was declined (awarded-to-another-bid when another bid won).' })
  decisionReason: string | null;
  @Field(() => MatchExplanationModel, {
    nullable: true,
    description:
      "The bidder's match score and explanation on this demand (demand owner and staff; null when the bidder has no published supply listing).",
  })
  match?: unknown;
  @Field(() => [BidActionEnum], { description: 'Workflow actions the viewer may take now.' }) availableActions?: string[];
  @Field({ description: 'Whether the viewer may edit the content now (the lead, in DRAFT or SUBMITTED).' }) canEdit?: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'Undecided by then, the bid EXPIRES (the demand’s bid deadline + the decision window).',
  })
  decisionDeadline?: Date | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

export const BidConnection = ConnectionType(BidModel, 'Bid');

@ObjectType('PlatformSettings')
export class PlatformSettingsModel {
  @Field({ description: 'Only organizations the association VERIFIED may bid (lead and consortium partners).' })
  bidsVerifiedOrganizationsOnly: boolean;
}

@ObjectType('BidInvitationResult', { description: 'The answer to inviting a supplier to bid on a demand.' })
export class BidInvitationResultModel {
  @Field({ description: 'The supplier organization was invited before: it was not notified again.' }) alreadyInvited: boolean;
  @Field(() => ID) organizationId: string;
}
