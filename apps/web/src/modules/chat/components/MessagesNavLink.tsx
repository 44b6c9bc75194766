import { MessageSquare } from 'lucide-react';
import { NavLink } from 'react-router';
import { useFormatters, useT } from '@/i18n';
import { useChatSnapshot } from '../hooks/useChat';

/** The header's link to the messages, with the total of unread messages (nothing when zero). */
export function MessagesNavLink() {
  const t = useT();
  const format = useFormatters();
  const { totalUnread } = useChatSnapshot();
  const label = t('chat.unread', { count: format.number(totalUnread) });
  return (
    <NavLink
      to="/messages"
      className={({ isActive }) => (isActive ? 'messages-link messages-link--active' : 'messages-link')}
      data-testid="nav-messages"
    >
      <MessageSquare aria-hidden="true" size={18} />
      <span className="messages-link__label">{t('nav.messages')}</span>
      {totalUnread > 0 ? (
        <span className="unread-badge" aria-label={label} title={label} data-testid="nav-messages-unread">
          {totalUnread > 99 ? '99+' : totalUnread}
        </span>
      ) : null}
    </NavLink>
  );
}
