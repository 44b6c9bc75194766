import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ListingStatusEnum } from '../../listings/dto/listing.models';

export enum PrecheckKindEnum {
  INCOMPLETE = 'INCOMPLETE',
  NEAR_DUPLICATE = 'NEAR_DUPLICATE',
  CONTACT_DETAILS = 'CONTACT_DETAILS',
  EXTERNAL_PAYMENT = 'EXTERNAL_PAYMENT',
  PERSONAL_DATA = 'PERSONAL_DATA',
  PROHIBITED_KEYWORD = 'PROHIBITED_KEYWORD',
}
export enum PrecheckSeverityEnum {
  WARNING = 'WARNING',
  BLOCKER = 'BLOCKER',
}
registerEnumType(PrecheckKindEnum, { name: 'PrecheckKind' });
registerEnumType(PrecheckSeverityEnum, {
  name: 'PrecheckSeverity',
  description:
    'WARNING: look before approving; BLOCKER: not approvable as it is (payment requests, 주민등록번호, prohibited keywords, copies ≥ 80 %).',
});

@ObjectType('PrecheckRelatedListing', { description: 'The listing a near-duplicate flag points at.' })
export class PrecheckRelatedListingModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => ListingStatusEnum) status: ListingStatusEnum;
  @Field(() => ID) organizationId: string;
  @Field(() => String, { nullable: true }) organizationName: string | null;
}

@ObjectType('PrecheckFlag')
export class PrecheckFlagModel {
  @Field(() => PrecheckKindEnum) kind: PrecheckKindEnum;
  @Field(() => PrecheckSeverityEnum) severity: PrecheckSeverityEnum;
  @Field(() => String, {
    nullable: true,
    description: 'The element path (description, referenceCases.0.summary …); null for the whole listing.',
  })
  path: string | null;
  @Field({ description: "In the viewer's language." }) message: string;
  @Field(() => String, {
    nullable: true,
    description: 'The text around the finding, with phone numbers, 주민등록번호 and e-mail addresses masked.',
  })
  excerpt: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'NEAR_DUPLICATE: estimated Jaccard similarity of the texts (0..1; flagged from 0.5).',
  })
  similarity: number | null;
  relatedListingId: string | null;
  @Field(() => PrecheckRelatedListingModel, { nullable: true }) relatedListing?: PrecheckRelatedListingModel | null;
}

@ObjectType('ListingPrecheckReport')
export class ListingPrecheckReportModel {
  @Field(() => ID) listingId: string;
  @Field(() => Int, { description: 'The listing version the report was computed for.' }) version: number;
  @Field() checkedAt: Date;
  @Field(() => Float, { description: "Share of the template's elements that are filled (0..1)." }) completeness: number;
  @Field(() => [String], { description: 'Element paths that are empty.' }) missing: string[];
  @Field(() => [PrecheckFlagModel]) flags: PrecheckFlagModel[];
}

@ObjectType('BulkApproveSkip')
export class BulkApproveSkipModel {
  @Field(() => ID) id: string;
  @Field({ description: 'flagged (the report has flags), not-submitted, changed (edited meanwhile), not-found, or an error code.' })
  reason: string;
}

@ObjectType('BulkApproveResult')
export class BulkApproveResultModel {
  @Field(() => [ID]) approved: string[];
  @Field(() => [BulkApproveSkipModel]) skipped: BulkApproveSkipModel[];
}

@ObjectType('ProhibitedKeyword')
export class ProhibitedKeywordModel {
  @Field(() => ID) id: string;
  @Field() term: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;
}
