import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { SuggestQuery as SuggestResult } from '@/generated/graphql';
import { useLocale } from '@/i18n';
import { SuggestQuery } from '../graphql/operations';

export type Suggestion = SuggestResult['suggest'][number];

const DEBOUNCE_MS = 200;
const NONE: Suggestion[] = [];
const LIMIT = 8;
/** The API's limit for `suggest(q)`. */
const MAX_LENGTH = 100;

interface State {
  /** The text these suggestions are for. */
  text: string;
  suggestions: Suggestion[];
}

/**
 * Debounced `suggest(q)` for the search box (none when the request fails: suggestions are a
 * help, not the search).
 * Labels follow the request's language, so the locale is part of what is asked.
 */
export function useSuggestions(text: string, enabled: boolean): { suggestions: Suggestion[]; pending: boolean } {
  const client = useClient();
  const locale = useLocale();
  const trimmed = text.trim();
  const wanted = enabled && trimmed !== '' && trimmed.length <= MAX_LENGTH;
  const [state, setState] = useState<State>({ text: '', suggestions: NONE });

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void client
        .query(SuggestQuery, { q: trimmed, first: LIMIT }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (!cancelled) setState({ text: `${locale}:${trimmed}`, suggestions: result.data?.suggest ?? [] });
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [client, trimmed, wanted, locale]);

  // While the next answer is on its way, the previous suggestions stay (no flicker per keystroke).
  const current = wanted && state.text === `${locale}:${trimmed}`;
  return { suggestions: wanted ? state.suggestions : NONE, pending: wanted && !current };
}
