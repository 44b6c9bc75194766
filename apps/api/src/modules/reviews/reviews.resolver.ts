import { PlatformRole, type ReviewCriterion } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ListingsService } from '../listings/listings.service';
import type { Organization } from '../identity/dto/identity.records';
import {
  ModeratedReviewModel,
  ReputationModel,
  ReviewConnectionModel,
  ReviewModel,
  ReviewReportConnectionModel,
  ReviewReportModel,
  SubmitReviewInput,
} from './dto/review.dto';
import type { ReviewRow } from './reviews.repository';
import { ReviewsRepository } from './reviews.repository';
import { type ModeratedReview, type ReviewReportGroup, ReviewsService } from './reviews.service';

@Resolver(() => ReviewModel)
export class ReviewsResolver {
  constructor(private readonly service: ReviewsService) {}

  @Query(() => ReviewConnectionModel, {
    description: "An organization's reviews, newest first: public ones, your organizations' own, and (staff) hidden ones.",
  })
  async reviewsOf(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page = await this.service.reviewsOf(viewer, organizationId, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.toModel(e.node, viewer) })) };
  }

  @Mutation(() => ReviewModel, { description: 'Reviews the other side of a completed project, once per side.' })
  async submitReview(@CurrentViewer() viewer: Viewer, @Args('input') input: SubmitReviewInput) {
    return this.toModel(await this.service.submit(viewer, input), viewer);
  }

  @Mutation(() => Boolean, { description: 'Reports a review you can read to staff (once per user).' })
  reportReview(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return this.service.report(viewer, id, reason);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ModeratedReviewModel, {
    description:
      'Staff hide a review with a reason (audited); it no longer counts and its open reports are resolved. During the blind period the answer withholds the content.',
  })
  async hideReview(
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    return toModerated(await this.service.hide(rc, viewer, id, reason));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => ReviewReportConnectionModel, {
    description: 'Staff: reviews with open reports, the oldest open report first; a review’s text only once it is revealed.',
  })
  async reviewReports(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page = await this.service.reviewReports(viewer, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toReportModel(e.node) })) };
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => Boolean, {
    description: "Staff close a review's open reports without hiding it, with a reason (audited); CONFLICT when none is open.",
  })
  dismissReviewReports(
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('reason') reason: string,
  ) {
    return this.service.dismissReports(rc, viewer, reviewId, reason);
  }

  private toModel(row: ReviewRow, _viewer?: Viewer): ReviewModel {
    return {
      id: row.id,
      demandId: row.demandId,
      side: row.side,
      authorOrganizationId: row.authorOrganizationId,
      subjectOrganizationId: row.subjectOrganizationId,
      ratings: Object.entries(row.ratings).map(([criterion, score]) => ({
        criterion: criterion as ReviewCriterion,
        score: score,
      })),
      rating: row.rating,
      body: row.body,
      submittedAt: row.submittedAt,
      visible: row.visible,
      revealsAt: row.hiddenAt ? null : this.service.revealsAt(row),
      hidden: row.hiddenAt !== null,
      // Readers of a hidden review are its author's organization and staff (see ReviewsService).
      hiddenReason: row.hiddenAt ? row.hiddenReason : null,
    };
  }
}

const toModerated = (r: ModeratedReview): ModeratedReviewModel => ({
  id: r.id,
  demandId: r.demandId,
  side: r.side,
  authorOrganizationId: r.authorOrganizationId,
  subjectOrganizationId: r.subjectOrganizationId,
  submittedAt: r.submittedAt,
  withheld: r.withheld,
  blindUntil: r.blindUntil,
  body: r.body,
  ratings: r.ratings
    ? Object.entries(r.ratings).map(([criterion, score]) => ({ criterion: criterion as ReviewCriterion, score: score }))
    : null,
  rating: r.rating,
  visible: r.visible,
  hidden: r.hiddenAt !== null,
  hiddenReason: r.hiddenAt ? r.hiddenReason : null,
});

const toReportModel = (g: ReviewReportGroup): ReviewReportModel => ({
  reviewId: g.review.id,
  review: toModerated(g.review),
  reportCount: g.reportCount,
  reasons: g.reasons,
  firstReportedAt: g.firstReportedAt,
  lastReportedAt: g.lastReportedAt,
});

/** `Organization.reputation`, batched per request. */
@Resolver(() => OrganizationModel)
export class OrganizationReputationResolver {
  constructor(private readonly repository: ReviewsRepository) {}

  @ResolveField(() => ReputationModel, { description: 'Public reputation from public reviews: count, mean, recent trend.' })
  async reputation(@Parent() org: Organization, @Ctx() rc: RequestContext) {
    return ReviewsService.withTrend(await rc.loaders.get(this.repository.reputationLoader).load(org.id));
  }
}

/** What staff need to place a moderated review: the reviewed organization and the demand's title (batched per request). */
@Resolver(() => ModeratedReviewModel)
export class ModeratedReviewResolver {
  constructor(
    private readonly identity: IdentityLoaders,
    private readonly listings: ListingsService,
  ) {}

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The reviewed organization.' })
  subjectOrganization(@Parent() r: ModeratedReviewModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identity.organization).load(r.subjectOrganizationId);
  }

  @ResolveField(() => String, { nullable: true, description: "The title of the project's demand." })
  async demandTitle(@Parent() r: ModeratedReviewModel, @Ctx() rc: RequestContext) {
    return (await rc.loaders.get(this.listings.listingLoader).load(r.demandId))?.title ?? null;
  }
}
