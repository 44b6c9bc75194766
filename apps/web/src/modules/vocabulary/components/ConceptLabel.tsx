import { useQuery } from 'urql';
import { useGraphqlLocale } from '@/i18n';
import { ConceptLabelQuery } from '../graphql/operations';

/** The label of one concept in the UI language (the id while loading or when unknown). */
export function ConceptLabel({ id }: { id: string }) {
  const locale = useGraphqlLocale();
  const [{ data }] = useQuery({ query: ConceptLabelQuery, variables: { id, locale } });
  return <>{data?.concept.label ?? id}</>;
}
