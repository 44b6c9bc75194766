import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { ConnectionType } from '../../../graphql/pagination';
import { ConceptModel } from '../../vocabulary/dto/concept.model';
import type { ListingView } from './listing-view';

export enum ListingKindEnum {
  DEMAND = 'DEMAND',
  SUPPLY = 'SUPPLY',
}
export enum ListingStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  REJECTED = 'REJECTED',
  PUBLISHED = 'PUBLISHED',
  PAUSED = 'PAUSED',
  AWARDED = 'AWARDED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  ARCHIVED = 'ARCHIVED',
}
export enum ListingActionEnum {
  submit = 'submit',
  approve = 'approve',
  reject = 'reject',
  requestChanges = 'requestChanges',
  pause = 'pause',
  resume = 'resume',
  award = 'award',
  complete = 'complete',
  cancel = 'cancel',
  archive = 'archive',
}
export enum DemandVisibilityEnum {
  PUBLIC = 'PUBLIC',
  VERIFIED_SUPPLIERS = 'VERIFIED_SUPPLIERS',
}
export enum LabellingStateEnum {
  LABELLED = 'LABELLED',
  PARTIALLY_LABELLED = 'PARTIALLY_LABELLED',
  UNLABELLED = 'UNLABELLED',
  UNKNOWN = 'UNKNOWN',
}
export enum ChecklistAnswerEnum {
  YES = 'YES',
  NO = 'NO',
  NA = 'NA',
}
export enum ReviewDecisionEnum {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}
registerEnumType(ListingKindEnum, { name: 'ListingKind' });
registerEnumType(ListingStatusEnum, { name: 'ListingStatus' });
registerEnumType(ListingActionEnum, { name: 'ListingAction' });
registerEnumType(DemandVisibilityEnum, { name: 'DemandVisibility' });
registerEnumType(LabellingStateEnum, { name: 'LabellingState' });
registerEnumType(ChecklistAnswerEnum, { name: 'ChecklistAnswer' });
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision' });

@ObjectType('CapabilityElements', {
  description: 'AICapability (offered) / AIRequirement (required): the elements matching compares one to one.',
})
export class CapabilityElementsModel {
  @Field(() => [ConceptModel]) tasks: string[];
  @Field(() => [ConceptModel]) modalities: string[];
  @Field(() => [ConceptModel]) industries: string[];
  @Field(() => [ConceptModel]) deployments: string[];
  @Field(() => [ConceptModel]) integrations: string[];
  @Field(() => [String], { description: 'ISO 639-1 codes.' }) languages: string[];
}

@ObjectType('DataProfile', { description: 'The data the SME holds (after IDTA 02058 / 02008).' })
export class DataProfileModel {
  @Field(() => [ConceptModel]) dataKinds: string[];
  @Field(() => [ConceptModel]) systems: string[];
  @Field(() => String, { nullable: true }) volumeDescription: string | null;
  @Field(() => Float, { nullable: true }) approximateRecords: number | null;
  @Field(() => LabellingStateEnum) labelling: LabellingStateEnum;
  @Field() sampleAvailable: boolean;
  @Field() containsPersonalData: boolean;
}

@ObjectType('CommercialTerms', { description: 'Budget (demand) or price (supply) range in KRW and timing.' })
export class CommercialTermsModel {
  @Field() currency: string;
  @Field(() => Float, { nullable: true }) minAmountKrw: number | null;
  @Field(() => Float, { nullable: true }) maxAmountKrw: number | null;
  @Field(() => Int, { nullable: true }) leadTimeWeeks: number | null;
  @Field(() => String, { nullable: true }) desiredStartDate: string | null;
  @Field(() => Int, { nullable: true }) durationWeeks: number | null;
}

@ObjectType('ContactInformation')
export class ContactInformationModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) role: string | null;
  @Field() email: string;
  @Field(() => String, { nullable: true }) phone: string | null;
}

@ObjectType('TrustChecklistAnswer')
export class TrustChecklistAnswerModel {
  @Field() itemId: string;
  @Field(() => ChecklistAnswerEnum) answer: ChecklistAnswerEnum;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('TrustProfile')
export class TrustProfileModel {
  @Field(() => [ConceptModel]) certifications: string[];
  @Field(() => [TrustChecklistAnswerModel]) checklist: TrustChecklistAnswerModel[];
}

@ObjectType('TrustChecklistItem', { description: 'One question of the AI-trustworthiness self-assessment.' })
export class TrustChecklistItemModel {
  @Field() id: string;
  @Field() questionKo: string;
  @Field() questionEn: string;
}

@ObjectType('ReferenceCase')
export class ReferenceCaseModel {
  @Field() title: string;
  @Field(() => ConceptModel, { nullable: true }) industry: string | null;
  @Field(() => Int, { nullable: true }) year: number | null;
  @Field(() => String, { nullable: true }) summary: string | null;
}

@ObjectType('FieldComment')
export class FieldCommentModel {
  @Field({ description: 'Element path, e.g. AIRequirement.tasks[0] or title.' }) path: string;
  @Field() comment: string;
}

@ObjectType('ListingReview', { description: "Staff's latest decision on the listing." })
export class ListingReviewModel {
  @Field(() => ReviewDecisionEnum) decision: ReviewDecisionEnum;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => [FieldCommentModel]) comments: FieldCommentModel[];
  @Field() decidedAt: Date;
}

@ObjectType('ListingIssue', { description: 'A validation finding at an element path (warnings: accepted, but worth fixing).' })
export class ListingIssueModel {
  @Field() path: string;
  @Field() rule: string;
  @Field() message: string;
  @Field(() => ID, { nullable: true, description: 'The concept that replaces a deprecated one.' }) replacementId: string | null;
}

@InterfaceType('Listing', {
  resolveType: (v: ListingView) => (v.kind === 'DEMAND' ? DemandListingModel : SupplyListingModel),
})
export abstract class ListingModel {
  @Field(() => ID) id: string;
  @Field(() => ListingKindEnum) kind: ListingKindEnum;
  @Field(() => ListingStatusEnum) status: ListingStatusEnum;
  @Field(() => Int, { description: 'Optimistic-locking version: pass it back with every change.' }) version: number;
  @Field() title: string;
  @Field(() => String, { nullable: true }) titleEn: string | null;
  @Field() summary: string;
  @Field(() => String, { nullable: true }) summaryEn: string | null;
  @Field() description: string;
  @Field(() => String, { nullable: true }) descriptionEn: string | null;
  @Field(() => CommercialTermsModel) commercialTerms: CommercialTermsModel;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it last entered review.' }) submittedAt: Date | null;
}

@ObjectType('DemandListing', { implements: () => [ListingModel], description: "An SME's AI need." })
export class DemandListingModel extends ListingModel {
  @Field(() => CapabilityElementsModel) requirement: CapabilityElementsModel;
  @Field(() => DataProfileModel) dataProfile: DataProfileModel;
  @Field(() => Date, { nullable: true }) bidDeadline: Date | null;
  @Field() onSiteRequired: boolean;
  @Field(() => DemandVisibilityEnum) visibility: DemandVisibilityEnum;
}

@ObjectType('SupplyListing', { implements: () => [ListingModel], description: "An AI supplier's or SI integrator's offering." })
export class SupplyListingModel extends ListingModel {
  @Field(() => CapabilityElementsModel) capability: CapabilityElementsModel;
  @Field(() => TrustProfileModel) trustProfile: TrustProfileModel;
  @Field(() => [ReferenceCaseModel]) referenceCases: ReferenceCaseModel[];
}

export const ListingConnection = ConnectionType(ListingModel as unknown as Type<ListingModel>, 'Listing');

@ObjectType('ListingContentChange', { description: 'One element that differs from the last published version.' })
export class ListingContentChangeModel {
  @Field({ description: 'Element path as request-changes comments name it (`title`, `AIRequirement.tasks`, `referenceCases[0].title`).' })
  path: string;
  @Field(() => String, { nullable: true, description: "The element's label in the request's language, when the template names it." })
  label: string | null;
  @Field(() => String, { nullable: true, description: 'The published value as text (JSON for lists and numbers); null when absent.' })
  before: string | null;
  @Field(() => String, { nullable: true, description: 'The current value as text; null when absent.' })
  after: string | null;
}

@ObjectType('ListingChanges', { description: 'The changes since the last published version of a listing.' })
export class ListingChangesModel {
  @Field(() => Int) publishedVersion: number;
  @Field() publishedAt: Date;
  @Field(() => [ListingContentChangeModel]) changes: ListingContentChangeModel[];
}
