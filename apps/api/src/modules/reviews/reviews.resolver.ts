import { PlatformRole, type ReviewCriterion } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import type { Organization } from '../identity/dto/identity.records';
import { ReputationModel, ReviewConnectionModel, ReviewModel, SubmitReviewInput } from './dto/review.dto';
import type { ReviewRow } from './reviews.repository';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

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
  @Mutation(() => ReviewModel, { description: 'Staff hide a review with a reason (audited); it no longer counts.' })
  async hideReview(
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    return this.toModel(await this.service.hide(rc, viewer, id, reason), viewer);
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

/** `Organization.reputation`, batched per request. */
@Resolver(() => OrganizationModel)
export class OrganizationReputationResolver {
  constructor(private readonly repository: ReviewsRepository) {}

  @ResolveField(() => ReputationModel, { description: 'Public reputation from public reviews: count, mean, recent trend.' })
  async reputation(@Parent() org: Organization, @Ctx() rc: RequestContext) {
    return ReviewsService.withTrend(await rc.loaders.get(this.repository.reputationLoader).load(org.id));
  }
}
