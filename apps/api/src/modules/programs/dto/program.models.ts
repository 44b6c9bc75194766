import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

export enum SupportProgramStatusEnum {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(SupportProgramStatusEnum, {
  name: 'SupportProgramStatus',
  description: 'DRAFT: staff only; PUBLISHED: in the catalogue and in eligibility; ARCHIVED: withdrawn.',
});

export enum EligibilityVerdictEnum {
  ELIGIBLE = 'ELIGIBLE',
  POSSIBLE = 'POSSIBLE',
  INELIGIBLE = 'INELIGIBLE',
}
registerEnumType(EligibilityVerdictEnum, {
  name: 'EligibilityVerdict',
  description: 'ELIGIBLE: every rule met; POSSIBLE: none missed, some facts not on file; INELIGIBLE: a rule missed.',
});

export enum RuleStatusEnum {
  MET = 'MET',
  MISSED = 'MISSED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(RuleStatusEnum, { name: 'EligibilityRuleStatus' });

@ObjectType('EligibilityRule', {
  description:
    'A rule over an organization or demand fact: `in` (values) for enum and concept facts, `between` (min/max) for numbers, `is` (value) for booleans.',
})
export class EligibilityRuleModel {
  @Field() fact: string;
  @Field() op: string;
  @Field(() => [String], { nullable: true }) values?: string[] | null;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => Boolean, { nullable: true }) value?: boolean | null;
}

@InputType('EligibilityRuleInput')
export class EligibilityRuleInput {
  @Field({ description: 'One of eligibilityFacts.name.' }) fact: string;
  @Field({ description: 'in | between | is' }) op: string;
  @Field(() => [String], { nullable: true }) values?: string[] | null;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => Boolean, { nullable: true }) value?: boolean | null;
}

@ObjectType('EligibilityFactValue')
export class EligibilityFactValueModel {
  @Field() value: string;
  @Field() label: string;
}

@ObjectType('EligibilityFact', { description: 'A fact a rule may test, with its type and (for enums) its values.' })
export class EligibilityFactModel {
  @Field() name: string;
  @Field() type: string;
  @Field() subject: string;
  @Field({ description: 'In the reader’s language.' }) label: string;
  @Field(() => String, { nullable: true, description: 'The vocabulary scheme of a concept fact.' }) scheme: string | null;
  @Field(() => [EligibilityFactValueModel], { description: 'The values of an enum fact.' }) values: EligibilityFactValueModel[];
}

@ObjectType('SupportProgram', { description: '정부 지원사업: a program in the association’s catalogue.' })
export class SupportProgramModel {
  @Field(() => ID) id: string;
  @Field(() => SupportProgramStatusEnum) status: SupportProgramStatusEnum;
  @Field() nameKo: string;
  @Field(() => String, { nullable: true }) nameEn: string | null;
  @Field() agencyKo: string;
  @Field(() => String, { nullable: true }) agencyEn: string | null;
  @Field({ description: 'What the program gives, e.g. "AI 솔루션 도입비 최대 2억원 지원".' }) benefitKo: string;
  @Field(() => String, { nullable: true }) benefitEn: string | null;
  @Field(() => Float, { nullable: true }) maxBenefitKrw: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) opensOn: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) closesOn: string | null;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => [EligibilityRuleModel]) rules: EligibilityRuleModel[];
  @Field({ description: 'A sample from a public announcement, not a live call: check the source.' }) isSample: boolean;
  @Field(() => String, { nullable: true, description: 'Where the program’s facts come from.' }) sourceNote: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
export const SupportProgramConnection = ConnectionType(SupportProgramModel, 'SupportProgram');

@InputType('SupportProgramInput')
export class SupportProgramInput {
  @Field({ description: '2–120 characters.' }) nameKo: string;
  @Field(() => String, { nullable: true }) nameEn?: string | null;
  @Field({ description: '2–120 characters.' }) agencyKo: string;
  @Field(() => String, { nullable: true }) agencyEn?: string | null;
  @Field({ description: 'Up to 500 characters.' }) benefitKo: string;
  @Field(() => String, { nullable: true }) benefitEn?: string | null;
  @Field(() => Float, { nullable: true }) maxBenefitKrw?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) opensOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; not before opensOn, at most 5 years after it.' })
  closesOn?: string | null;
  @Field(() => String, { nullable: true, description: 'http(s) link to the announcement.' }) url?: string | null;
  @Field(() => [EligibilityRuleInput], { description: 'At most 20 rules; all must be met.' }) rules: EligibilityRuleInput[];
  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' }) sourceNote?: string | null;
}

@ObjectType('EligibilityRuleResult')
export class EligibilityRuleResultModel {
  @Field(() => Int, { description: 'The rule’s position in the program’s rules.' }) index: number;
  @Field() fact: string;
  @Field(() => RuleStatusEnum) status: RuleStatusEnum;
  @Field({ description: 'Why, in the reader’s language.' }) reason: string;
}

@ObjectType('ProgramEligibility', { description: 'One program checked against an organization or a demand.' })
export class ProgramEligibilityModel {
  @Field(() => SupportProgramModel) program: SupportProgramModel;
  @Field(() => EligibilityVerdictEnum) verdict: EligibilityVerdictEnum;
  @Field(() => Int) met: number;
  @Field(() => Int) missed: number;
  @Field(() => Int) unknown: number;
  @Field(() => [EligibilityRuleResultModel]) rules: EligibilityRuleResultModel[];
}
export const ProgramEligibilityConnection = ConnectionType(ProgramEligibilityModel, 'ProgramEligibility');

@ObjectType('ProgramRulePreview', {
  description: 'How many of the marketplace’s organizations (and published demands) a rule set would match.',
})
export class ProgramRulePreviewModel {
  @Field(() => Int) organizations: number;
  @Field(() => Int) eligibleOrganizations: number;
  @Field(() => Int) possibleOrganizations: number;
  @Field(() => Int, { description: 'Published demands checked (only when a rule tests a demand fact; else 0).' }) demands: number;
  @Field(() => Int) eligibleDemands: number;
}
