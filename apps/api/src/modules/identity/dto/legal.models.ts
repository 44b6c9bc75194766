import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum LegalDocumentKindEnum {
  TERMS = 'TERMS',
  PRIVACY = 'PRIVACY',
  MARKETING = 'MARKETING',
}
registerEnumType(LegalDocumentKindEnum, { name: 'LegalDocumentKind' });

@ObjectType('LegalDocument', { description: 'One version of a legal document (terms, privacy notice, marketing consent).' })
export class LegalDocumentModel {
  @Field(() => LegalDocumentKindEnum) kind: LegalDocumentKindEnum;
  @Field({ description: 'Version id, e.g. 2026-12-07; a consent names the version it agreed to.' }) version: string;
  @Field({ description: 'True when sign-up requires this consent; optional ones can be withdrawn.' }) required: boolean;
  @Field() title: string;
  @Field() body: string;
}

@ObjectType('ConsentRecord', { description: 'One consent the user gave; a withdrawn one keeps its row with withdrawnAt.' })
export class ConsentRecordModel {
  @Field(() => LegalDocumentKindEnum) kind: LegalDocumentKindEnum;
  @Field() version: string;
  @Field() grantedAt: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
}
