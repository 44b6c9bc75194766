import { PlatformRole } from '@aimatch/contracts';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { IdentityLoaders } from '../identity/identity.loaders';
import type { ListingStatusEnum } from '../listings/dto/listing.models';
import { ListingLoaders } from '../listings/listings.loaders';
import { CurationService } from './curation.service';
import {
  BulkApproveResultModel,
  ListingPrecheckReportModel,
  PrecheckFlagModel,
  type PrecheckKindEnum,
  PrecheckRelatedListingModel,
  type PrecheckSeverityEnum,
  ProhibitedKeywordModel,
} from './dto/curation.dto';

@Resolver(() => PrecheckFlagModel)
export class CurationResolver {
  constructor(
    private readonly service: CurationService,
    private readonly listingLoaders: ListingLoaders,
    private readonly identityLoaders: IdentityLoaders,
  ) {}

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => [ListingPrecheckReportModel], {
    description:
      'Staff: the automated pre-checks of up to 100 listings (completeness, near-duplicates, contacts, payment requests, personal data, prohibited keywords).',
  })
  async listingPrechecks(
    @Args('listingIds', { type: () => [ID] }) listingIds: string[],
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ): Promise<ListingPrecheckReportModel[]> {
    const reports = await this.service.reports(viewer, listingIds);
    return reports.map((r) => ({
      listingId: r.listingId,
      version: r.version,
      checkedAt: r.checkedAt,
      completeness: r.report.completeness,
      missing: r.report.missing,
      flags: r.report.flags.map((f) => ({
        kind: f.kind as PrecheckKindEnum,
        severity: f.severity as PrecheckSeverityEnum,
        path: f.path,
        message: rc.locale === 'en' ? f.message.en : f.message.ko,
        excerpt: f.excerpt,
        similarity: f.similarity,
        relatedListingId: f.relatedListingId,
      })),
    }));
  }

  @ResolveField(() => PrecheckRelatedListingModel, { nullable: true })
  async relatedListing(@Parent() flag: PrecheckFlagModel, @Ctx() rc: RequestContext): Promise<PrecheckRelatedListingModel | null> {
    if (!flag.relatedListingId) return null;
    const listing = await rc.loaders.get(this.listingLoaders.byId).load(flag.relatedListingId);
    if (!listing) return null;
    const organization = await rc.loaders.get(this.identityLoaders.organization).load(listing.organizationId);
    return {
      id: listing.id,
      title: listing.title,
      status: listing.status as ListingStatusEnum,
      organizationId: listing.organizationId,
      organizationName: organization?.nameKo ?? null,
    };
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => BulkApproveResultModel, {
    description:
      'Staff: approve up to 50 SUBMITTED listings at once; only those whose pre-check report has no flag, the rest are skipped with a reason.',
  })
  bulkApproveListings(@Args('ids', { type: () => [ID] }) ids: string[], @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.service.bulkApprove(rc, viewer, ids);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => [ProhibitedKeywordModel], { description: 'Staff: the prohibited keyword list the pre-checks use, oldest first.' })
  prohibitedKeywords(@CurrentViewer() viewer: Viewer) {
    return this.service.keywords(viewer);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ProhibitedKeywordModel, { description: 'Staff add a prohibited keyword (audited; at most 500).' })
  addProhibitedKeyword(
    @Args('term', { description: '1–50 characters; matched ignoring spacing, case and width, inside words too.' }) term: string,
    @Args('note', { type: () => String, nullable: true, description: 'Why it is listed (up to 500 characters).' }) note: string | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.service.addKeyword(rc, viewer, { term, note });
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => Boolean, { description: 'Staff remove a prohibited keyword (audited).' })
  removeProhibitedKeyword(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.service.removeKeyword(rc, viewer, id);
  }
}
