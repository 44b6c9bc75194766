import type { BudgetFit, MatchConstraintCode, MatchFeature, ReasonTone } from '@/generated/graphql';
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
