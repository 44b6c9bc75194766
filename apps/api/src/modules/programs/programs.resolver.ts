import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Public, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import {
  EligibilityFactModel,
  EligibilityRuleInput,
  ProgramEligibilityConnection,
  type ProgramEligibilityModel,
  ProgramRulePreviewModel,
  SupportProgramConnection,
  SupportProgramInput,
  SupportProgramModel,
  SupportProgramStatusEnum,
  type EligibilityVerdictEnum,
  type RuleStatusEnum,
} from './dto/program.models';
import { type ProgramEligibility, ProgramsService } from './programs.service';

@Resolver(() => SupportProgramModel)
export class ProgramsResolver {
  constructor(private readonly programs: ProgramsService) {}

  @Public()
  @Query(() => SupportProgramConnection, {
    description: 'The support-program catalogue, newest first: published programs (staff also see drafts, or one status).',
  })
  supportPrograms(
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('status', { type: () => SupportProgramStatusEnum, nullable: true }) status: SupportProgramStatusEnum | null,
    @Ctx() rc: RequestContext,
  ) {
    return this.programs.list(rc.viewer, { first, after, status });
  }

  @Public()
  @Query(() => SupportProgramModel, { description: 'One program (NOT_FOUND for drafts unless staff).' })
  supportProgram(@Args('id', { type: () => ID }) id: string, @Ctx() rc: RequestContext) {
    return this.programs.get(rc.viewer, id);
  }

  @Public()
  @Query(() => [EligibilityFactModel], { description: 'The facts an eligibility rule may test.' })
  eligibilityFacts(@Ctx() rc: RequestContext): EligibilityFactModel[] {
    const locale = rc.locale === 'en' ? 'en' : 'ko';
    return this.programs.facts().map(({ name, definition }) => ({
      name,
      type: definition.type,
      subject: definition.subject,
      label: definition.label[locale],
      scheme: 'scheme' in definition ? definition.scheme : null,
      values: 'values' in definition ? Object.entries(definition.values).map(([value, label]) => ({ value, label: label[locale] })) : [],
    }));
  }

  @Query(() => ProgramEligibilityConnection, {
    description:
      'Open published programs checked against an organization (its members, staff) or a demand (its organization’s members, staff): eligible first, then possible; each rule met, missed or unknown with a reason.',
  })
  async eligiblePrograms(
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId: string | null,
    @Args('demandId', { type: () => ID, nullable: true }) demandId: string | null,
    @Args('includeIneligible', { type: () => Boolean, nullable: true, defaultValue: false }) includeIneligible: boolean,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    const page = await this.programs.eligibility(rc, viewer, { organizationId, demandId }, { first, after, includeIneligible });
    const locale = rc.locale === 'en' ? 'en' : 'ko';
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: eligibilityView(e.node, locale) })) };
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => ProgramRulePreviewModel, { description: 'Staff: how many organizations (and published demands) a rule set would match.' })
  previewProgramRules(
    @Args('rules', { type: () => [EligibilityRuleInput] }) rules: EligibilityRuleInput[],
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.programs.preview(rc, viewer, rules);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => SupportProgramModel, { description: 'Staff add a program as a DRAFT (audited).' })
  createSupportProgram(@Args('input') input: SupportProgramInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.programs.create(rc, viewer, input);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => SupportProgramModel, {
    description: 'Staff edit a program at its current version (CONFLICT stale-version otherwise; audited).',
  })
  updateSupportProgram(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: SupportProgramInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.programs.update(rc, viewer, id, version, input);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => SupportProgramModel, { description: 'Staff publish, unpublish (DRAFT) or archive a program (audited).' })
  setSupportProgramStatus(
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => SupportProgramStatusEnum }) status: SupportProgramStatusEnum,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.programs.setStatus(rc, viewer, id, status);
  }
}

function eligibilityView(e: ProgramEligibility, locale: 'ko' | 'en'): ProgramEligibilityModel {
  return {
    program: e.program as unknown as SupportProgramModel,
    verdict: e.verdict as EligibilityVerdictEnum,
    met: e.met,
    missed: e.missed,
    unknown: e.unknown,
    rules: e.rules.map((r) => ({ index: r.index, fact: r.fact, status: r.status as RuleStatusEnum, reason: r.reason[locale] })),
  };
}
