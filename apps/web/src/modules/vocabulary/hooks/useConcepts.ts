import { useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { ConceptsPageQuery as ConceptsPageResult } from '@/generated/graphql';
import { useGraphqlLocale } from '@/i18n';
import { ConceptsPageQuery } from '../graphql/operations';

export type Concept = ConceptsPageResult['concepts']['edges'][number]['node'];

/** A concept placed in its hierarchy (depth 0 = root). */
export interface ConceptOption extends Concept {
  depth: number;
}

const PAGE_SIZE = 50;
const MAX_PAGES = 40;

interface ConceptsState {
  key: string;
  concepts: Concept[];
  error: CombinedError | undefined;
  done: boolean;
}

/**
 * Every concept of a scheme (e.g. `region`, `industry`), following pagination,
 * with labels in the UI locale.
 */
export function useConcepts(scheme: string): { concepts: Concept[]; fetching: boolean; error: CombinedError | undefined } {
  const client = useClient();
  const locale = useGraphqlLocale();
  const key = `${scheme}:${locale}`;
  const [state, setState] = useState<ConceptsState>({ key, concepts: [], error: undefined, done: false });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const collected: Concept[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result = await client
          .query(ConceptsPageQuery, { scheme, locale, first: PAGE_SIZE, after }, { requestPolicy: 'cache-first' })
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ key, concepts: collected, error: result.error, done: true });
          return;
        }
        const connection: ConceptsPageResult['concepts'] = result.data.concepts;
        collected.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      setState({ key, concepts: collected, error: undefined, done: true });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, scheme, locale, key]);

  // While the locale or scheme changes, keep showing the previous list.
  return { concepts: state.concepts, fetching: state.key !== key || !state.done, error: state.error };
}

/**
 * Order concepts depth-first under their parents (children follow their parent,
 * keeping server order among siblings). Unknown parents make a concept a root;
 * cycles are broken.
 */
export function toHierarchy(concepts: readonly Concept[]): ConceptOption[] {
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const children = new Map<string | null, Concept[]>();
  for (const concept of concepts) {
    const parent = concept.parentId && byId.has(concept.parentId) ? concept.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(concept);
    children.set(parent, list);
  }
  const ordered: ConceptOption[] = [];
  const seen = new Set<string>();
  const visit = (concept: Concept, depth: number) => {
    if (seen.has(concept.id)) return;
    seen.add(concept.id);
    ordered.push({ ...concept, depth });
    for (const child of children.get(concept.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Members of a parent cycle are never reached from a root: append them flat.
  for (const concept of concepts) if (!seen.has(concept.id)) visit(concept, 0);
  return ordered;
}
