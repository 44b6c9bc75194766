import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { toListingView } from '../listings/dto/listing-view';
import { ConceptModel } from '../vocabulary/dto/concept.model';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import {
  ConceptMatchModel,
  CreateMatchAlertInput,
  DemandFieldSuggestionModel,
  MatchAlertConnection,
  MatchAlertModel,
  MatchConnectionModel,
  MatchesForDemandArgs,
  RecommendedDemandsArgs,
  RecommendedDemandsForOrganizationArgs,
  DecideInferredConceptArgs,
  InferredConceptModel,
  SupplierFitModel,
} from './dto/matching.dto';
import { DemandListingModel } from '../listings/dto/listing.models';
import { MatchAlertsService } from './match-alerts.service';
import { explanationView } from './dto/explanation-view';
import { type MatchPage, MatchingService } from './matching.service';
import { MATCHING_WEIGHTS } from '@aimatch/matching';

function connection(page: MatchPage, rc: RequestContext) {
  return {
    edges: page.edges.map((e) => ({
      cursor: e.cursor,
      node: toListingView(e.listing),
      explanation: explanationView(e.ranked.explanation, rc),
      supplyListingId: e.supplyListingId ?? null,
    })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
    candidates: page.candidates,
    weightsVersion: MATCHING_WEIGHTS.version,
    tookMs: page.tookMs,
  };
}

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly matching: MatchingService,
    private readonly alerts: MatchAlertsService,
  ) {}

  @Query(() => MatchConnectionModel, {
    description: "Supplier listings ranked for a published demand, each explained (the demand's organization and staff).",
  })
  async matchesForDemand(@Args() args: MatchesForDemandArgs, @Ctx() rc: RequestContext) {
    return connection(await this.matching.matchesForDemand(rc, args.demandId, args.first, args.after), rc);
  }

  @Query(() => MatchConnectionModel, {
    description: "Published demands ranked for a supply listing, each explained (the listing's organization and staff).",
  })
  async recommendedDemands(@Args() args: RecommendedDemandsArgs, @Ctx() rc: RequestContext) {
    return connection(await this.matching.recommendedDemands(rc, args.supplyListingId, args.first, args.after), rc);
  }

  @Query(() => MatchConnectionModel, {
    description:
      "A supplier's home: demands recommended across all of the organization's published supply listings, each once with the listing it fits best, best first (its members and staff).",
  })
  async recommendedDemandsForOrganization(@Args() args: RecommendedDemandsForOrganizationArgs, @Ctx() rc: RequestContext) {
    return connection(await this.matching.recommendedDemandsForOrganization(rc, args.organizationId, args.first, args.after), rc);
  }

  @Query(() => [DemandFieldSuggestionModel], {
    description: 'Drafting help: structured demand fields proposed from a few sentences, each with its trigger words.',
  })
  suggestDemandFields(@Args('text') text: string) {
    return this.matching.suggestDemandFields(text);
  }

  @Query(() => MatchAlertConnection, { description: "Your organizations' match alerts, newest first." })
  matchAlerts(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.alerts.list(viewer, first, after);
  }

  @Mutation(() => MatchAlertModel, {
    description: 'Supplier: be notified of new demands matching a listing above a score, or saved search criteria.',
  })
  createMatchAlert(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateMatchAlertInput) {
    return this.alerts.create(viewer, input);
  }

  @Mutation(() => [InferredConceptModel], {
    description:
      "The demand's organization confirms (counts as stated), removes (stops counting in matching) or, with a null decision, undoes a concept inferred from the demand's text; answers the demand's inferred concepts.",
  })
  decideInferredConcept(@Args() a: DecideInferredConceptArgs, @Ctx() rc: RequestContext) {
    return this.matching.decideInferredConcept(rc, a.demandId, { conceptId: a.conceptId, scheme: a.scheme, decision: a.decision ?? null });
  }

  @Mutation(() => Boolean)
  deleteMatchAlert(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.alerts.delete(viewer, id);
  }
}

/** Concept labels for matched/missing elements and suggestions, batched per request. */
@Resolver(() => ConceptMatchModel)
export class ConceptMatchResolver {
  constructor(private readonly vocabulary: VocabularyLoaders) {}

  @ResolveField(() => ConceptModel, { nullable: true })
  concept(@Parent() m: { conceptId: string }, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.vocabulary.concept).load(m.conceptId);
  }

  @ResolveField(() => ConceptModel, { nullable: true })
  offeredConcept(@Parent() m: { offeredConceptId: string | null }, @Ctx() rc: RequestContext) {
    return m.offeredConceptId ? rc.loaders.get(this.vocabulary.concept).load(m.offeredConceptId) : null;
  }
}

@Resolver(() => DemandFieldSuggestionModel)
export class DemandFieldSuggestionResolver {
  constructor(private readonly vocabulary: VocabularyLoaders) {}

  @ResolveField(() => ConceptModel, { nullable: true })
  concept(@Parent() s: { conceptId: string }, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.vocabulary.concept).load(s.conceptId);
  }
}

/** A supplier reading a demand sees how well it fits, before deciding to bid (#14). */
@Resolver(() => DemandListingModel)
export class DemandFitResolver {
  constructor(private readonly matching: MatchingService) {}

  @ResolveField(() => SupplierFitModel, {
    nullable: true,
    description:
      "The viewer's organization's fit for this published demand (its best supply listing, explained); null for the demand's own organization, staff, other kinds and suppliers without a published listing. Ask for it on one demand, not in lists.",
  })
  async myFit(@Parent() demand: { id: string }, @Ctx() rc: RequestContext) {
    const fit = await this.matching.fitForViewer(rc, demand.id);
    return fit && { supplyListingId: fit.supplyListingId, explanation: explanationView(fit.explanation, rc) };
  }
  @ResolveField(() => [InferredConceptModel], {
    description:
      "Concepts matching read from the demand's text, with the owner's decision on each (its organization and staff; empty for others). Ask for it on one demand, not in lists.",
  })
  inferredConcepts(@Parent() demand: { id: string }, @Ctx() rc: RequestContext) {
    return this.matching.inferredConcepts(rc, demand.id);
  }
}

/** Concept labels of inferred concepts, batched per request. */
@Resolver(() => InferredConceptModel)
export class InferredConceptResolver {
  constructor(private readonly vocabulary: VocabularyLoaders) {}

  @ResolveField(() => ConceptModel, { nullable: true })
  concept(@Parent() c: { conceptId: string }, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.vocabulary.concept).load(c.conceptId);
  }
}
