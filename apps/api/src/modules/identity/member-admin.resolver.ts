import { MembershipRole } from '@aimatch/contracts';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Public } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { OrganizationInvitationsArgs } from './dto/identity.inputs';
import { InvitationConnection, InvitationModel, InvitationPreviewModel, MembershipModel } from './dto/identity.models';
import { InvitationService } from './invitation.service';
import { MemberAdminService } from './member-admin.service';

/** Member administration (owners), leaving (members) and pending invitations. */
@Resolver()
export class MemberAdminResolver {
  constructor(
    private readonly members: MemberAdminService,
    private readonly invitations: InvitationService,
  ) {}

  @Mutation(() => Boolean, { description: 'Owners remove a member; the last owner cannot be removed (CONFLICT last-owner).' })
  removeMember(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.members.removeMember(viewer, organizationId, userId, rc.requestId);
  }

  @Mutation(() => MembershipModel, { description: 'Owners change a role; the last owner cannot be made a member (CONFLICT last-owner).' })
  changeMemberRole(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => MembershipRole }) role: MembershipRole,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.members.changeMemberRole(viewer, organizationId, userId, role, rc.requestId);
  }

  @Mutation(() => MembershipModel, {
    description:
      "An owner makes a member the owner and becomes a member, unless `keepOwnership` is true. Returns the new owner's membership.",
  })
  transferOwnership(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('toUserId', { type: () => ID }) toUserId: string,
    @Args('keepOwnership', { type: () => Boolean, defaultValue: false }) keepOwnership: boolean,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.members.transferOwnership(viewer, organizationId, toUserId, keepOwnership, rc.requestId);
  }

  @Mutation(() => Boolean, { description: 'A member leaves the organization; the last owner cannot (CONFLICT last-owner).' })
  leaveOrganization(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.members.leave(viewer, organizationId, rc.requestId);
  }

  @Query(() => InvitationConnection, { description: 'Pending invitations of an organization, oldest first (owners only).' })
  organizationInvitations(@Args() args: OrganizationInvitationsArgs, @CurrentViewer() viewer: Viewer) {
    return this.invitations.pending(viewer, args.organizationId, args);
  }

  @Mutation(() => InvitationModel, { description: 'Owners revoke a pending invitation; its link stops working.' })
  revokeInvitation(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.invitations.revoke(viewer, id, rc.requestId);
  }

  @Mutation(() => InvitationModel, { description: 'Owners mail a pending invitation again (the same link; rate-limited).' })
  resendInvitation(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer) {
    return this.invitations.resend(viewer, id);
  }

  @Public()
  @Query(() => InvitationPreviewModel, { description: 'For the sign-up page: the organization and address an invitation token is for.' })
  invitationPreview(@Args('token') token: string) {
    return this.invitations.preview(token);
  }
}
