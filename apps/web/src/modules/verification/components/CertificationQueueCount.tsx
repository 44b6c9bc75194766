import { useQuery } from 'urql';
import { CertificationQueueHeadQuery } from '../graphql/operations';

/** The number of pending certification claims, next to the staff navigation link. */
export function CertificationQueueCount() {
  const [{ data }] = useQuery({ query: CertificationQueueHeadQuery, requestPolicy: 'cache-and-network' });
  const count = data?.certificationQueue.totalCount ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav__count" data-testid="nav-certification-count">
      {count}
    </span>
  );
}
