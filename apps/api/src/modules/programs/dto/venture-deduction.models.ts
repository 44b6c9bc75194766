import { InvestmentChannel, StakeEventKind } from '@aimatch/programs';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(InvestmentChannel, {
  name: 'InvestmentChannel',
  description:
    'VENTURE_FUND 벤처투자조합, NEW_TECHNOLOGY_FUND 신기술사업투자조합, SPECIALISED_FUND 전문투자조합, PRIVATE_EQUITY_FUND PEF, VENTURE_TRUST 벤처기업투자신탁, DIRECT 직접 투자, ANGEL_FUND 개인투자조합, CROWDFUNDING 크라우드펀딩.',
});
registerEnumType(StakeEventKind, { name: 'StakeEventKind', description: 'TRANSFER 양도·이전, WITHDRAWAL 회수·환매.' });

@InputType('VentureInvestmentInput')
export class VentureInvestmentInput {
  @Field(() => InvestmentChannel) channel: InvestmentChannel;
  @Field(() => Float, { description: 'KRW, a whole number from 1 to 1조.' }) amountKrw: number;
}

@InputType('VentureDeductionInput')
export class VentureDeductionInput {
  @Field(() => Int, { description: 'The year the investments were made.' }) investmentYear: number;
  @Field(() => Int, { description: 'The tax year of the deduction: the investment year or one of the next two.' }) taxYear: number;
  @Field(() => Float, { description: '종합소득금액 of the tax year (KRW).' }) comprehensiveIncomeKrw: number;
  @Field(() => [VentureInvestmentInput], { description: '1 to 50 investments.' }) investments: VentureInvestmentInput[];
}

@ObjectType('DeductionBracketPart')
export class DeductionBracketPartModel {
  @Field(() => Float) fromKrw: number;
  @Field(() => Float, { nullable: true }) toKrw: number | null;
  @Field(() => Int) percent: number;
  @Field(() => Float) amountKrw: number;
  @Field(() => Float) deductionKrw: number;
}

@ObjectType('VentureDeduction', {
  description: 'An estimate of the venture-investment deduction (조특법 제16조): guidance, not tax advice.',
})
export class VentureDeductionModel {
  @Field() ruleSetId: string;
  @Field({ description: 'The law the rule set follows, in the reader’s language.' }) source: string;
  @Field(() => Int) taxYearFrom: number;
  @Field(() => Int) taxYearTo: number;
  @Field(() => Float) indirectAmountKrw: number;
  @Field(() => Float, { description: '10 % of fund investments other than venture trusts.' }) fundDeductionKrw: number;
  @Field(() => Float) ventureTrustAmountKrw: number;
  @Field(() => Float) ventureTrustDeductionKrw: number;
  @Field() ventureTrustCapApplied: boolean;
  @Field(() => Float) directAmountKrw: number;
  @Field(() => [DeductionBracketPartModel]) directBrackets: DeductionBracketPartModel[];
  @Field(() => Float) directDeductionKrw: number;
  @Field(() => Float) totalBeforeCapKrw: number;
  @Field(() => Float) incomeCapKrw: number;
  @Field() incomeCapApplied: boolean;
  @Field(() => Float) deductionKrw: number;
  @Field(() => Int) holdingYears: number;
  @Field() notice: string;
}

@InputType('VentureClawbackInput')
export class VentureClawbackInput {
  @Field(() => StakeEventKind) kind: StakeEventKind;
  @Field({ description: 'YYYY-MM-DD' }) investedOn: string;
  @Field({ description: 'YYYY-MM-DD' }) occurredOn: string;
  @Field(() => String, { nullable: true, description: 'One of ventureDeductionRules.exceptions.code.' }) exceptionCode?: string | null;
}

@ObjectType('ClawbackException')
export class ClawbackExceptionModel {
  @Field() code: string;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the exception applies from.' }) effectiveFrom: string | null;
}

@ObjectType('VentureClawback')
export class VentureClawbackModel {
  @Field() clawedBack: boolean;
  @Field({ description: 'The last day a transfer or withdrawal still counts as early.' }) holdingEndsOn: string;
  @Field(() => ClawbackExceptionModel, { nullable: true }) exception: ClawbackExceptionModel | null;
  @Field() reason: string;
}

@ObjectType('VentureDeductionRuleSet', { description: 'The rules as data, per investment years.' })
export class VentureDeductionRuleSetModel {
  @Field() id: string;
  @Field(() => Int) fromYear: number;
  @Field(() => Int, { nullable: true }) toYear: number | null;
  @Field() source: string;
  @Field(() => [InvestmentChannel]) indirectChannels: InvestmentChannel[];
  @Field(() => Int) indirectPercent: number;
  @Field(() => [InvestmentChannel]) directChannels: InvestmentChannel[];
  @Field(() => [DeductionBracketPartModel], { description: 'Brackets: fromKrw/toKrw/percent (amounts 0).' })
  directBrackets: DeductionBracketPartModel[];
  @Field(() => Float) ventureTrustCapKrw: number;
  @Field(() => Int) incomeCapPercent: number;
  @Field(() => Int) electionYears: number;
  @Field(() => Int) holdingYears: number;
  @Field(() => [ClawbackExceptionModel]) exceptions: ClawbackExceptionModel[];
  @Field() notice: string;
}
