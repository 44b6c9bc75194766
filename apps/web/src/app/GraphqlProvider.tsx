import { useMemo, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useSession } from '@/shared/session';
import { createGraphqlClient } from './graphql-client';

/** Provides a GraphQL client, rebuilt (with an empty cache) whenever the signed-in identity changes. */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const { epoch } = useSession();
  const client = useMemo(() => {
    void epoch;
    return createGraphqlClient();
  }, [epoch]);
  return <Provider value={client}>{children}</Provider>;
}
