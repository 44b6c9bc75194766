import { PlatformRole } from '@aimatch/contracts';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import {
  BidStatsModel,
  ChatStatsModel,
  CsvExportModel,
  MarketStatsTable,
  MarketStatsModel,
  ProgramEligibilityCountModel,
  StatsBucketModel,
  StatsCountModel,
  StatsGroupBy,
  StatsSeriesPointModel,
  VerificationStatsModel,
} from './dto/market-stats.models';
import { StatsService, type StatsWindow } from './stats.service';

/** Each group is its own field: a dashboard table asks only for what it shows. */
@Resolver(() => MarketStatsModel)
export class StatsResolver {
  constructor(private readonly stats: StatsService) {}

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => MarketStatsModel, {
    description: 'Staff: the market in numbers between two Korean calendar days (inclusive; at most 5 years), series by groupBy.',
  })
  marketStats(
    @Ctx() rc: RequestContext,
    @Args('from', { type: () => String, description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { type: () => String, description: 'YYYY-MM-DD, not before from, at most 5 years after it' }) to: string,
    @Args('groupBy', { type: () => StatsGroupBy, nullable: true, defaultValue: StatsGroupBy.MONTH }) groupBy: StatsGroupBy,
  ): StatsWindow {
    return this.stats.window(rc.viewer, from, to, groupBy);
  }

  @ResolveField(() => [StatsCountModel])
  listingsByStatus(@Parent() w: StatsWindow, @Ctx() rc: RequestContext) {
    return this.stats.listingBreakdown(w, 'status', rc.locale);
  }

  @ResolveField(() => [StatsCountModel])
  listingsByIndustry(@Parent() w: StatsWindow, @Ctx() rc: RequestContext) {
    return this.stats.listingBreakdown(w, 'industry', rc.locale);
  }

  @ResolveField(() => [StatsCountModel])
  listingsByRegion(@Parent() w: StatsWindow, @Ctx() rc: RequestContext) {
    return this.stats.listingBreakdown(w, 'region', rc.locale);
  }

  @ResolveField(() => [StatsCountModel])
  listingsByTask(@Parent() w: StatsWindow, @Ctx() rc: RequestContext) {
    return this.stats.listingBreakdown(w, 'task', rc.locale);
  }

  @ResolveField(() => [StatsSeriesPointModel])
  newListings(@Parent() w: StatsWindow) {
    return this.stats.newListings(w);
  }

  @ResolveField(() => [StatsSeriesPointModel])
  newOrganizations(@Parent() w: StatsWindow) {
    return this.stats.newOrganizations(w);
  }

  @ResolveField(() => VerificationStatsModel)
  verification(@Parent() w: StatsWindow) {
    return this.stats.verificationStats(w);
  }

  @ResolveField(() => BidStatsModel)
  bids(@Parent() w: StatsWindow) {
    return this.stats.bidStats(w);
  }

  @ResolveField(() => ChatStatsModel)
  chat(@Parent() w: StatsWindow) {
    return this.stats.chatStats(w);
  }

  @ResolveField(() => [StatsBucketModel])
  awardedMatchScores(@Parent() w: StatsWindow) {
    return this.stats.awardedMatchScores(w);
  }

  @ResolveField(() => [ProgramEligibilityCountModel])
  programEligibility(@Ctx() rc: RequestContext) {
    return this.stats.programEligibility(rc.locale);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => CsvExportModel, {
    description: 'Staff: one dashboard table as CSV (UTF-8 with BOM, headers in the viewer’s language); audited as market-stats.export.',
  })
  exportMarketStats(
    @Ctx() rc: RequestContext,
    @Args('from', { type: () => String }) from: string,
    @Args('to', { type: () => String }) to: string,
    @Args('groupBy', { type: () => StatsGroupBy, nullable: true, defaultValue: StatsGroupBy.MONTH }) groupBy: StatsGroupBy,
    @Args('table', { type: () => MarketStatsTable }) table: MarketStatsTable,
  ) {
    return this.stats.exportCsv(rc, this.stats.window(rc.viewer, from, to, groupBy), table);
  }
}
