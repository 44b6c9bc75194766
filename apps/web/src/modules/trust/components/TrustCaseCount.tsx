import { useQuery } from 'urql';
import { TrustOpenCaseCountQuery } from '../graphql/operations';

/** The number of organizations with open trust & safety signals, next to the staff navigation link. */
export function TrustCaseCount() {
  const [{ data }] = useQuery({ query: TrustOpenCaseCountQuery, requestPolicy: 'cache-and-network' });
  const count = data?.trustOpenCaseCount ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav__count" data-testid="nav-trust-count">
      {count}
    </span>
  );
}
