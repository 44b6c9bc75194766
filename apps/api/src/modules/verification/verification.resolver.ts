import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { Connection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { StoredFileModel } from '../files/dto/stored-file.model';
import { FilesLoaders } from '../files/files.loaders';
import { OrganizationModel } from '../identity/dto/identity.models';
import type { Organization } from '../identity/dto/identity.records';
import { IdentityLoaders } from '../identity/identity.loaders';
import {
  DecideVerificationInput,
  OrganizationSuspensionModel,
  RequestOrganizationVerificationInput,
  SuspendOrganizationInput,
  UnsuspendOrganizationInput,
  VerificationRequestConnection,
  VerificationRequestModel,
  VerificationReviewModel,
} from './dto/verification.dto';
import { EVIDENCE_OWNER_TYPE, type SuspensionRow, type VerificationRequestRow, VerificationService } from './verification.service';

@Resolver(() => VerificationRequestModel)
export class VerificationResolver {
  constructor(
    private readonly service: VerificationService,
    private readonly identityLoaders: IdentityLoaders,
    private readonly filesLoaders: FilesLoaders,
  ) {}

  @Mutation(() => VerificationRequestModel, {
    description: 'Owners ask the association to verify their organization (it becomes PENDING; one open request at a time).',
  })
  async requestOrganizationVerification(
    @Args('input') input: RequestOrganizationVerificationInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.toModel(await this.service.request(rc, viewer, input));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => VerificationRequestConnection, { description: 'Staff: open verification requests, oldest first.' })
  async verificationQueue(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page: Connection<VerificationRequestRow> = await this.service.queue(viewer, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.toModel(e.node) })) };
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => VerificationReviewModel, {
    description: 'Staff: a verification request with the organization, its BRN check, members, listings count and request history.',
  })
  async verificationRequest(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer) {
    const review = await this.service.review(viewer, id);
    return {
      ...review,
      request: this.toModel(review.request),
      history: review.history.map((r) => this.toModel(r)),
      suspension: review.suspension ? toSuspension(review.suspension) : null,
    };
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => VerificationRequestModel, {
    description: "Staff decide an open request once (a reason for REJECTED and NEEDS_INFO); the organization's status follows (audited).",
  })
  async decideVerification(@Args('input') input: DecideVerificationInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.toModel(await this.service.decide(rc, viewer, input));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => OrganizationModel, {
    description:
      'Staff suspend an organization with a reason: no bids, no chat messages, its listings leave search; data is kept (audited).',
  })
  suspendOrganization(@Args('input') input: SuspendOrganizationInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.service.suspend(rc, viewer, input);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => OrganizationModel, { description: 'Staff lift a suspension: the organization returns to its previous status (audited).' })
  unsuspendOrganization(@Args('input') input: UnsuspendOrganizationInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.service.unsuspend(rc, viewer, input);
  }

  @ResolveField(() => OrganizationModel)
  organization(@Parent() request: VerificationRequestModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identityLoaders.organization).load(request.organizationId);
  }

  @ResolveField(() => [StoredFileModel], {
    description: 'The evidence files attached with the request (staff and members of the organization may download them).',
  })
  evidence(@Parent() request: VerificationRequestModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.filesLoaders.byOwner).load(FilesLoaders.key({ ownerType: EVIDENCE_OWNER_TYPE, ownerId: request.id }));
  }

  private toModel(row: VerificationRequestRow): VerificationRequestModel {
    return toRequestModel(row, this.service);
  }
}

function toRequestModel(row: VerificationRequestRow, service: VerificationService): VerificationRequestModel {
  return {
    id: row.id,
    organizationId: row.organizationId,
    status: row.status,
    note: row.note,
    requestedAt: row.createdAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    waitingSeconds: service.waitingSeconds(row),
  };
}

function toSuspension(row: SuspensionRow): OrganizationSuspensionModel {
  return { reason: row.reason, since: row.suspendedAt };
}

/** `Organization.verificationRequest` and `Organization.suspension`: for the organization's members and staff. */
@Resolver(() => OrganizationModel)
export class OrganizationVerificationResolver {
  constructor(private readonly service: VerificationService) {}

  @ResolveField(() => VerificationRequestModel, {
    nullable: true,
    description: "The organization's latest verification request (members and staff; null for others or when there is none).",
  })
  async verificationRequest(@Parent() org: Organization, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    const row = await this.service.latestRequestFor(rc, viewer, org.id);
    return row ? toRequestModel(row, this.service) : null;
  }

  @ResolveField(() => OrganizationSuspensionModel, {
    nullable: true,
    description: 'Why and since when the organization is suspended (members and staff; null otherwise).',
  })
  async suspension(@Parent() org: Organization, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    const row = await this.service.suspensionFor(rc, viewer, org.id);
    return row ? toSuspension(row) : null;
  }
}
