/** How close an offered concept is to a required one, over the vocabulary's broader/narrower hierarchy. */
import type { Vocabulary } from '@aimatch/capability-model';
import { MATCHING_WEIGHTS } from './weights';

export type Relation = 'exact' | 'offeredNarrower' | 'offeredBroader' | 'twoLevels' | 'sibling' | 'sameRoot' | 'unrelated';

export interface Similarity {
  value: number;
  relation: Relation;
}

const UNRELATED: Similarity = { value: 0, relation: 'unrelated' };

/** The concept's chain from itself up to its root. */
function chain(vocabulary: Vocabulary, id: string): string[] {
  return [id, ...vocabulary.ancestors(id).map((a) => a.id)];
}

/** Results per vocabulary, required → offered → similarity (shared, never mutated: ranking asks for the same pairs over and over). */
const memo = new WeakMap<Vocabulary, Map<string, Map<string, Similarity>>>();
const EXACT: Similarity = Object.freeze({ value: MATCHING_WEIGHTS.hierarchy.exact, relation: 'exact' });

export function conceptSimilarity(vocabulary: Vocabulary, required: string, offered: string, h = MATCHING_WEIGHTS.hierarchy): Similarity {
  if (h !== MATCHING_WEIGHTS.hierarchy)
    return required === offered ? { value: h.exact, relation: 'exact' } : compare(vocabulary, required, offered, h);
  if (required === offered) return EXACT;
  let byRequired = memo.get(vocabulary);
  if (!byRequired) memo.set(vocabulary, (byRequired = new Map()));
  let byOffered = byRequired.get(required);
  if (!byOffered) byRequired.set(required, (byOffered = new Map()));
  let s = byOffered.get(offered);
  if (!s) byOffered.set(offered, (s = Object.freeze(compare(vocabulary, required, offered, h))));
  return s;
}

function compare(vocabulary: Vocabulary, required: string, offered: string, h: typeof MATCHING_WEIGHTS.hierarchy): Similarity {
  const r = chain(vocabulary, required);
  const o = chain(vocabulary, offered);
  const offeredUp = r.indexOf(offered); // offered is an ancestor of required: a generalist
  if (offeredUp === 1) return { value: h.offeredBroader, relation: 'offeredBroader' };
  const requiredUp = o.indexOf(required); // offered is a descendant of required: a specialist within the need
  if (requiredUp === 1) return { value: h.offeredNarrower, relation: 'offeredNarrower' };
  if (offeredUp === 2 || requiredUp === 2) return { value: h.twoLevels, relation: 'twoLevels' };
  if (r.length > 1 && o.length > 1 && r[1] === o[1]) return { value: h.sibling, relation: 'sibling' };
  if (r[r.length - 1] === o[o.length - 1] && r.length > 0) return { value: h.sameRoot, relation: 'sameRoot' };
  return UNRELATED;
}
