import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useLocale } from '@/i18n';
import { TrustChecklistQuery } from '../graphql/operations';

export interface ChecklistQuestion {
  id: string;
  question: string;
}

/** The AI-trustworthiness self-assessment questions in the UI language. */
export function useTrustChecklist(options: { pause?: boolean } = {}) {
  const locale = useLocale();
  const [{ data, fetching, error }] = useQuery({ query: TrustChecklistQuery, pause: options.pause ?? false });
  const items = useMemo<ChecklistQuestion[]>(
    () => (data?.trustChecklist ?? []).map((item) => ({ id: item.id, question: locale === 'en' ? item.questionEn : item.questionKo })),
    [data, locale],
  );
  const questionOf = useMemo(() => {
    const byId = new Map(items.map((item) => [item.id, item.question]));
    return (id: string) => byId.get(id);
  }, [items]);
  return { items, questionOf, fetching, error };
}
