/**
 * Scores and explains how well a supplier listing fits a demand, and ranks candidates.
 * Deterministic: the same demand and candidates give the same scores, order and reasons.
 */
import type { Vocabulary } from '@aimatch/capability-model';
import type { AnalysedDemand, AnalysedSupply, Element, MatchedScheme } from './analysis';
import { conceptSimilarity, type Relation } from './hierarchy';
import { type Reason, reasonsFor } from './reasons';
import { type FitSummary, type FitTier, fitSummary, fitTier } from './tiers';
import { SupplyCorpus } from './corpus';
import { hasTerm, pairTextRelevance, prepareTextQuery, termId } from './text-relevance';
import { MATCHING_WEIGHTS, type FeatureName, FEATURE_NAMES, type MatchingWeights } from './weights';
import { zoneOf } from './zones';

export interface FeatureScore {
  feature: FeatureName;
  /** False when the demand says nothing this feature could compare (left out of the score). */
  applicable: boolean;
  /** 0..1 */
  value: number;
  /** The feature's share of the score after leaving out the inapplicable ones (0..1). */
  weight: number;
  /** Points (0..100) it adds to the score before caps. */
  points: number;
}

/** A required concept and what the supplier offers for it. */
export interface ConceptMatch {
  scheme: MatchedScheme;
  conceptId: string;
  /** Recognised in the demand's text rather than stated in a field. */
  inferred: boolean;
  evidence: string[];
  /** The supplier's concept that covers it best, null when nothing does. */
  offeredConceptId: string | null;
  /** True when that offered concept was recognised in the supplier's text. */
  offeredInferred: boolean;
  relation: Relation;
  similarity: number;
}

export type ConstraintCode = 'DEPLOYMENT' | 'ONSITE_ZONE' | 'BUDGET' | 'RATING';

export interface ConstraintCheck {
  code: ConstraintCode;
  satisfied: boolean;
  /** Concept ids / numbers the reasons quote. */
  params: Record<string, string | number>;
}

export type BudgetFit = 'FITS' | 'STRETCH' | 'FAR_OVER' | 'UNKNOWN';

export interface MatchExplanation {
  /** 0..100 */
  score: number;
  /** Unrounded, for ordering. */
  rawScore: number;
  /** A hard constraint is broken: the score is capped. */
  capped: boolean;
  features: FeatureScore[];
  matched: ConceptMatch[];
  missing: ConceptMatch[];
  constraints: ConstraintCheck[];
  budgetFit: BudgetFit | null;
  /** The demand stated nothing structured and no concept was recognised: ranked by text alone. */
  textOnly: boolean;
  reasons: Reason[];
  /** 적합 / 검토 / 낮음 by the cut-offs in `tiers.ts`. */
  tier: FitTier;
  /** One plain line in Korean and English ("산업·과업이 맞고 온프레미스 가능, 예산보다 20% 높음"). */
  summary: FitSummary;
  weightsVersion: string;
}

export interface RankedMatch {
  supplyId: string;
  explanation: MatchExplanation;
}

/** A relation this close counts as matched; anything weaker is missing. */
const MATCHED_AT = MATCHING_WEIGHTS.hierarchy.sibling;

export class Matcher {
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly weights: MatchingWeights = MATCHING_WEIGHTS,
  ) {}

  /**
   * Candidates ranked best first (ties by id), each explained. Scores are the pair's own (see
   * `scorer`): `corpus` is the population of supplier listings (default: these candidates).
   */
  rank(demand: AnalysedDemand, candidates: readonly AnalysedSupply[], corpus: SupplyCorpus = SupplyCorpus.of(candidates)): RankedMatch[] {
    const score = this.scorer(demand, corpus);
    return candidates
      .map((c) => ({ supplyId: c.profile.id, explanation: score(c) }))
      .sort((a, b) => b.explanation.rawScore - a.explanation.rawScore || (a.supplyId < b.supplyId ? -1 : a.supplyId > b.supplyId ? 1 : 0));
  }

  /**
   * One demand scored against any supplier listing: the score and explanation of a pair depend on
   * the pair and the corpus only, never on the other listings ranked beside it, so the SME's
   * ranking of suppliers, the supplier's ranking of demands and a bid's fit agree to the digit.
   */
  scorer(demand: AnalysedDemand, corpus: SupplyCorpus): (supply: AnalysedSupply) => MatchExplanation {
    const confirmed = this.confirmPartialNeeds(demand, corpus);
    const query = prepareTextQuery(demand.text, corpus);
    return (supply) => this.explain(confirmed, supply, pairTextRelevance(query, supply.text, corpus, this.weights.bm25));
  }

  /**
   * A need read from one word (`고장` → 고장 예측) is only as good as that word is specific. The
   * corpus's listings tell: among those whose text uses the word, the share that state the
   * concept (or a narrower one) scales the need's weight. 고장 in supplier texts mostly comes with
   * 예지 보전; 사람 comes with anything. Fewer than `minListings` such listings: left as it is.
   */
  private confirmPartialNeeds(demand: AnalysedDemand, corpus: SupplyCorpus): AnalysedDemand {
    const { minListings, minShare } = this.weights.partialConfirmation;
    let changed = false;
    const needs = { ...demand.needs };
    for (const scheme of Object.keys(needs) as MatchedScheme[]) {
      needs[scheme] = needs[scheme].flatMap((need) => {
        if (!need.partial || !need.evidence[0]) return [need];
        const word = termId(need.evidence[0]);
        if (word === undefined) return [need];
        let using = 0;
        let stating = 0;
        for (const c of corpus.supplies()) {
          if (!hasTerm(c.text.terms, word)) continue;
          using++;
          if (c.offers[scheme].some((o) => !o.inferred && this.vocabulary.isSameOrDescendantOf(o.id, need.id))) stating++;
        }
        if (using < minListings) return [need];
        changed = true;
        // Mostly used for other things: not a need at all (and not shown as one, e.g. as missing).
        const share = stating / using;
        return share < minShare ? [] : [{ ...need, weight: need.weight * share }];
      });
    }
    return changed ? { ...demand, needs } : demand;
  }

  /** One supplier against one demand; `textScore` is its text relevance (0..1, see `pairTextRelevance`). */
  explain(demand: AnalysedDemand, supply: AnalysedSupply, textScore: number): MatchExplanation {
    const w = this.weights;
    const matches = (scheme: MatchedScheme) =>
      this.conceptMatches(scheme, demand.needs[scheme], supply.offers[scheme].length ? supply : null);
    const task = matches('task');
    const industry = matches('industry');
    const modality = matches('modality');
    const integration = matches('integration');
    const deployment = matches('deployment');
    const certification = matches('certification');
    const p = demand.profile;
    const s = supply.profile;

    const values: Partial<Record<FeatureName, number>> = {};
    if (task.length) values.task = coverage(task, demand.needs.task) * this.focus(demand, supply);
    if (industry.length) values.industry = coverage(industry, demand.needs.industry);
    if (modality.length) values.modality = coverage(modality, demand.needs.modality);
    if (integration.length) values.integration = coverage(integration, demand.needs.integration);
    const deploymentRequired = p.deployments.length > 0;
    const deploymentOk = p.deployments.some((d) => s.deployments.includes(d));
    if (deploymentRequired) values.deployment = deploymentOk ? 1 : 0;
    else if (deployment.length) values.deployment = deployment.some((m) => m.relation === 'exact') ? 1 : 0.3;
    const demandZone = zoneOf(p.regionId);
    const supplierZone = zoneOf(s.regionId);
    const sameZone = !!demandZone && demandZone === supplierZone;
    if (p.onSiteRequired) values.region = sameZone ? 1 : 0;
    else if (demandZone) values.region = sameZone ? 1 : supplierZone ? 0.4 : 0.5;
    const budgetFit = p.budget ? this.budgetFit(p.budget, s.price) : null;
    if (budgetFit) values.budget = { FITS: 1, STRETCH: 0.4, FAR_OVER: 0, UNKNOWN: 0.7 }[budgetFit];
    values.text = textScore;
    values.trust = this.trust(supply, certification);

    // Fit features share (1 − trust weight); trust keeps its small, fixed share.
    // A concept feature resting only on weak inferred needs (one concept read from a single word)
    // counts in proportion to that evidence; stated needs count in full.
    const confidence: Partial<Record<FeatureName, number>> = {
      task: evidence(demand.needs.task),
      industry: evidence(demand.needs.industry),
      modality: evidence(demand.needs.modality),
      integration: evidence(demand.needs.integration),
    };
    const fitNames = FEATURE_NAMES.filter((f) => f !== 'trust' && values[f] !== undefined);
    const share = (f: FeatureName) => w.features[f] * (confidence[f] ?? 1);
    const fitTotal = fitNames.reduce((sum, f) => sum + share(f), 0);
    const features: FeatureScore[] = FEATURE_NAMES.map((feature) => {
      const value = values[feature];
      if (value === undefined) return { feature, applicable: false, value: 0, weight: 0, points: 0 };
      const weight = feature === 'trust' ? w.features.trust : ((1 - w.features.trust) * share(feature)) / fitTotal;
      return { feature, applicable: true, value: round(value), weight: round(weight), points: round(100 * weight * value) };
    });
    let raw = features.reduce((sum, f) => sum + f.weight * f.value, 0);

    const constraints: ConstraintCheck[] = [];
    if (deploymentRequired)
      constraints.push({ code: 'DEPLOYMENT', satisfied: deploymentOk, params: { required: p.deployments.join(',') } });
    if (p.onSiteRequired) {
      constraints.push({
        code: 'ONSITE_ZONE',
        satisfied: sameZone,
        params: { zone: demandZone?.id ?? '', supplierRegion: s.regionId ?? '' },
      });
    }
    if (budgetFit && budgetFit !== 'UNKNOWN') {
      constraints.push({
        code: 'BUDGET',
        satisfied: budgetFit !== 'FAR_OVER',
        params: { budgetMax: p.budget!.max ?? 0, priceMin: s.price.min ?? 0 },
      });
    }
    const rating = s.track.rating;
    if (rating !== null && s.track.ratingCount >= w.minRatings) {
      constraints.push({ code: 'RATING', satisfied: rating >= w.minRating, params: { rating, minRating: w.minRating } });
    }
    if (budgetFit === 'STRETCH') raw *= w.budgetStretchPenalty;
    // A broken constraint caps the score (keeping the order among capped suppliers).
    const capped = constraints.some((c) => !c.satisfied);
    if (capped) raw = Math.min(raw, w.constraintCap * (0.5 + raw / 2));

    const all = [...task, ...industry, ...modality, ...integration, ...(deploymentRequired ? [] : deployment), ...certification];
    const matched = all.filter((m) => m.similarity >= MATCHED_AT);
    const missing = all.filter((m) => m.similarity < MATCHED_AT);
    const textOnly = fitNames.every((f) => f === 'text');
    const facts: Omit<MatchExplanation, 'reasons' | 'summary'> = {
      score: Math.round(raw * 100),
      rawScore: raw,
      capped,
      features,
      matched,
      missing,
      constraints,
      budgetFit,
      textOnly,
      tier: fitTier({ score: Math.round(raw * 100), capped }),
      weightsVersion: w.version,
    };
    // Reasons are sentences: written when read (a page of matches), not for every candidate ranked.
    let reasons: Reason[] | null = null;
    let summary: FitSummary | null = null;
    const vocabulary = this.vocabulary;
    return Object.defineProperties(facts, {
      reasons: { enumerable: true, get: () => (reasons ??= reasonsFor(facts, vocabulary, { demandZone, supplierRegion: s.regionId })) },
      summary: { enumerable: true, get: () => (summary ??= fitSummary(facts, vocabulary)) },
    }) as MatchExplanation;
  }

  private conceptMatches(scheme: MatchedScheme, needs: Element[], supply: AnalysedSupply | null): ConceptMatch[] {
    const offers = supply?.offers[scheme] ?? [];
    return needs.map((need) => {
      let bestValue = 0;
      let relation: Relation = 'unrelated';
      let offered: Element | null = null;
      for (const offer of offers) {
        const m = conceptSimilarity(this.vocabulary, need.id, offer.id);
        const value = m.value * offer.weight;
        if (value > bestValue) {
          bestValue = value;
          relation = m.relation;
          offered = offer;
        }
      }
      const best = { value: bestValue, relation, offered };
      return {
        scheme,
        conceptId: need.id,
        inferred: need.inferred,
        evidence: need.evidence,
        offeredConceptId: best.offered?.id ?? null,
        offeredInferred: best.offered?.inferred ?? false,
        relation: best.relation,
        similarity: round(best.value),
      };
    });
  }

  /** 1 for a specialist; lower when most of the supplier's stated tasks lie outside the need. */
  private focus(demand: AnalysedDemand, supply: AnalysedSupply): number {
    const own = supply.offers.task.filter((t) => !t.inferred);
    if (own.length === 0 || demand.needs.task.length === 0) return 1;
    const related = own.filter((o) =>
      demand.needs.task.some((n) => conceptSimilarity(this.vocabulary, n.id, o.id).value >= MATCHED_AT),
    ).length;
    const share = this.weights.focusShare;
    return 1 - share + (share * related) / own.length;
  }

  private budgetFit(budget: { min: number | null; max: number | null }, price: { min: number | null; max: number | null }): BudgetFit {
    if (budget.max === null || price.min === null) return 'UNKNOWN';
    if (price.min <= budget.max) return 'FITS';
    if (price.min <= this.weights.budgetStretchFactor * budget.max) return 'STRETCH';
    return 'FAR_OVER';
  }

  private trust(supply: AnalysedSupply, certificationsAsked: ConceptMatch[]): number {
    const t = this.weights.trust;
    const track = supply.profile.track;
    const parts: Array<[number, number]> = [[t.verified, track.verified ? 1 : 0]];
    if (track.rating !== null && track.ratingCount > 0) parts.push([t.rating, clamp((track.rating - 3) / 2)]);
    if (track.completedProjects !== null)
      parts.push([t.completedProjects, clamp(Math.log1p(track.completedProjects) / Math.log1p(this.weights.projectsSaturation))]);
    if (certificationsAsked.length)
      parts.push([t.certifications, certificationsAsked.filter((c) => c.relation === 'exact').length / certificationsAsked.length]);
    const total = parts.reduce((sum, [weight]) => sum + weight, 0);
    return parts.reduce((sum, [weight, value]) => sum + weight * value, 0) / total;
  }
}

/** Weighted share of the needs covered, each by its best offered concept. */
function coverage(matches: ConceptMatch[], needs: Element[]): number {
  const total = needs.reduce((s, n) => s + n.weight, 0);
  return total ? matches.reduce((s, m, i) => s + m.similarity * needs[i].weight, 0) / total : 0;
}

/** How firmly the needs of one scheme are known: their weights summed, at most 1. */
const evidence = (needs: Element[]) =>
  Math.min(
    1,
    needs.reduce((s, n) => s + n.weight, 0),
  );
const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;
