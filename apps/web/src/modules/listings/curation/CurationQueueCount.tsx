import { useQuery } from 'urql';
import { CurationQueueHeadQuery } from '../graphql/operations';

/** The number of listings waiting for review, next to the staff navigation link "목록 심사". */
export function CurationQueueCount() {
  const [{ data }] = useQuery({ query: CurationQueueHeadQuery, requestPolicy: 'cache-and-network' });
  const count = data?.listingsForReview.totalCount ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav__count" data-testid="nav-review-count">
      {count}
    </span>
  );
}
