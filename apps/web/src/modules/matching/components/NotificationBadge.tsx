import { useEffect } from 'react';
import { useQuery } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { NotificationsQuery } from '../graphql/operations';

const REFRESH_MS = 60_000;

/** The signed-in user's unread notification count in the header (nothing when zero). */
export function NotificationBadge() {
  const t = useT();
  const format = useFormatters();
  const [{ data }, refresh] = useQuery({ query: NotificationsQuery, variables: { first: 1 }, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    const timer = window.setInterval(() => refresh({ requestPolicy: 'network-only' }), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  const count = data?.notifications.unreadCount ?? 0;
  if (count === 0) return null;
  const label = t('notifications.unread', { count: format.number(count) });
  return (
    <span className="notification-badge" role="status" aria-label={label} title={label} data-testid="nav-unread-notifications">
      <span aria-hidden="true">🔔</span> {count > 99 ? '99+' : count}
    </span>
  );
}
