import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Public, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import {
  DemandListingInput,
  FieldCommentInput,
  ListingsArgs,
  ListingVersionArgs,
  MyListingsArgs,
  ReviewQueueArgs,
  SupplyListingInput,
} from './dto/listing.inputs';
import { DemandListingModel, ListingConnection, ListingModel, SupplyListingModel, TrustChecklistItemModel } from './dto/listing.models';
import type { ListingEntity } from './entities/listing.entity';
import { demandContent, supplyContent } from './listing-content';
import { type ListingView, toListingView } from './dto/listing-view';
import { ListingsService } from './listings.service';
import { AasImportPreviewModel, AasImportSourceInput } from './dto/aas-import.models';
import { localizeViolation } from '@aimatch/validation';
import { TRUST_CHECKLIST, type ListingIssue } from '@aimatch/capability-model';
import type { Connection } from '../../graphql/pagination';

const view = (l: ListingEntity): ListingView => toListingView(l);
const viewConnection = (c: Connection<ListingEntity>): Connection<ListingView> => ({
  ...c,
  edges: c.edges.map((e) => ({ cursor: e.cursor, node: view(e.node) })),
});

@Resolver(() => ListingModel)
export class ListingsResolver {
  constructor(private readonly listingService: ListingsService) {}

  @Public()
  @Query(() => ListingModel, { description: 'One listing, if the viewer may see it (NOT_FOUND otherwise).' })
  async listing(@Args('id', { type: () => ID }) id: string, @Ctx() rc: RequestContext) {
    return view(await this.listingService.get(rc, id));
  }

  @Public()
  @Query(() => ListingConnection, { description: 'Published listings of one kind, newest first.' })
  async listings(@Args() args: ListingsArgs, @Ctx() rc: RequestContext) {
    return viewConnection(await this.listingService.published(rc, args.kind, args.first, args.after));
  }

  @Query(() => ListingConnection, {
    description: "Your organizations' listings in every status but ARCHIVED (unless asked), last changed first.",
  })
  async myListings(@Args() args: MyListingsArgs, @Ctx() rc: RequestContext) {
    return viewConnection(await this.listingService.mine(rc, args));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => ListingConnection, { description: 'Submitted listings waiting for a decision, oldest first (staff).' })
  async listingsForReview(@Args() args: ReviewQueueArgs) {
    return viewConnection(await this.listingService.reviewQueue(args));
  }

  @Public()
  @Query(() => String, { description: 'The listing as an AAS v3 JSON environment (shell, submodels, concept descriptions).' })
  listingAas(@Args('id', { type: () => ID }) id: string, @Ctx() rc: RequestContext) {
    return this.listingService.aas(rc, id);
  }

  @Public()
  @Query(() => [TrustChecklistItemModel], { description: 'The AI-trustworthiness self-assessment questions.' })
  trustChecklist() {
    return TRUST_CHECKLIST.map((i) => ({ id: i.id, questionKo: i.question.ko, questionEn: i.question.en }));
  }

  @Mutation(() => DemandListingModel, { description: 'A new demand (DRAFT) of an SME or public agency you belong to.' })
  async createDemandListing(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('input') input: DemandListingInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return view(await this.listingService.create(viewer, organizationId, demandContent(input)));
  }

  @Mutation(() => SupplyListingModel, { description: 'A new supply listing (DRAFT) of an AI supplier or SI integrator you belong to.' })
  async createSupplyListing(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('input') input: SupplyListingInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return view(await this.listingService.create(viewer, organizationId, supplyContent(input)));
  }

  @Mutation(() => DemandListingModel, { description: 'Replaces the content; a material edit of a published demand goes back to review.' })
  async updateDemandListing(
    @Args() { id, version }: ListingVersionArgs,
    @Args('input') input: DemandListingInput,
    @Ctx() rc: RequestContext,
  ) {
    return view(await this.listingService.update(rc, id, version, demandContent(input)));
  }

  @Mutation(() => SupplyListingModel, { description: 'Replaces the content; a material edit of a published listing goes back to review.' })
  async updateSupplyListing(
    @Args() { id, version }: ListingVersionArgs,
    @Args('input') input: SupplyListingInput,
    @Ctx() rc: RequestContext,
  ) {
    return view(await this.listingService.update(rc, id, version, supplyContent(input)));
  }

  @Mutation(() => SupplyListingModel, { description: 'Creates a draft supply listing from an AAS v3 JSON environment.' })
  async importSupplyFromAas(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('json') json: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return view(await this.listingService.importSupplyFromAas(viewer, organizationId, json));
  }

  @Mutation(() => ListingModel, { description: 'Owner: DRAFT or CHANGES_REQUESTED → SUBMITTED (full validation).' })
  async submitListing(@Args() a: ListingVersionArgs, @Ctx() rc: RequestContext) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'submit'));
  }

  @Mutation(() => ListingModel, { description: 'Owner: PUBLISHED → PAUSED.' })
  async pauseListing(@Args() a: ListingVersionArgs, @Ctx() rc: RequestContext) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'pause'));
  }

  @Mutation(() => ListingModel, { description: 'Owner: PAUSED → PUBLISHED.' })
  async resumeListing(@Args() a: ListingVersionArgs, @Ctx() rc: RequestContext) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'resume'));
  }

  @Mutation(() => ListingModel, { description: 'Owner: any status → ARCHIVED.' })
  async archiveListing(@Args() a: ListingVersionArgs, @Ctx() rc: RequestContext) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'archive'));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ListingModel, { description: 'Staff: SUBMITTED → PUBLISHED.' })
  async approveListing(@Args() a: ListingVersionArgs, @Ctx() rc: RequestContext) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'approve'));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ListingModel, { description: 'Staff: SUBMITTED → REJECTED, with a reason.' })
  async rejectListing(@Args() a: ListingVersionArgs, @Args('reason') reason: string, @Ctx() rc: RequestContext) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'reject', { reason }));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ListingModel, { description: 'Staff: SUBMITTED → CHANGES_REQUESTED, with a reason and/or comments per element path.' })
  async requestListingChanges(
    @Args() a: ListingVersionArgs,
    @Args('reason', { nullable: true }) reason: string,
    @Args('comments', { type: () => [FieldCommentInput], nullable: true }) comments: FieldCommentInput[],
    @Ctx() rc: RequestContext,
  ) {
    return view(await this.listingService.transition(rc, a.id, a.version, 'requestChanges', { reason, comments }));
  }

  // --- AAS import with preview (#17, helper I) -----------------------------------------------

  @Mutation(() => AasImportPreviewModel, {
    description: 'Reads an AAS file (JSON or .aasx) without writing: the shells to choose from, the mapping report, warnings.',
  })
  async previewAasImport(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('source') source: AasImportSourceInput,
    @Args('shellId', { type: () => String, nullable: true }) shellId: string | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    const p = await this.listingService.previewAasImport(viewer, organizationId, source, shellId ?? null);
    const issue = (i: ListingIssue) => ({ path: i.path, rule: i.rule, message: localizeViolation(i, rc.locale), replacementId: null });
    return {
      format: p.format,
      shells: p.shells,
      needsChoice: p.needsChoice,
      selectedShellId: p.selectedShellId,
      title: p.draft ? p.draft.content.title || null : null,
      kind: p.draft?.content.kind ?? null,
      report: p.report.map((e) => ({ ...e, template: e.template ?? null })),
      warnings: p.warnings.map(issue),
      incomplete: p.incomplete.map(issue),
      supplementaryFiles: p.supplementaryFiles,
    };
  }

  @Mutation(() => ListingModel, { description: 'Creates a DRAFT listing from the chosen shell of an AAS file (one transaction).' })
  async importListingFromAas(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('source') source: AasImportSourceInput,
    @Args('shellId', { type: () => String, nullable: true }) shellId: string | null,
    @CurrentViewer() viewer: Viewer,
  ) {
    return view(await this.listingService.importListingFromAas(viewer, organizationId, source, shellId ?? null));
  }
}
