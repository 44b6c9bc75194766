import { PlatformRole } from '@aimatch/contracts';
import { availableBidActions, type BidContent, bidDecisionDeadline, EDITABLE_BID_STATUSES, leadSharePercent } from '@aimatch/marketplace';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../../common/auth/decorators';
import type { Connection } from '../../graphql/pagination';
import type { RequestContext } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ListingVersionArgs } from '../listings/dto/listing.inputs';
import { DemandListingModel } from '../listings/dto/listing.models';
import { toListingView } from '../listings/dto/listing-view';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingLoaders } from '../listings/listings.loaders';
import { explanationView } from '../matching/dto/explanation-view';
import { MatchExplanationModel } from '../matching/dto/matching.dto';
import { ConceptModel } from '../vocabulary/dto/concept.model';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import { BidAccessPolicy } from './bid-access.policy';
import { BidMatchLoader } from './bid-match.loader';
import { type BidPartnerRow, type BidRow, BidsRepository } from './bids.repository';
import { BidsService, requiredConceptIds } from './bids.service';
import {
  BidActionEnum,
  BidConnection,
  BidContentInput,
  BidCoverageModel,
  BidModel,
  BidPartnerModel,
  BidRevisionModel,
  BidsForDemandArgs,
  BidVersionArgs,
  CreateBidInput,
  BidInvitationResultModel,
  MyBidsArgs,
  PlatformSettingsModel,
} from './dto/bid.models';
import { PlatformSettingsService } from './platform-settings.service';

/** GraphQL input → bid content: absent lists are empty, texts trimmed. */
function content(i: BidContentInput): BidContent {
  return {
    amountKrw: i.amountKrw,
    durationWeeks: i.durationWeeks,
    approach: (i.approach ?? '').trim(),
    milestones: (i.milestones ?? []).map((m) => ({ title: (m.title ?? '').trim(), weeks: m.weeks, amountKrw: m.amountKrw })),
    coveredConceptIds: (i.coveredConceptIds ?? []).map((s) => s.trim()),
    partners: (i.partners ?? []).map((p) => ({
      organizationId: p.organizationId.trim(),
      role: p.role,
      sharePercent: p.sharePercent,
    })),
  };
}

@Resolver(() => BidModel)
export class BidsResolver {
  constructor(
    private readonly bids: BidsService,
    private readonly settings: PlatformSettingsService,
    private readonly repository: BidsRepository,
    private readonly listings: ListingLoaders,
  ) {}

  /** After a command, the request's loaders must not serve what it read before the change. */
  private fresh(rc: RequestContext, bid: BidRow): BidRow {
    rc.loaders.get(this.listings.byId).clear(bid.demandId);
    rc.loaders.get(this.repository.partnersLoader).clear(bid.id);
    rc.loaders.get(this.repository.revisionsLoader).clear(bid.id);
    rc.loaders.get(this.repository.countLoader).clear(bid.demandId);
    return bid;
  }

  @Query(() => BidModel, {
    description:
      'One bid with its revisions: the bidding organizations, the demand owner (once submitted) and staff; NOT_FOUND for anyone else.',
  })
  bid(@Args('id', { type: () => ID }) id: string, @Ctx() rc: RequestContext) {
    return this.bids.get(rc, id);
  }

  @Query(() => BidConnection, {
    description: "A demand's submitted bids side by side, first submitted first (the demand's organization and staff).",
  })
  bidsForDemand(@Args() a: BidsForDemandArgs, @Ctx() rc: RequestContext): Promise<Connection<BidRow>> {
    return this.bids.forDemand(rc, a.demandId, a.status, a.first, a.after);
  }

  @Query(() => BidConnection, { description: "Your organizations' bids, as lead or consortium partner, last changed first." })
  myBids(@Args() a: MyBidsArgs, @Ctx() rc: RequestContext): Promise<Connection<BidRow>> {
    return this.bids.mine(rc, a.status, a.first, a.after, { statuses: a.statuses, awaitingOurAnswer: a.awaitingOurAnswer });
  }

  @Query(() => PlatformSettingsModel, { description: 'Marketplace rules staff configure.' })
  platformSettings() {
    return this.settings.get();
  }

  @Mutation(() => BidModel, {
    description: 'A new DRAFT bid of an AI supplier or SI integrator you belong to on a published demand, before its bid deadline.',
  })
  async createBid(@Args('input') input: CreateBidInput, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.create(rc, input.demandId.trim(), input.organizationId.trim(), content(input)));
  }

  @Mutation(() => BidModel, {
    description: 'Lead: replaces the content of a DRAFT, or of a SUBMITTED bid as a new revision (until shortlisted).',
  })
  async updateBid(@Args() a: BidVersionArgs, @Args('input') input: BidContentInput, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.update(rc, a.id, a.version, content(input)));
  }

  @Mutation(() => BidInvitationResultModel, {
    description: "The demand's organization asks the supplier of a published supply listing to bid (its members are notified once).",
  })
  inviteToBid(
    @Args('demandId', { type: () => ID }) demandId: string,
    @Args('supplyListingId', { type: () => ID }) supplyListingId: string,
    @Ctx() rc: RequestContext,
  ) {
    return this.bids.inviteToBid(rc, demandId.trim(), supplyListingId.trim());
  }

  @Mutation(() => BidModel, { description: 'Lead: DRAFT → SUBMITTED (every consortium partner must have accepted).' })
  async submitBid(@Args() a: BidVersionArgs, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.submit(rc, a.id, a.version));
  }

  @Mutation(() => BidModel, { description: 'Lead: SUBMITTED or SHORTLISTED → WITHDRAWN.' })
  async withdrawBid(@Args() a: BidVersionArgs, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.withdraw(rc, a.id, a.version));
  }

  @Mutation(() => BidModel, { description: 'Owner of a partner organization: accept or decline the consortium invitation of a draft bid.' })
  async respondToConsortiumInvitation(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('accept') accept: boolean,
    @Ctx() rc: RequestContext,
  ) {
    return this.fresh(rc, await this.bids.respondToInvitation(rc, bidId, accept));
  }

  @Mutation(() => BidModel, { description: 'Demand owner: SUBMITTED → SHORTLISTED (no more revisions).' })
  async shortlistBid(@Args() a: BidVersionArgs, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.shortlist(rc, a.id, a.version));
  }

  @Mutation(() => BidModel, { description: 'Demand owner: SUBMITTED or SHORTLISTED → DECLINED, with a reason.' })
  async declineBid(@Args() a: BidVersionArgs, @Args('reason') reason: string, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.decline(rc, a.id, a.version, reason));
  }

  @Mutation(() => BidModel, {
    description:
      'Demand owner: accepts exactly one bid; the demand becomes AWARDED and every other open bid DECLINED. A concurrent second accept is a CONFLICT.',
  })
  async acceptBid(@Args() a: BidVersionArgs, @Ctx() rc: RequestContext) {
    return this.fresh(rc, await this.bids.accept(rc, a.id, a.version));
  }

  @Mutation(() => DemandListingModel, { description: 'Demand owner: AWARDED → CANCELLED, with a reason.' })
  async cancelDemand(@Args() a: ListingVersionArgs, @Args('reason') reason: string, @Ctx() rc: RequestContext) {
    const listing = await this.bids.cancelDemand(rc, a.id, a.version, reason);
    rc.loaders.get(this.listings.byId).clear(listing.id);
    return toListingView(listing);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => PlatformSettingsModel, { description: 'Staff: whether only VERIFIED organizations may bid (audited).' })
  setBidVerificationRequired(@Args('required') required: boolean, @Ctx() rc: RequestContext) {
    return this.settings.setBidsVerifiedOnly(rc, required);
  }
}

/** Fields of a bid that need other rows or depend on who is looking, batched per request. */
@Resolver(() => BidModel)
export class BidFieldsResolver {
  constructor(
    private readonly access: BidAccessPolicy,
    private readonly listingAccess: ListingAccessPolicy,
    private readonly listings: ListingLoaders,
    private readonly repository: BidsRepository,
    private readonly identity: IdentityLoaders,
    private readonly vocabulary: VocabularyLoaders,
    private readonly matches: BidMatchLoader,
  ) {}

  @ResolveField(() => DemandListingModel, { nullable: true })
  async demand(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    const demand = await rc.loaders.get(this.listings.byId).load(b.demandId);
    return demand && (await this.listingAccess.canSee(rc, demand)) ? toListingView(demand) : null;
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identity.organization).load(b.organizationId);
  }

  @ResolveField(() => [ConceptModel])
  async covered(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    const rows = await rc.loaders.get(this.vocabulary.concept).loadMany(b.coveredConceptIds);
    return rows.filter((c) => c && !(c instanceof Error));
  }

  @ResolveField(() => BidCoverageModel, { nullable: true })
  async coverage(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    const demand = await rc.loaders.get(this.listings.byId).load(b.demandId);
    if (!demand) return null;
    const required = requiredConceptIds(demand);
    const covered = required.filter((id) => b.coveredConceptIds.includes(id));
    const missingIds = required.filter((id) => !b.coveredConceptIds.includes(id));
    const missing = (await rc.loaders.get(this.vocabulary.concept).loadMany(missingIds)).filter((c) => c && !(c instanceof Error));
    return {
      covered: covered.length,
      required: required.length,
      ratio: required.length ? Math.round((covered.length / required.length) * 1000) / 1000 : 1,
      missing,
    };
  }

  @ResolveField(() => [BidPartnerModel])
  partners(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.partnersLoader).load(b.id);
  }

  @ResolveField(() => Int)
  async leadSharePercent(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    return leadSharePercent(await rc.loaders.get(this.repository.partnersLoader).load(b.id));
  }

  @ResolveField(() => [BidRevisionModel])
  revisions(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.revisionsLoader).load(b.id);
  }

  @ResolveField(() => MatchExplanationModel, { nullable: true })
  async match(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    if (!b.submittedAt) return null;
    const roles = await this.access.roles(rc, b);
    if (!roles.demandOwner && !roles.staff) return null;
    const found = (await rc.loaders.get(this.matches).load(b.demandId)).get(b.organizationId);
    if (!found) return null;
    return explanationView(found.explanation, rc);
  }

  @ResolveField(() => [BidActionEnum])
  async availableActions(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    const actor = await this.access.actor(rc, b);
    return actor ? availableBidActions(b.status, actor) : [];
  }

  @ResolveField(() => Boolean)
  async canEdit(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    return EDITABLE_BID_STATUSES.includes(b.status) && (await this.access.actor(rc, b)) === 'bidder';
  }

  @ResolveField(() => Date, { nullable: true })
  async decisionDeadline(@Parent() b: BidRow, @Ctx() rc: RequestContext) {
    const demand = await rc.loaders.get(this.listings.byId).load(b.demandId);
    return bidDecisionDeadline(demand?.bidDeadline ?? null);
  }
}

@Resolver(() => BidPartnerModel)
export class BidPartnerResolver {
  constructor(private readonly identity: IdentityLoaders) {}

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() p: BidPartnerRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identity.organization).load(p.organizationId);
  }
}

/** What everyone who may see a demand may know about its bids: how many there are. */
@Resolver(() => DemandListingModel)
export class DemandBidCountResolver {
  constructor(private readonly repository: BidsRepository) {}

  @ResolveField(() => Int, { description: 'Bids submitted on this demand (not withdrawn).' })
  bidCount(@Parent() l: { id: string }, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.repository.countLoader).load(l.id);
  }
}
