/**
 * Every number the matcher uses, in one place. Change `version` with any change here: it is
 * printed by `npm run eval:matching` and shown in each explanation, so that a ranking can be
 * traced to the weights that produced it.
 *
 * The order follows the association's matchmaking rubric (../shared/benchmarks/matching/README.md):
 * task fit on the real need first, then industry experience, then data and integration fit;
 * hard constraints cap a match; trust signals only separate otherwise similar suppliers.
 */
export const MATCHING_WEIGHTS = {
  version: '1.3.0',

  /** Feature weights; a feature the demand says nothing about is left out and the rest rescaled. */
  features: {
    task: 0.36,
    text: 0.22,
    industry: 0.12,
    modality: 0.06,
    integration: 0.08,
    deployment: 0.05,
    region: 0.02,
    budget: 0.05,
    /** Bounded: at most this share of the score, so trust never outranks fit. */
    trust: 0.04,
  },

  /** Similarity of a required and an offered concept over the vocabulary hierarchy. */
  hierarchy: {
    exact: 1,
    /** The supplier offers a narrower concept than asked (a specialist within the need). */
    offeredNarrower: 0.8,
    /** The supplier offers the broader concept (a generalist). */
    offeredBroader: 0.6,
    /** Two levels apart (grandparent/grandchild). */
    twoLevels: 0.45,
    sibling: 0.35,
    /** Same root, further apart. */
    sameRoot: 0.15,
  },

  /** Task fit = coverage × (1 − focusShare + focusShare × focus): a supplier whose tasks mostly lie elsewhere is a generalist. */
  focusShare: 0.25,

  /**
   * A concept recognised in the text counts this much next to a stated one; `partial` multiplies
   * it when only the distinctive first word of a name was found, `broad` when the concept has
   * narrower ones (a generic word such as 예측 or 추천 says little about the real need).
   */
  inferred: { inTitle: 1, inBody: 0.7, offeredFromText: 0.8, partial: 0.6, broad: 0.5 },

  /**
   * A need inferred from one word is weighted by the share of listings using the word that state the
   * concept, and dropped below `minShare` (see Matcher).
   */
  partialConfirmation: { minListings: 3, minShare: 0.5 },

  /** Score cap for a broken hard constraint (0..1): a suitable supplier that breaks one is a backup at best. */
  constraintCap: 0.35,
  /** Multiplier when the price starts above the budget but within `budgetStretchFactor` × budget. */
  budgetStretchPenalty: 0.82,
  budgetStretchFactor: 2,
  /** Suppliers rated below this (with at least `minRatings` ratings) are capped like a broken constraint. */
  minRating: 3.5,
  minRatings: 1,

  /** Trust signal composition (sums to 1). */
  trust: { verified: 0.25, rating: 0.35, completedProjects: 0.25, certifications: 0.15 },
  /** Completed projects at which the track-record signal saturates. */
  projectsSaturation: 30,

  /**
   * BM25 parameters for text relevance between a demand and a supplier listing (document
   * frequencies from every published supplier listing); relevance is 1 − e^(−r / saturation) for
   * a pair scoring r × the demand's ideal score (every term present).
   */
  bm25: { k1: 1.2, b: 0.75, saturation: 0.25 },
} as const;

export type MatchingWeights = typeof MATCHING_WEIGHTS;
export type FeatureName = keyof MatchingWeights['features'];
export const FEATURE_NAMES = Object.keys(MATCHING_WEIGHTS.features) as FeatureName[];
