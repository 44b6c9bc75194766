import { MembershipRole, VerificationDecision, VerificationRequestStatus } from '@aimatch/contracts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';
import { OrganizationModel } from '../../identity/dto/identity.models';

registerEnumType(VerificationDecision, { name: 'VerificationDecision' });
registerEnumType(VerificationRequestStatus, { name: 'VerificationRequestStatus' });

@InputType()
export class RequestOrganizationVerificationInput {
  @Field(() => ID) organizationId: string;
  @Field(() => String, { nullable: true, description: 'For the association: what to look at, up to 2,000 characters.' })
  note?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Evidence (사업자등록증 …): up to 10 files the requester uploaded (POST /files?kind=evidence), attached with the request.',
  })
  evidenceFileIds?: string[] | null;
}

@InputType()
export class DecideVerificationInput {
  @Field(() => ID) requestId: string;
  @Field(() => VerificationDecision) decision: VerificationDecision;
  @Field(() => String, { nullable: true, description: 'Required for REJECTED and NEEDS_INFO; the organization reads it.' })
  reason?: string | null;
}

@InputType()
export class SuspendOrganizationInput {
  @Field(() => ID) organizationId: string;
  @Field({ description: 'Why (audited; the organization reads it).' }) reason: string;
}

@InputType()
export class UnsuspendOrganizationInput {
  @Field(() => ID) organizationId: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@ObjectType('VerificationRequest', { description: "An organization's request to be verified by the association." })
export class VerificationRequestModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => VerificationRequestStatus) status: VerificationRequestStatus;
  @Field() note: string;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was REJECTED or more information is needed.' })
  decisionReason: string | null;
  @Field(() => Int, { description: 'Seconds from the request until now (open) or until the decision.' })
  waitingSeconds: number;
}
export const VerificationRequestConnection = ConnectionType(VerificationRequestModel, 'VerificationRequest');

@ObjectType('OrganizationSuspension', { description: 'Why and since when staff suspended the organization.' })
export class OrganizationSuspensionModel {
  @Field() reason: string;
  @Field() since: Date;
}

@ObjectType('BrnCheck', { description: "The business registration number's checksum (National Tax Service rule)." })
export class BrnCheckModel {
  @Field({ description: 'XXX-XX-XXXXX' }) formatted: string;
  @Field() valid: boolean;
}

@ObjectType('OrganizationMemberInfo', { description: 'A member as staff see it while reviewing the organization.' })
export class OrganizationMemberInfoModel {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field() email: string;
  @Field(() => MembershipRole) role: MembershipRole;
  @Field() joinedAt: Date;
}

@ObjectType('VerificationReview', { description: 'Everything staff look at to decide a verification request.' })
export class VerificationReviewModel {
  @Field(() => VerificationRequestModel) request: VerificationRequestModel;
  @Field(() => OrganizationModel) organization: OrganizationModel;
  @Field(() => BrnCheckModel) brnCheck: BrnCheckModel;
  @Field(() => Int, { description: 'Listings of the organization in any status.' }) listingsCount: number;
  @Field(() => [OrganizationMemberInfoModel]) members: OrganizationMemberInfoModel[];
  @Field(() => [VerificationRequestModel], { description: "The organization's requests, newest first (this one included)." })
  history: VerificationRequestModel[];
  @Field(() => OrganizationSuspensionModel, { nullable: true }) suspension: OrganizationSuspensionModel | null;
}
