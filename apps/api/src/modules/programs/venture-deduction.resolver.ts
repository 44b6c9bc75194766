import {
  assessClawback,
  calculateVentureDeduction,
  type ClawbackException,
  VENTURE_DEDUCTION_NOTICE,
  VENTURE_DEDUCTION_RULE_SETS,
} from '@aimatch/programs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Public } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../graphql/request-context';
import {
  type ClawbackExceptionModel,
  VentureClawbackInput,
  VentureClawbackModel,
  VentureDeductionInput,
  VentureDeductionModel,
  VentureDeductionRuleSetModel,
} from './dto/venture-deduction.models';

type Locale = 'ko' | 'en';
const localeOf = (rc: RequestContext): Locale => (rc.locale === 'en' ? 'en' : 'ko');
const exceptionView = (e: ClawbackException, locale: Locale): ClawbackExceptionModel => ({
  code: e.code,
  label: e[locale],
  effectiveFrom: e.effectiveFrom ?? null,
});

/** The venture-investment deduction calculator (libs/programs): public guidance, computed on the server from the versioned rules. */
@Resolver()
export class VentureDeductionResolver {
  @Public()
  @Query(() => VentureDeductionModel, {
    description: 'Estimates the venture-investment income deduction for one investment year (guidance, not tax advice).',
  })
  ventureDeduction(@Args('input') input: VentureDeductionInput, @Ctx() rc: RequestContext): VentureDeductionModel {
    const outcome = calculateVentureDeduction(input);
    if (!outcome.ok) throw AppError.badInput(outcome.violations);
    const { source, notice, taxYearWindow, ...rest } = outcome.value;
    const locale = localeOf(rc);
    return { ...rest, source: source[locale], notice: notice[locale], taxYearFrom: taxYearWindow.from, taxYearTo: taxYearWindow.to };
  }

  @Public()
  @Query(() => VentureClawbackModel, {
    description:
      'Whether transferring or withdrawing a stake claws the deduction back (within 3 years, unless a listed exception applies).',
  })
  ventureClawback(@Args('input') input: VentureClawbackInput, @Ctx() rc: RequestContext): VentureClawbackModel {
    const outcome = assessClawback(input);
    if (!outcome.ok) throw AppError.badInput(outcome.violations);
    const locale = localeOf(rc);
    const { exception, reason, ...rest } = outcome.value;
    return { ...rest, exception: exception ? exceptionView(exception, locale) : null, reason: reason[locale] };
  }

  @Public()
  @Query(() => [VentureDeductionRuleSetModel], { description: 'The deduction’s rules as versioned data, oldest first.' })
  ventureDeductionRules(@Ctx() rc: RequestContext): VentureDeductionRuleSetModel[] {
    const locale = localeOf(rc);
    return VENTURE_DEDUCTION_RULE_SETS.map((s) => {
      let from = 0;
      return {
        id: s.id,
        fromYear: s.fromYear,
        toYear: s.toYear,
        source: s.source[locale],
        indirectChannels: s.indirectChannels,
        indirectPercent: s.indirectPercent,
        directChannels: s.directChannels,
        directBrackets: s.directBrackets.map((b) => {
          const part = { fromKrw: from, toKrw: b.upToKrw, percent: b.percent, amountKrw: 0, deductionKrw: 0 };
          from = b.upToKrw ?? from;
          return part;
        }),
        ventureTrustCapKrw: s.ventureTrustCapKrw,
        incomeCapPercent: s.incomeCapPercent,
        electionYears: s.electionYears,
        holdingYears: s.holdingYears,
        exceptions: s.clawbackExceptions.map((e) => exceptionView(e, locale)),
        notice: VENTURE_DEDUCTION_NOTICE[locale],
      };
    });
  }
}
