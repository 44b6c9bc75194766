/**
 * The per-profile half of matching, done once per listing version and cacheable: what a demand
 * needs (stated fields plus concepts recognised in its text, marked inferred) and what a supplier
 * offers (likewise), and both texts analysed for text relevance.
 */
import { recognizeConcepts, type RecognizedConcept, type Vocabulary } from '@aimatch/capability-model';
import type { OfferedProfile, RequiredProfile } from './profiles';
import { type AnalysedText, analyseDocumentText, analyseQueryText, type TextQuery } from './text-relevance';
import { MATCHING_WEIGHTS } from './weights';

export const MATCHED_SCHEMES = ['task', 'industry', 'modality', 'integration', 'deployment', 'certification'] as const;
export type MatchedScheme = (typeof MATCHED_SCHEMES)[number];

/** One required or offered concept, stated in a field or recognised in the text. */
export interface Element {
  id: string;
  /** 0..1: stated 1, recognised in the title 1, in the body less. */
  weight: number;
  inferred: boolean;
  /** For an inferred concept: the words that named it. */
  evidence: string[];
  /** Inferred from only the first word of a longer name (its `evidence[0]`): to be confirmed by the listings that use the word. */
  partial?: boolean;
}

export type Elements = Record<MatchedScheme, Element[]>;

export interface AnalysedDemand {
  profile: RequiredProfile;
  needs: Elements;
  /** Its text as a query against suppliers' texts… */
  text: TextQuery;
  /** …and as a document, for ranking demands for a supplier. */
  document: AnalysedText;
}

export interface AnalysedSupply {
  profile: OfferedProfile;
  offers: Elements;
  text: AnalysedText;
  /** Its text as a query against demands' texts. */
  query: TextQuery;
}

const stated = (ids: readonly string[]): Element[] => ids.map((id) => ({ id, weight: 1, inferred: false, evidence: [] }));

/**
 * Adds recognised concepts to the stated ones. A recognised concept is dropped when it is a
 * broader concept of another one already there (`예측` next to `수요 예측` adds nothing).
 */
function withInferred(
  vocabulary: Vocabulary,
  statedIds: readonly string[],
  inTitle: RecognizedConcept[],
  inBody: RecognizedConcept[],
  weights: { title: number; body: number; partial: number; broad: number },
  dismissed: readonly string[] = [],
): Element[] {
  const out = stated(statedIds);
  // A concept the owner removed is not read from the text again (a stated one stays stated).
  const seen = new Set([...statedIds, ...dismissed]);
  const recognized = [...inTitle.map((c) => ({ c, weight: weights.title })), ...inBody.map((c) => ({ c, weight: weights.body }))];
  for (const { c, weight } of recognized) {
    const existing = out.find((e) => e.id === c.id);
    if (existing) {
      if (existing.inferred) existing.evidence = [...new Set([...existing.evidence, ...c.evidence])].slice(0, 5);
      continue;
    }
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    // …nor a broader or narrower concept read in its place (removing 비전 검사 does not let 컴퓨터 비전 step in).
    if (dismissed.some((d) => vocabulary.isSameOrDescendantOf(c.id, d) || vocabulary.isSameOrDescendantOf(d, c.id))) continue;
    const broad = vocabulary.children(c.id).length > 0;
    out.push({
      id: c.id,
      weight: weight * (c.partial ? weights.partial : 1) * (broad ? weights.broad : 1),
      inferred: true,
      evidence: c.evidence,
      partial: c.partial,
    });
  }
  const all = out.map((e) => e.id);
  return out.filter((e) => !e.inferred || !all.some((other) => other !== e.id && vocabulary.isSameOrDescendantOf(other, e.id)));
}

function recognizeBySchemes(text: string, vocabulary: Vocabulary, needs = false): Record<MatchedScheme, RecognizedConcept[]> {
  // A demand's incidental mentions (its customers' industry, its own certificate) are not needs.
  const found = recognizeConcepts(text, vocabulary, { schemes: MATCHED_SCHEMES, prose: true }).filter((c) => !needs || !c.incidental);
  return Object.fromEntries(MATCHED_SCHEMES.map((s) => [s, found.filter((c) => c.scheme === s)])) as Record<
    MatchedScheme,
    RecognizedConcept[]
  >;
}

export function analyseDemand(profile: RequiredProfile, vocabulary: Vocabulary, weights = MATCHING_WEIGHTS): AnalysedDemand {
  const title = recognizeBySchemes(profile.title, vocabulary, true);
  const body = recognizeBySchemes(profile.body, vocabulary, true);
  const w = {
    title: weights.inferred.inTitle,
    body: weights.inferred.inBody,
    partial: weights.inferred.partial,
    broad: weights.inferred.broad,
  };
  const dismissed = profile.dismissedConcepts ?? [];
  const needs: Elements = {
    task: withInferred(vocabulary, profile.tasks, title.task, body.task, w, dismissed),
    industry: withInferred(vocabulary, profile.industries, title.industry, body.industry, w, dismissed),
    modality: withInferred(vocabulary, profile.modalities, title.modality, body.modality, w, dismissed),
    integration: withInferred(vocabulary, profile.integrations, title.integration, body.integration, w, dismissed),
    // A stated deployment is a hard requirement; one read from the text is only a preference.
    deployment: withInferred(
      vocabulary,
      profile.deployments,
      profile.deployments.length ? [] : title.deployment,
      profile.deployments.length ? [] : body.deployment,
      w,
      dismissed,
    ),
    // Certifications are never a field of a demand: only asked for in its text.
    certification: withInferred(
      vocabulary,
      [],
      title.certification,
      body.certification,
      { title: 1, body: 1, partial: 1, broad: 1 },
      dismissed,
    ),
  };
  return {
    profile,
    needs,
    text: analyseQueryText(profile.title, profile.body),
    document: analyseDocumentText(profile.title, profile.body),
  };
}

export function analyseSupply(profile: OfferedProfile, vocabulary: Vocabulary, weights = MATCHING_WEIGHTS): AnalysedSupply {
  const found = recognizeBySchemes(`${profile.title}\n${profile.body}`, vocabulary);
  const w = { ...weights.inferred, title: weights.inferred.offeredFromText, body: weights.inferred.offeredFromText };
  const offers: Elements = {
    task: withInferred(vocabulary, profile.tasks, [], found.task, w),
    industry: withInferred(vocabulary, profile.industries, [], found.industry, w),
    modality: withInferred(vocabulary, profile.modalities, [], found.modality, w),
    integration: withInferred(vocabulary, profile.integrations, [], found.integration, w),
    // An empty deployment list counts as not offered: never inferred from prose.
    deployment: stated(profile.deployments),
    certification: stated(profile.certifications),
  };
  return { profile, offers, text: analyseDocumentText(profile.title, profile.body), query: analyseQueryText(profile.title, profile.body) };
}
