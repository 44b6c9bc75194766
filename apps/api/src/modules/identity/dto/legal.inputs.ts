import { Field, InputType } from '@nestjs/graphql';
import { LegalDocumentKindEnum } from './legal.models';

@InputType({ description: 'Agreement to one version of a legal document.' })
export class ConsentInput {
  @Field(() => LegalDocumentKindEnum) kind: LegalDocumentKindEnum;
  @Field({ description: 'The version read, e.g. 2026-12-07; must be the current one.' }) version: string;
}
