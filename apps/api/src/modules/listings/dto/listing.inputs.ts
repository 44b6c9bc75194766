import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ChecklistAnswerEnum, DemandVisibilityEnum, LabellingStateEnum, ListingKindEnum, ListingStatusEnum } from './listing.models';

/** Omitted lists are empty; every id must be a vocabulary concept of the element's scheme. */
@InputType()
export class CapabilityElementsInput {
  @Field(() => [ID], { nullable: true }) tasks?: string[];
  @Field(() => [ID], { nullable: true }) modalities?: string[];
  @Field(() => [ID], { nullable: true }) industries?: string[];
  @Field(() => [ID], { nullable: true }) deployments?: string[];
  @Field(() => [ID], { nullable: true }) integrations?: string[];
  @Field(() => [String], { nullable: true }) languages?: string[];
}

@InputType()
export class DataProfileInput {
  @Field(() => [ID], { nullable: true }) dataKinds?: string[];
  @Field(() => [ID], { nullable: true }) systems?: string[];
  @Field({ nullable: true }) volumeDescription?: string;
  @Field(() => Float, { nullable: true }) approximateRecords?: number;
  @Field(() => LabellingStateEnum, { nullable: true }) labelling?: LabellingStateEnum;
  @Field({ nullable: true }) sampleAvailable?: boolean;
  @Field({ nullable: true }) containsPersonalData?: boolean;
}

@InputType()
export class CommercialTermsInput {
  @Field(() => Float, { nullable: true }) minAmountKrw?: number;
  @Field(() => Float, { nullable: true }) maxAmountKrw?: number;
  @Field(() => Int, { nullable: true }) leadTimeWeeks?: number;
  @Field({ nullable: true, description: 'yyyy-mm-dd' }) desiredStartDate?: string;
  @Field(() => Int, { nullable: true }) durationWeeks?: number;
}

@InputType()
export class ContactInformationInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) role?: string;
  @Field({ nullable: true }) email?: string;
  @Field({ nullable: true }) phone?: string;
}

@InputType()
export class TrustChecklistAnswerInput {
  @Field() itemId: string;
  @Field(() => ChecklistAnswerEnum) answer: ChecklistAnswerEnum;
  @Field({ nullable: true }) note?: string;
}

@InputType()
export class TrustProfileInput {
  @Field(() => [ID], { nullable: true }) certifications?: string[];
  @Field(() => [TrustChecklistAnswerInput], { nullable: true }) checklist?: TrustChecklistAnswerInput[];
}

@InputType()
export class ReferenceCaseInput {
  @Field() title: string;
  @Field(() => ID, { nullable: true }) industryId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field({ nullable: true }) summary?: string;
}

/** Texts in Korean (required to submit) and optionally English. A draft may be incomplete. */
@InputType({ isAbstract: true })
abstract class ListingTextsInput {
  @Field({ nullable: true, description: '≤ 120 characters' }) title?: string;
  @Field({ nullable: true }) titleEn?: string;
  @Field({ nullable: true, description: '≤ 300 characters' }) summary?: string;
  @Field({ nullable: true }) summaryEn?: string;
  @Field({ nullable: true, description: '≤ 10,000 characters' }) description?: string;
  @Field({ nullable: true }) descriptionEn?: string;
  @Field(() => CommercialTermsInput, { nullable: true }) commercialTerms?: CommercialTermsInput;
  @Field(() => ContactInformationInput, { nullable: true }) contact?: ContactInformationInput;
}

@InputType()
export class DemandListingInput extends ListingTextsInput {
  @Field(() => CapabilityElementsInput, { nullable: true }) requirement?: CapabilityElementsInput;
  @Field(() => DataProfileInput, { nullable: true }) dataProfile?: DataProfileInput;
  @Field(() => Date, { nullable: true }) bidDeadline?: Date;
  @Field({ nullable: true }) onSiteRequired?: boolean;
  @Field(() => ID, { nullable: true, description: 'Where the work happens (scheme region).' }) regionId?: string;
  @Field(() => DemandVisibilityEnum, { nullable: true }) visibility?: DemandVisibilityEnum;
}

@InputType()
export class SupplyListingInput extends ListingTextsInput {
  @Field(() => CapabilityElementsInput, { nullable: true }) capability?: CapabilityElementsInput;
  @Field(() => TrustProfileInput, { nullable: true }) trustProfile?: TrustProfileInput;
  @Field(() => [ReferenceCaseInput], { nullable: true }) referenceCases?: ReferenceCaseInput[];
}

@InputType()
export class FieldCommentInput {
  @Field({ description: 'Element path the comment is about, e.g. AIRequirement.tasks or title.' }) path: string;
  @Field() comment: string;
}

@ArgsType()
export class ListingVersionArgs {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you last read; a stale one is a CONFLICT.' }) version: number;
}

@ArgsType()
export class ListingsArgs {
  @Field(() => ListingKindEnum) kind: ListingKindEnum;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ArgsType()
export class MyListingsArgs {
  @Field(() => ID, { nullable: true, description: 'One of your organizations (default: all of them).' }) organizationId?: string;
  @Field(() => ListingKindEnum, { nullable: true }) kind?: ListingKindEnum;
  @Field(() => ListingStatusEnum, { nullable: true }) status?: ListingStatusEnum;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ArgsType()
export class ReviewQueueArgs {
  @Field(() => ListingKindEnum, { nullable: true }) kind?: ListingKindEnum;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}
