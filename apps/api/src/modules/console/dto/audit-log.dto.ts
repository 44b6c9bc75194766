import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

@InputType()
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only rows by this staff member or user.' }) actorUserId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact action, e.g. verification.decided (≤ 200 characters).' })
  action?: string | null;
  @Field(() => String, { nullable: true, description: 'Object type, e.g. organization (≤ 200 characters).' })
  subjectType?: string | null;
  @Field(() => String, { nullable: true, description: 'Object id (≤ 200 characters).' }) subjectId?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this time (inclusive).' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until this time (exclusive; at most 366 days after from).' }) to?: Date | null;
}

@ObjectType('AuditActor', { description: 'Who acted (null on the row when the account was deleted).' })
export class AuditActorModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field() email: string;
}

@ObjectType('AuditLogEntry', { description: 'One immutable audit row: a staff or security-relevant action.' })
export class AuditLogEntryModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field() action: string;
  @Field() subjectType: string;
  @Field() subjectId: string;
  @Field(() => String, { nullable: true, description: 'The reason given, when the action had one.' }) reason: string | null;
  @Field(() => String, { nullable: true, description: 'The before summary as JSON text.' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The after summary as JSON text.' }) after: string | null;
  @Field({ description: 'All details as JSON text.' }) details: string;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field() createdAt: Date;
}
export const AuditLogConnection = ConnectionType(AuditLogEntryModel, 'AuditLogEntry');
