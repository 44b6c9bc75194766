import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { ConceptModel } from '../vocabulary/dto/concept.model';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import { InviteMemberInput, OrganizationsArgs, PageArgs, UpdateOrganizationInput } from './dto/identity.inputs';
import { InvitationModel, MembershipConnection, MembershipModel, OrganizationConnection, OrganizationModel } from './dto/identity.models';
import type { OrganizationEntity } from './entities/organization.entity';
import { IdentityRepository } from './identity.repository';
import { InvitationService } from './invitation.service';
import { OrganizationService } from './organization.service';
import type { MemberView } from './membership.resolver';

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly invitations: InvitationService,
    private readonly repository: IdentityRepository,
    private readonly vocabulary: VocabularyLoaders,
  ) {}

  @Query(() => OrganizationModel, { description: 'An organization profile (any signed-in user).' })
  async organization(@Args('id', { type: () => ID }) id: string, @Ctx() rc: RequestContext) {
    const org = /^[0-9a-f-]{36}$/i.test(id) ? await rc.loaders.get(this.repository.organizationLoader).load(id) : null;
    if (!org) throw AppError.notFound();
    return org;
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => OrganizationConnection, { description: 'All organizations, newest first (staff only).' })
  organizations(@Args() args: OrganizationsArgs) {
    return this.organizationService.list(args);
  }

  @Mutation(() => OrganizationModel, { description: 'Owners edit their organization profile.' })
  updateMyOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentViewer() viewer: Viewer) {
    return this.organizationService.update(viewer, input);
  }

  @Mutation(() => InvitationModel, { description: 'Owners invite a person by e-mail; share the returned token.' })
  inviteMember(@Args('input') input: InviteMemberInput, @CurrentViewer() viewer: Viewer) {
    return this.invitations.invite(viewer, input);
  }

  @Mutation(() => MembershipModel, { description: 'Joins the inviting organization (the invitation must be for your e-mail).' })
  async acceptInvitation(@Args('token') token: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    const user = await rc.loaders.get(this.repository.userLoader).load(viewer.userId);
    if (!user) throw AppError.unauthenticated();
    return this.invitations.accept(viewer, token, user.email);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: '사업자등록번호, 10 digits. Null for anonymous viewers, except on their own memberships (the sign-in answer).',
  })
  businessRegistrationNumber(@Parent() org: OrganizationEntity & Partial<MemberView>, @Ctx() rc: RequestContext): string | null {
    return rc.viewer || org.seenThroughMembership ? org.businessRegistrationNumber : null;
  }

  @ResolveField(() => ConceptModel, { nullable: true })
  region(@Parent() org: OrganizationEntity, @Ctx() rc: RequestContext) {
    return org.regionId ? rc.loaders.get(this.vocabulary.concept).load(org.regionId) : null;
  }

  @ResolveField(() => ConceptModel, { nullable: true })
  industry(@Parent() org: OrganizationEntity, @Ctx() rc: RequestContext) {
    return org.industryId ? rc.loaders.get(this.vocabulary.concept).load(org.industryId) : null;
  }

  @ResolveField(() => MembershipConnection, { description: "Visible to the organization's members and staff only." })
  members(@Parent() org: OrganizationEntity, @Args() args: PageArgs, @CurrentViewer() viewer: Viewer) {
    return this.organizationService.members(viewer, org.id, args);
  }
}
