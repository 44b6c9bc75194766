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

const memo = new WeakMap<Vocabulary, Map<string, Similarity>>();

export function conceptSimilarity(vocabulary: Vocabulary, required: string, offered: string, h = MATCHING_WEIGHTS.hierarchy): Similarity {
  if (required === offered) return { value: h.exact, relation: 'exact' };
  if (h !== MATCHING_WEIGHTS.hierarchy) return compare(vocabulary, required, offered, h);
  let known = memo.get(vocabulary);
  if (!known) memo.set(vocabulary, (known = new Map()));
  const key = `${required} ${offered}`;
  let s = known.get(key);
  if (!s) known.set(key, (s = compare(vocabulary, required, offered, h)));
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

/** The best offered concept for a required one (ties: the first offered). */
export function bestMatch(vocabulary: Vocabulary, required: string, offered: readonly string[]): Similarity & { offered: string | null } {
  let best: Similarity & { offered: string | null } = { ...UNRELATED, offered: null };
  for (const o of offered) {
    const s = conceptSimilarity(vocabulary, required, o);
    if (s.value > best.value) best = { ...s, offered: o };
  }
  return best;
}
