import { useQuery } from 'urql';
import { VerificationQueueHeadQuery } from '../graphql/operations';

/** The number of open verification requests, next to the staff navigation link. */
export function VerificationQueueCount() {
  const [{ data }] = useQuery({ query: VerificationQueueHeadQuery, requestPolicy: 'cache-and-network' });
  const count = data?.verificationQueue.totalCount ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav__count" data-testid="nav-verification-count">
      {count}
    </span>
  );
}
