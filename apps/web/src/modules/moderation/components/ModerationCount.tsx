import { useQuery } from 'urql';
import { ModerationCountsQuery } from '../graphql/operations';

/** Open message and review reports, next to the staff navigation link. */
export function ModerationCount() {
  const [{ data }] = useQuery({ query: ModerationCountsQuery, requestPolicy: 'cache-and-network' });
  const count = (data?.reportedMessages.totalCount ?? 0) + (data?.reviewReports.totalCount ?? 0);
  if (count === 0) return null;
  return (
    <span className="nav__count" data-testid="nav-moderation-count">
      {count}
    </span>
  );
}
