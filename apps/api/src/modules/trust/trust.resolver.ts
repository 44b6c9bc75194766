import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import {
  DismissTrustSignalsInput,
  TrustActionInput,
  TrustCaseConnection,
  TrustCaseDetailModel,
  TrustCaseModel,
  TrustSignalModel,
  TrustSignalStatus,
  TrustTrailEntryModel,
} from './dto/trust.dto';
import { type TrailEntry, type TrustSignalRow, TrustService } from './trust.service';

const STAFF = [PlatformRole.STAFF, PlatformRole.ADMIN];

function signalModel(r: TrustSignalRow): TrustSignalModel {
  return { ...r, kind: r.kind as never, status: r.status as TrustSignalStatus, evidence: JSON.stringify(r.evidence ?? {}) };
}
function trailModel(e: TrailEntry): TrustTrailEntryModel {
  return { ...e, details: JSON.stringify(e.details) };
}

@Resolver(() => TrustCaseModel)
export class TrustResolver {
  constructor(
    private readonly service: TrustService,
    private readonly identityLoaders: IdentityLoaders,
  ) {}

  @Roles(...STAFF)
  @Query(() => TrustCaseConnection, {
    description: 'Staff: organizations with trust & safety signals of this status (default OPEN), newest activity first.',
  })
  async trustCases(
    @CurrentViewer() viewer: Viewer,
    @Args('status', { type: () => TrustSignalStatus, nullable: true }) status: TrustSignalStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.service.cases(viewer, status, first, after);
  }

  @Roles(...STAFF)
  @Query(() => TrustCaseDetailModel, { description: "Staff: one organization's signals (open first) and the trail of actions." })
  async trustCase(@CurrentViewer() viewer: Viewer, @Args('organizationId', { type: () => ID }) organizationId: string) {
    const c = await this.service.case(viewer, organizationId);
    return { organizationId: c.organizationId, signals: c.signals.map(signalModel), trail: c.trail.map(trailModel) };
  }

  @Roles(...STAFF)
  @Query(() => Int, { description: 'Staff: organizations with open signals (the navigation badge).' })
  trustOpenCaseCount(@CurrentViewer() viewer: Viewer) {
    return this.service.openCaseCount(viewer);
  }

  @Roles(...STAFF)
  @Mutation(() => [TrustTrailEntryModel], {
    description: "Staff: warns the organization's owners (in the app and by e-mail); its open signals become ACTIONED. Returns the trail.",
  })
  async warnOrganization(@Args('input') input: TrustActionInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return (await this.service.warn(rc, viewer, input)).map(trailModel);
  }

  @Roles(...STAFF)
  @Mutation(() => [TrustTrailEntryModel], {
    description:
      'Staff: suspends the organization of a case (as suspendOrganization); its open signals become ACTIONED. Returns the trail.',
  })
  async suspendTrustCase(@Args('input') input: TrustActionInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return (await this.service.suspend(rc, viewer, input)).map(trailModel);
  }

  @Roles(...STAFF)
  @Mutation(() => [TrustSignalModel], { description: 'Staff: dismisses open signals with a reason.' })
  async dismissTrustSignals(@Args('input') input: DismissTrustSignalsInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return (await this.service.dismiss(rc, viewer, input)).map(signalModel);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() c: TrustCaseModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identityLoaders.organization).load(c.organizationId);
  }
}

@Resolver(() => TrustCaseDetailModel)
export class TrustCaseDetailResolver {
  constructor(private readonly identityLoaders: IdentityLoaders) {}

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() c: TrustCaseDetailModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identityLoaders.organization).load(c.organizationId);
  }
}

@Resolver(() => TrustSignalModel)
export class TrustSignalResolver {
  constructor(private readonly identityLoaders: IdentityLoaders) {}

  @ResolveField(() => [OrganizationModel], { description: 'The related organizations (deleted ones left out).' })
  async relatedOrganizations(@Parent() s: TrustSignalModel, @Ctx() rc: RequestContext) {
    const orgs = await rc.loaders.get(this.identityLoaders.organization).loadMany(s.relatedOrganizationIds);
    return orgs.filter((o) => o && !(o instanceof Error));
  }
}
