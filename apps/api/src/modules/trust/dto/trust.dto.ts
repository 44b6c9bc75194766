import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

export enum TrustSignalKind {
  SHARED_CONTACT = 'SHARED_CONTACT',
  LOOKALIKE_NAME = 'LOOKALIKE_NAME',
  BURST_REGISTRATION = 'BURST_REGISTRATION',
  USER_REPORTS = 'USER_REPORTS',
  NEAR_DUPLICATE_TEXT = 'NEAR_DUPLICATE_TEXT',
}
export enum TrustSignalStatus {
  OPEN = 'OPEN',
  DISMISSED = 'DISMISSED',
  ACTIONED = 'ACTIONED',
}
registerEnumType(TrustSignalKind, { name: 'TrustSignalKind' });
registerEnumType(TrustSignalStatus, { name: 'TrustSignalStatus' });

@ObjectType('TrustSignal', { description: 'Staff: one detected trust & safety signal about an organization.' })
export class TrustSignalModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => TrustSignalKind) kind: TrustSignalKind;
  @Field(() => [ID], { description: 'The other organizations the signal points at (sharing the contact, the copied name, …).' })
  relatedOrganizationIds: string[];
  @Field({ description: 'What was found, as JSON text (shared value, names and distance, counts, similarity …).' }) evidence: string;
  @Field(() => TrustSignalStatus) status: TrustSignalStatus;
  @Field(() => String, { nullable: true }) statusReason: string | null;
  @Field() firstSeenAt: Date;
  @Field() lastSeenAt: Date;
}

@ObjectType('TrustKindCount')
export class TrustKindCountModel {
  @Field(() => TrustSignalKind) kind: TrustSignalKind;
  @Field(() => Int) count: number;
}

@ObjectType('TrustTrailEntry', { description: 'One audited action on the case (warn, suspend, dismiss …).' })
export class TrustTrailEntryModel {
  @Field(() => ID) id: string;
  @Field() action: string;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field({ description: 'All details as JSON text.' }) details: string;
  @Field() createdAt: Date;
}

@ObjectType('TrustCase', { description: 'Staff: the trust & safety signals of one organization.' })
export class TrustCaseModel {
  @Field(() => ID) organizationId: string;
  @Field({ description: 'Newest signal or action.' }) lastActivityAt: Date;
  @Field(() => Int, { description: 'Open signals.' }) openCount: number;
  @Field(() => [TrustKindCountModel], { description: 'Signals per kind (of the listed status).' }) counts: TrustKindCountModel[];
}
export const TrustCaseConnection = ConnectionType(TrustCaseModel, 'TrustCase');

@ObjectType('TrustCaseDetail', { description: "Staff: one organization's case: every signal and the trail of actions." })
export class TrustCaseDetailModel {
  @Field(() => ID) organizationId: string;
  @Field(() => [TrustSignalModel]) signals: TrustSignalModel[];
  @Field(() => [TrustTrailEntryModel]) trail: TrustTrailEntryModel[];
}

@InputType()
export class TrustActionInput {
  @Field(() => ID) organizationId: string;
  @Field({ description: '1–2000 characters.' }) reason: string;
}

@InputType()
export class DismissTrustSignalsInput {
  @Field(() => [ID], { description: '1–100 signal ids.' }) ids: string[];
  @Field({ description: '1–2000 characters.' }) reason: string;
}

@ObjectType('TrustScanResult')
export class TrustScanResultModel {
  @Field(() => Int) found: number;
  @Field(() => Int) added: number;
}
