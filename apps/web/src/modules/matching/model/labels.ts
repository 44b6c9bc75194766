import type { BudgetFit, FitTier, MatchConstraintCode, MatchFeature, ReasonTone } from '@/generated/graphql';
import type { SimpleMessageKey, UiLocale } from '@/i18n';

export const featureKey = (feature: MatchFeature): SimpleMessageKey => `matching.feature.${feature}`;
export const constraintKey = (code: MatchConstraintCode): SimpleMessageKey => `matching.constraint.${code}`;
export const toneKey = (tone: ReasonTone): SimpleMessageKey => `matching.tone.${tone}`;
export const budgetKey = (fit: BudgetFit): SimpleMessageKey => `matching.budget.${fit}`;

const SCHEMES = ['task', 'modality', 'industry', 'deployment', 'integration', 'certification', 'region'] as const;
type Scheme = (typeof SCHEMES)[number];

/** The label of a vocabulary scheme, or null for one the client does not know. */
export function schemeKey(scheme: string): SimpleMessageKey | null {
  return (SCHEMES as readonly string[]).includes(scheme) ? (`matching.scheme.${scheme as Scheme}` as const) : null;
}

/** A reason in the UI language: both are delivered, so a language switch needs no refetch. */
export function reasonText(reason: { text: string; ko: string; en: string }, locale: UiLocale): string {
  return (locale === 'en' ? reason.en : reason.ko) || reason.text;
}

/** Score band for colouring: strong ≥ 70, fair ≥ 40, weak below. */
export function scoreBand(score: number): 'strong' | 'fair' | 'weak' {
  if (score >= 70) return 'strong';
  if (score >= 40) return 'fair';
  return 'weak';
}

export const tierKey = (tier: FitTier): SimpleMessageKey => `matching.tier.${tier}`;

/** The one-line plain summary in the UI language (both are delivered, like the reasons). */
export function summaryText(e: { summary: string; summaryKo: string; summaryEn: string }, locale: UiLocale): string {
  return (locale === 'en' ? e.summaryEn : e.summaryKo) || e.summary;
}

/** A reason's criterion weight in percent ("과업 30%"), null when the criterion did not count. */
export function reasonWeight(
  reason: { feature: MatchFeature },
  features: ReadonlyArray<{ feature: MatchFeature; applicable: boolean; weight: number }>,
): number | null {
  const f = features.find((x) => x.feature === reason.feature);
  return f && f.applicable ? Math.round(f.weight * 100) : null;
}
