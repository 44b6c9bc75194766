import { availableCompletionActions, availableMilestoneActions, type ProjectAction, projectProgress } from '@aimatch/marketplace';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { Connection } from '../../graphql/pagination';
import type { RequestContext } from '../../graphql/request-context';
import { StoredFileModel } from '../files/dto/stored-file.model';
import { FilesLoaders } from '../files/files.loaders';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ListingLoaders } from '../listings/listings.loaders';
import {
  CompletionProposalModel,
  MilestoneStatusEnum,
  ProjectActionEnum,
  ProjectEventConnection,
  ProjectEventModel,
  ProjectHistoryArgs,
  ProjectMilestoneModel,
  ProjectModel,
  ProjectProgressModel,
  ProjectSideEnum,
} from './dto/project.models';
import { type MilestoneRow, type ProjectEventRow, type ProjectRow, ProjectsRepository } from './projects.repository';
import { MILESTONE_DELIVERY_OWNER_TYPE, ProjectsService } from './projects.service';

/** A milestone as its resolver sees it: the row and what the viewer may do on it now. */
type MilestoneView = MilestoneRow & { availableActions: ProjectAction[] };

@Resolver(() => ProjectModel)
export class ProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly repository: ProjectsRepository,
    private readonly listings: ListingLoaders,
    private readonly identity: IdentityLoaders,
  ) {}

  /** After a command, this request's loaders must not serve what it read before. */
  private fresh(rc: RequestContext, project: ProjectRow): ProjectRow {
    rc.loaders.get(this.listings.byId).clear(project.demandId);
    rc.loaders.get(this.repository.milestonesLoader).clear(project.demandId);
    return project;
  }

  @Query(() => ProjectModel, {
    nullable: true,
    description:
      'The project of an awarded demand (null before the award): the two parties (the demand’s and the accepted lead organization’s members) and staff; FORBIDDEN for anyone else.',
  })
  project(@Args('demandId', { type: () => ID }) demandId: string, @Ctx() rc: RequestContext) {
    return this.projects.forDemand(rc, demandId.trim());
  }

  @Mutation(() => ProjectModel, {
    description: 'Supplier: PLANNED or REWORK_REQUESTED → DELIVERED, with a note (≤ 2,000 characters) and staged files (≤ 10).',
  })
  async deliverMilestone(
    @Args('milestoneId', { type: () => ID }) milestoneId: string,
    @Args('note') note: string,
    @Args('fileIds', { type: () => [ID], nullable: true }) fileIds: string[] | null,
    @Ctx() rc: RequestContext,
  ) {
    return this.fresh(rc, await this.projects.deliverMilestone(rc, milestoneId.trim(), note, fileIds ?? []));
  }

  @Mutation(() => ProjectModel, { description: 'Demand’s organization: DELIVERED → ACCEPTED; the last one completes the project.' })
  async acceptMilestone(@Args('milestoneId', { type: () => ID }) milestoneId: string, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.projects.acceptMilestone(rc, milestoneId.trim()));
  }

  @Mutation(() => ProjectModel, { description: 'Demand’s organization: DELIVERED → REWORK_REQUESTED, with a reason (≤ 2,000 characters).' })
  async requestMilestoneRework(
    @Args('milestoneId', { type: () => ID }) milestoneId: string,
    @Args('reason') reason: string,
    @Ctx() rc: RequestContext,
  ) {
    return this.fresh(rc, await this.projects.requestMilestoneRework(rc, milestoneId.trim(), reason));
  }

  @Mutation(() => ProjectModel, {
    description: 'Either party proposes to complete the project as it stands, with a note; the other confirms.',
  })
  async proposeCompletion(@Args('demandId', { type: () => ID }) demandId: string, @Args('note') note: string, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.projects.proposeCompletion(rc, demandId.trim(), note));
  }

  @Mutation(() => ProjectModel, {
    description: 'The other party confirms the completion proposal: the demand is COMPLETED and reviews open.',
  })
  async confirmCompletion(@Args('demandId', { type: () => ID }) demandId: string, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.projects.confirmCompletion(rc, demandId.trim()));
  }

  @Mutation(() => ProjectModel, { description: 'The proposer withdraws its completion proposal before it is confirmed.' })
  async withdrawCompletionProposal(@Args('demandId', { type: () => ID }) demandId: string, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.projects.withdrawCompletionProposal(rc, demandId.trim()));
  }

  // --- fields -----------------------------------------------------------------------------

  @ResolveField(() => ProjectSideEnum, { nullable: true, description: 'The side the viewer acts for (null for staff).' })
  async viewerSide(@Parent() p: ProjectRow, @Ctx() rc: RequestContext) {
    return (await this.projects.roles(rc, p)).side;
  }

  @ResolveField(() => Boolean, {
    description:
      'The viewer belongs to a consortium partner of the accepted bid: reads the project, acts on nothing (the lead supplier delivers).',
  })
  async viewerPartner(@Parent() p: ProjectRow, @Ctx() rc: RequestContext) {
    return (await this.projects.roles(rc, p)).partner;
  }

  @ResolveField(() => [ProjectMilestoneModel], { description: 'The plan, in order.' })
  async milestones(@Parent() p: ProjectRow, @Ctx() rc: RequestContext): Promise<MilestoneView[]> {
    const { side } = await this.projects.roles(rc, p);
    const rows = await rc.loaders.get(this.repository.milestonesLoader).load(p.demandId);
    return rows.map((m) => ({ ...m, availableActions: availableMilestoneActions(m.status, side, !!p.completedAt) }));
  }

  @ResolveField(() => [ProjectActionEnum], { description: 'Completion by agreement: what the viewer may do now.' })
  async availableActions(@Parent() p: ProjectRow, @Ctx() rc: RequestContext) {
    const { side } = await this.projects.roles(rc, p);
    const proposal = p.completionProposedBy ? { by: p.completionProposedBy } : null;
    const demand = await rc.loaders.get(this.listings.byId).load(p.demandId);
    return availableCompletionActions(proposal, side, !!p.completedAt || demand?.status !== 'AWARDED');
  }

  @ResolveField(() => CompletionProposalModel, { nullable: true })
  completionProposal(@Parent() p: ProjectRow): CompletionProposalModel | null {
    if (!p.completionProposedBy || !p.completionProposedAt) return null;
    return { by: p.completionProposedBy as ProjectSideEnum, note: p.completionNote ?? '', proposedAt: p.completionProposedAt };
  }

  @ResolveField(() => ProjectProgressModel)
  async progress(@Parent() p: ProjectRow, @Ctx() rc: RequestContext) {
    return projectProgress(await rc.loaders.get(this.repository.milestonesLoader).load(p.demandId));
  }

  @ResolveField(() => ProjectEventConnection, { description: 'Every step, oldest first.' })
  history(@Parent() p: ProjectRow, @Args() a: ProjectHistoryArgs): Promise<Connection<ProjectEventRow>> {
    return this.projects.history(p, null, a.first, a.after);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The demand’s organization.' })
  clientOrganization(@Parent() p: ProjectRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identity.organization).load(p.clientOrganizationId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The accepted bid’s lead organization.' })
  supplierOrganization(@Parent() p: ProjectRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identity.organization).load(p.supplierOrganizationId);
  }
}

@Resolver(() => ProjectMilestoneModel)
export class ProjectMilestoneResolver {
  constructor(private readonly repository: ProjectsRepository) {}

  @ResolveField(() => [ProjectActionEnum], { description: 'What the viewer may do on this milestone now.' })
  availableActions(@Parent() m: MilestoneView) {
    return m.availableActions;
  }

  @ResolveField(() => ProjectEventModel, { nullable: true, description: 'The latest delivery (its note and files).' })
  lastDelivery(@Parent() m: MilestoneView, @Ctx() rc: RequestContext) {
    return m.status === MilestoneStatusEnum.PLANNED ? null : rc.loaders.get(this.repository.lastDeliveryLoader).load(m.id);
  }
}

@Resolver(() => ProjectEventModel)
export class ProjectEventResolver {
  constructor(private readonly filesLoaders: FilesLoaders) {}

  @ResolveField(() => [StoredFileModel], { description: 'The files of a delivery (the two parties and staff may download them).' })
  files(@Parent() e: ProjectEventRow, @Ctx() rc: RequestContext) {
    if (e.action !== 'deliver') return [];
    return rc.loaders.get(this.filesLoaders.byOwner).load(FilesLoaders.key({ ownerType: MILESTONE_DELIVERY_OWNER_TYPE, ownerId: e.id }));
  }
}
