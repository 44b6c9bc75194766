import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { useViewer } from '@/shared/session';
import { useChatSnapshot, useChatStore } from '../hooks/useChat';
import { contextKey, contextTitle, counterpartNames } from '../model/labels';
import { systemMessageText } from '../model/system-text';
import { type ConversationSummary, parseSystemPayload } from '../model/types';

function useTimeFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
    const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
    const day = new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric' });
    return (iso: string | null | undefined) => {
      if (!iso) return '';
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return '';
      return d.toDateString() === new Date().toDateString() ? time.format(d) : day.format(d);
    };
  }, [locale]);
}

/** The viewer's conversations, latest message first (reordered live), with unread badges. */
export function ConversationList({ activeId }: { activeId: string | null }) {
  const t = useT();
  const snapshot = useChatSnapshot();
  const { conversations, conversationsLoaded, conversationsError } = snapshot;

  return (
    <nav
      className="chat-list"
      aria-label={t('chat.list.label')}
      data-testid="conversation-list"
      data-state={conversationsLoaded ? 'done' : 'loading'}
    >
      {!conversationsLoaded && !conversationsError ? <p className="muted chat-list__note">{t('chat.list.loading')}</p> : null}
      {conversationsError ? (
        <p className="alert alert--error" role="alert">
          {t('chat.list.error')}
        </p>
      ) : null}
      {conversationsLoaded && conversations.length === 0 ? (
        <p className="empty chat-list__note" data-testid="conversation-list-empty">
          {t('chat.list.empty')}
        </p>
      ) : null}
      <ul className="chat-list__items">
        {conversations.map((c) => (
          <li key={c.id}>
            <ConversationItem conversation={c} active={c.id === activeId} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ConversationItem({ conversation: c, active }: { conversation: ConversationSummary; active: boolean }) {
  const t = useT();
  const locale = useLocale();
  const time = useTimeFormat();
  const store = useChatStore();
  const { viewer } = useViewer();
  const mine = useMemo(() => new Set(viewer?.memberships.map((m) => m.organization.id) ?? []), [viewer]);
  const title = contextTitle(c, locale) ?? t('chat.untitled');
  const last = c.lastMessage;
  const nameOf = (id: string) => {
    const org = c.participants.find((p) => p.id === id);
    return org ? organizationName(org, locale) : null;
  };
  const preview = !last
    ? t('chat.preview.none')
    : last.deletedAt
      ? t('chat.preview.deleted')
      : last.kind === 'SYSTEM'
        ? systemMessageText({ ...last, systemPayload: parseSystemPayload(last.systemPayload) }, nameOf, locale, t)
        : last.senderUserId === store?.currentUserId
          ? t('chat.preview.you', { body: last.body ?? '' })
          : (last.body ?? '');
  const unread = c.unreadCount;

  return (
    <Link
      to={`/messages/${c.id}`}
      className={`chat-item${active ? ' chat-item--active' : ''}${unread > 0 ? ' chat-item--unread' : ''}`}
      aria-current={active ? 'page' : undefined}
      data-testid={`conversation-item-${c.id}`}
      data-conversation-id={c.id}
      data-unread={unread}
    >
      <span className="chat-item__top">
        <span className="chat-item__name">{counterpartNames(c, mine, locale) || t('chat.counterpart')}</span>
        <span className="chat-item__time">{time(c.lastMessageAt ?? c.createdAt)}</span>
      </span>
      <span className="chat-item__context">
        <span className="badge">{t(contextKey(c.contextType))}</span> {title}
      </span>
      <span className="chat-item__bottom">
        <span className="chat-item__preview">{preview}</span>
        {unread > 0 ? (
          <span className="unread-badge" aria-label={t('chat.unread', { count: unread })} data-testid={`conversation-unread-${c.id}`}>
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </span>
    </Link>
  );
}

export { useTimeFormat };
