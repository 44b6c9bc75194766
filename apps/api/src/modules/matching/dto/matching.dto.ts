import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, PageInfo } from '../../../graphql/pagination';
import { ListingModel } from '../../listings/dto/listing.models';
import { SearchFiltersInput } from '../../search/dto/search.dto';
import { ConceptModel } from '../../vocabulary/dto/concept.model';

export enum MatchFeatureEnum {
  task = 'task',
  text = 'text',
  industry = 'industry',
  modality = 'modality',
  integration = 'integration',
  deployment = 'deployment',
  region = 'region',
  budget = 'budget',
  trust = 'trust',
}
export enum MatchConstraintEnum {
  DEPLOYMENT = 'DEPLOYMENT',
  ONSITE_ZONE = 'ONSITE_ZONE',
  BUDGET = 'BUDGET',
  RATING = 'RATING',
}
export enum BudgetFitEnum {
  FITS = 'FITS',
  STRETCH = 'STRETCH',
  FAR_OVER = 'FAR_OVER',
  UNKNOWN = 'UNKNOWN',
}
export enum ReasonToneEnum {
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
  INFO = 'INFO',
}
registerEnumType(MatchFeatureEnum, { name: 'MatchFeature' });
registerEnumType(MatchConstraintEnum, { name: 'MatchConstraintCode' });
registerEnumType(BudgetFitEnum, { name: 'BudgetFit' });
registerEnumType(ReasonToneEnum, { name: 'ReasonTone' });
export enum FitTierEnum {
  GOOD = 'GOOD',
  REVIEW = 'REVIEW',
  LOW = 'LOW',
}
registerEnumType(FitTierEnum, {
  name: 'FitTier',
  description: '적합 / 검토 / 낮음, by the cut-offs in libs/matching (FIT_TIERS); a capped match is never GOOD.',
});

@ArgsType()
export class MatchesForDemandArgs {
  @Field(() => ID) demandId: string;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ArgsType()
export class RecommendedDemandsArgs {
  @Field(() => ID) supplyListingId: string;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ArgsType()
export class RecommendedDemandsForOrganizationArgs {
  @Field(() => ID) organizationId: string;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

@ObjectType('MatchFeatureScore')
export class MatchFeatureScoreModel {
  @Field(() => MatchFeatureEnum) feature: MatchFeatureEnum;
  @Field({ description: 'False when the demand says nothing this feature could compare; it is then left out of the score.' })
  applicable: boolean;
  @Field(() => Float, { description: '0..1' }) value: number;
  @Field(() => Float, { description: "The feature's share of the score (0..1)." }) weight: number;
  @Field(() => Float, { description: 'Points (0..100) it adds before caps.' }) points: number;
}

@ObjectType('ConceptMatch', { description: 'A required concept and what the supplier offers for it.' })
export class ConceptMatchModel {
  @Field() scheme: string;
  @Field(() => ID) conceptId: string;
  @Field(() => ConceptModel, { nullable: true }) concept?: unknown;
  @Field({ description: "Recognised in the demand's text rather than stated in a field." }) inferred: boolean;
  @Field(() => [String], { description: 'For an inferred concept: the words that named it.' }) evidence: string[];
  @Field(() => ID, { nullable: true }) offeredConceptId: string | null;
  @Field(() => ConceptModel, { nullable: true }) offeredConcept?: unknown;
  @Field() offeredInferred: boolean;
  @Field({ description: 'exact, offeredNarrower, offeredBroader, twoLevels, sibling, sameRoot or unrelated.' }) relation: string;
  @Field(() => Float) similarity: number;
}

@ObjectType('MatchConstraint')
export class MatchConstraintModel {
  @Field(() => MatchConstraintEnum) code: MatchConstraintEnum;
  @Field() satisfied: boolean;
}

@ObjectType('MatchReason')
export class MatchReasonModel {
  @Field() code: string;
  @Field(() => ReasonToneEnum) tone: ReasonToneEnum;
  @Field(() => MatchFeatureEnum, { description: 'The criterion it speaks about (its weight is in `features`).' })
  feature: MatchFeatureEnum;
  @Field({ description: "In the viewer's language." }) text: string;
  @Field() ko: string;
  @Field() en: string;
}

@ObjectType('MatchExplanation')
export class MatchExplanationModel {
  @Field(() => Int, { description: '0..100' }) score: number;
  @Field({ description: 'A hard constraint is broken: the score is capped.' }) capped: boolean;
  @Field({ description: 'Nothing structured was stated or recognised: ranked by text alone.' }) textOnly: boolean;
  @Field(() => [MatchFeatureScoreModel]) features: MatchFeatureScoreModel[];
  @Field(() => [ConceptMatchModel]) matched: ConceptMatchModel[];
  @Field(() => [ConceptMatchModel]) missing: ConceptMatchModel[];
  @Field(() => [MatchConstraintModel]) constraints: MatchConstraintModel[];
  @Field(() => BudgetFitEnum, { nullable: true }) budgetFit: BudgetFitEnum | null;
  @Field(() => [MatchReasonModel]) reasons: MatchReasonModel[];
  @Field() weightsVersion: string;
  @Field(() => FitTierEnum) tier: FitTierEnum;
  @Field({ description: "One plain line in the viewer's language, e.g. 산업·과업이 맞고 구축형(온프레미스) 가능, 예산보다 20% 높음." })
  summary: string;
  @Field() summaryKo: string;
  @Field() summaryEn: string;
}

@ObjectType('SupplierFit', { description: "How well the viewer's organization fits a demand: its best published supply listing." })
export class SupplierFitModel {
  @Field(() => ID) supplyListingId: string;
  @Field(() => MatchExplanationModel) explanation: MatchExplanationModel;
}

@ObjectType('MatchEdge')
export class MatchEdgeModel {
  @Field() cursor: string;
  @Field(() => ListingModel, { description: 'The counterpart: a supply listing for a demand, a demand for a supply listing.' })
  node: unknown;
  @Field(() => MatchExplanationModel) explanation: MatchExplanationModel;
  @Field(() => ID, {
    nullable: true,
    description: "recommendedDemandsForOrganization: the organization's supply listing this demand fits best.",
  })
  supplyListingId?: string | null;
}

@ObjectType('MatchConnection')
export class MatchConnectionModel {
  @Field(() => [MatchEdgeModel]) edges: MatchEdgeModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
  @Field(() => Int, { description: 'Candidates retrieval handed to the matcher.' }) candidates: number;
  @Field() weightsVersion: string;
  @Field(() => Float) tookMs: number;
}

@ObjectType('SuggestionEvidence', { description: 'One span of the text that named a suggested concept, and why it counts.' })
export class SuggestionEvidenceModel {
  @Field({ description: 'The written words of the text that matched (normalised: lower case, spacing collapsed).' }) text: string;
  @Field({ description: 'The vocabulary label or synonym the words matched.' }) name: string;
  @Field({
    description:
      'How: name (the words are the name, maybe with a particle or ending), compound (the name is part of a known compound word, e.g. 제약회사), partial (only the distinctive first word of a longer name).',
  })
  kind: string;
}

@ObjectType('DemandFieldSuggestion', { description: 'A structured field value proposed from the text, with the words that triggered it.' })
export class DemandFieldSuggestionModel {
  @Field({ description: 'tasks, modalities, industries, integrations, deployments or certifications.' }) field: string;
  @Field(() => ID) conceptId: string;
  @Field(() => ConceptModel, { nullable: true }) concept?: unknown;
  @Field(() => [String]) evidence: string[];
  @Field({ description: 'Named only by the first word of a longer name: weaker evidence.' }) partial: boolean;
  @Field(() => [SuggestionEvidenceModel], { description: 'The spans that named it, each with the name it matched and how (at most 5).' })
  spans: SuggestionEvidenceModel[];
}

@InputType()
export class CreateMatchAlertInput {
  @Field(() => ID) organizationId: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true, description: 'Alert on newly published demands that match this listing…' }) supplyListingId?: string;
  @Field(() => Int, { nullable: true, description: '…with at least this score (0..100).' }) minScore?: number;
  @Field({ nullable: true, description: 'Saved search: words a demand must contain (same analysis as search).' }) q?: string;
  @Field(() => SearchFiltersInput, { nullable: true, description: 'Saved search: concept and budget filters.' })
  filters?: SearchFiltersInput;
}

@ObjectType('MatchAlert')
export class MatchAlertModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) supplyListingId: string | null;
  @Field(() => Int, { nullable: true }) minScore: number | null;
  @Field(() => String, { nullable: true, description: 'Saved search criteria as JSON ({q, filters}).' }) criteria: string | null;
  @Field() createdAt: Date;
}

export const MatchAlertConnection = ConnectionType(MatchAlertModel, 'MatchAlert');

// --- the demand owner's decisions on inferred concepts (#14 item 8) ---------------------------

export enum InferredConceptDecisionEnum {
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(InferredConceptDecisionEnum, {
  name: 'InferredConceptDecision',
  description: 'CONFIRMED: counts as stated in its field. DISMISSED: no longer counts in matching.',
});

@ObjectType('InferredConcept', { description: "A concept matching read from a demand's text, and what its owner decided about it." })
export class InferredConceptModel {
  @Field({ description: 'task, industry, modality, integration, deployment or certification.' }) scheme: string;
  @Field(() => ID) conceptId: string;
  @Field(() => ConceptModel, { nullable: true }) concept?: unknown;
  @Field(() => [String], { description: 'The words that named it.' }) evidence: string[];
  @Field(() => InferredConceptDecisionEnum, { nullable: true, description: 'Null while the owner has not decided.' })
  decision: InferredConceptDecisionEnum | null;
}

@ArgsType()
export class DecideInferredConceptArgs {
  @Field(() => ID) demandId: string;
  @Field(() => ID) conceptId: string;
  @Field({ description: 'The scheme of the concept (as in InferredConcept.scheme).' }) scheme: string;
  @Field(() => InferredConceptDecisionEnum, { nullable: true, description: 'Null undoes an earlier decision.' })
  decision?: InferredConceptDecisionEnum | null;
}
