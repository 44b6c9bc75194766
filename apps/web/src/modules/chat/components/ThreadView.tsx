import { ArrowLeft } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '@/i18n';
import { OrganizationLink, organizationName, VerificationBadge } from '@/modules/organization';
import { useViewer } from '@/shared/session';
import { AttachedFiles } from '@/shared/upload';
import { useChatSnapshot, useChatStore, useThread } from '../hooks/useChat';
import { contextKey, contextPath, contextTitle, counterpartNames } from '../model/labels';
import { linkHost, splitLinks } from '../model/links';
import { systemMessageText } from '../model/system-text';
import { CHAT_MAX_BODY, type ChatMessage, type OutgoingMessage } from '../model/types';
import { ChatAttachButton, ChatFileChips, ChatFileLinksProvider, ChatPendingFiles, useChatAttachments } from './ChatFiles';
import { useTimeFormat } from './ConversationList';

const NEAR_TOP_PX = 80;
const NEAR_BOTTOM_PX = 120;

/**
 * One conversation: scrolls back page by page (`messages(before:)`), shows our messages as
 * pending / sent / read / failed (with retry), the other side's typing, and a composer. Bodies
 * are plain text rendered by React (escaped), line breaks kept by CSS.
 */
export function ThreadView({ conversationId }: { conversationId: string }) {
  const t = useT();
  const locale = useLocale();
  const store = useChatStore();
  const thread = useThread(conversationId);
  const { conversations } = useChatSnapshot();
  const conversation = conversations.find((c) => c.id === conversationId);
  const { viewer } = useViewer();
  const mine = useMemo(() => new Set(viewer?.memberships.map((m) => m.organization.id) ?? []), [viewer]);
  const me = store?.currentUserId ?? null;

  const scroller = useRef<HTMLDivElement>(null);
  const layout = useRef({ firstSeq: 0, count: 0, scrollHeight: 0, nearBottom: true });

  const messages = useMemo(() => thread?.messages ?? [], [thread?.messages]);
  const outgoing = useMemo(() => thread?.outgoing ?? [], [thread?.outgoing]);
  const othersReadSeq = Math.max(thread?.othersReadSeq ?? 0, conversation?.othersLastReadSeq ?? 0);
  const lastMineSeq = useMemo(
    () => [...messages].reverse().find((m) => m.senderUserId === me && m.kind === 'USER')?.seq ?? 0,
    [messages, me],
  );

  // Keep the view still when older messages are prepended; follow new ones when at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const prev = layout.current;
    const firstSeq = messages[0]?.seq ?? 0;
    const count = messages.length + outgoing.length;
    if (prev.count > 0 && firstSeq < prev.firstSeq && firstSeq !== 0) {
      el.scrollTop += el.scrollHeight - prev.scrollHeight;
    } else if (count !== prev.count && (prev.nearBottom || prev.count === 0 || outgoing.some((o) => o.state === 'pending'))) {
      el.scrollTop = el.scrollHeight;
    }
    layout.current = {
      firstSeq,
      count,
      scrollHeight: el.scrollHeight,
      nearBottom: el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX,
    };
  }, [messages, outgoing]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    layout.current.nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    layout.current.scrollHeight = el.scrollHeight;
    if (el.scrollTop < NEAR_TOP_PX && thread?.hasOlder && !thread.loadingOlder) void store?.loadOlder(conversationId);
  };

  const title = conversation ? (contextTitle(conversation, locale) ?? t('chat.untitled')) : null;
  const path = conversation ? contextPath(conversation) : null;
  // Who is on the other side, and whether the association has verified them (#13 M6).
  const counterparts = conversation?.participants.filter((p) => !mine.has(p.id)) ?? [];
  const unverified = new Set(counterparts.filter((p) => p.verificationStatus !== 'VERIFIED').map((p) => p.id));
  const nameOf = (id: string) => {
    const org = conversation?.participants.find((p) => p.id === id);
    return org ? organizationName(org, locale) : null;
  };

  return (
    <section
      className="chat-thread"
      aria-labelledby="chat-thread-heading"
      data-testid="chat-thread"
      data-conversation-id={conversationId}
      data-state={thread?.loaded ? 'done' : 'loading'}
    >
      <header className="chat-thread__header">
        <Link to="/messages" className="chat-thread__back">
          <ArrowLeft aria-hidden="true" size={16} /> {t('chat.back')}
        </Link>
        <h2 id="chat-thread-heading" className="chat-thread__title" data-testid="chat-thread-title">
          {conversation ? counterpartNames(conversation, mine, locale) : t('chat.thread.label')}
        </h2>
        {conversation ? (
          <p className="chat-thread__context">
            <span className="badge">{t(contextKey(conversation.contextType))}</span> {title}
            {path ? (
              <>
                {' · '}
                <Link to={path} data-testid="chat-context-link">
                  {t('chat.openContext')}
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
        {counterparts.length ? (
          <ul className="chat-thread__parties" data-testid="chat-parties">
            {counterparts.map((p) => (
              <li key={p.id} data-testid="chat-party" data-status={p.verificationStatus}>
                <bdi>
                  <OrganizationLink organization={p} testId="chat-party-link" />
                </bdi>{' '}
                <VerificationBadge status={p.verificationStatus} testId="chat-party-status" />
              </li>
            ))}
          </ul>
        ) : null}
        {unverified.size ? (
          <p className="chat-thread__caution" role="note" data-testid="chat-unverified-note">
            {t('chat.unverified.note')}
          </p>
        ) : null}
      </header>

      <div
        className="chat-thread__scroll"
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-live="polite"
        aria-label={t('chat.thread.label')}
        data-testid="chat-messages"
      >
        {thread?.hasOlder ? (
          <div className="chat-thread__older">
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => void store?.loadOlder(conversationId)}
              disabled={thread.loadingOlder}
              data-testid="chat-load-older"
            >
              {thread.loadingOlder ? t('chat.thread.loadingOlder') : t('chat.thread.older')}
            </button>
          </div>
        ) : thread?.loaded && messages.length > 0 ? (
          <p className="chat-thread__note muted">{t('chat.thread.start')}</p>
        ) : null}
        {!thread?.loaded && !thread?.error ? <p className="chat-thread__note muted">{t('chat.thread.loading')}</p> : null}
        {thread?.error ? (
          <p className="alert alert--error" role="alert" data-testid="chat-thread-error">
            {t('chat.thread.error')}
          </p>
        ) : null}
        {thread?.loaded && messages.length === 0 && outgoing.length === 0 ? (
          <p className="chat-thread__note muted">{t('chat.thread.empty')}</p>
        ) : null}
        <ChatFileLinksProvider messages={messages}>
          <ol className="chat-messages">
            {messages.map((m) => (
              <Bubble
                key={m.id}
                message={m}
                mine={m.senderUserId === me}
                state={m.senderUserId === me ? (m.seq <= othersReadSeq ? 'read' : 'sent') : null}
                showState={m.seq === lastMineSeq}
                fromUnverified={m.senderUserId !== me && !!m.senderOrganizationId && unverified.has(m.senderOrganizationId)}
                organizationName={nameOf}
              />
            ))}
            {outgoing.map((o) => (
              <OutgoingBubble key={o.clientMessageId} message={o} />
            ))}
          </ol>
        </ChatFileLinksProvider>
      </div>

      <p className="chat-thread__typing" aria-live="polite" data-testid="chat-typing">
        {thread && thread.typing.length > 0 ? t('chat.typing') : ''}
      </p>
      <Composer conversationId={conversationId} />
    </section>
  );
}

function Bubble({
  message: m,
  mine,
  state,
  showState,
  fromUnverified,
  organizationName: nameOf,
}: {
  message: ChatMessage;
  mine: boolean;
  state: 'sent' | 'read' | null;
  showState: boolean;
  fromUnverified: boolean;
  organizationName: (id: string) => string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const time = useTimeFormat();
  if (m.kind === 'SYSTEM') {
    return (
      <li className="chat-system" data-seq={m.seq} data-testid="chat-system">
        {systemMessageText(m, nameOf, locale, t)}
      </li>
    );
  }
  return (
    <li
      className={`chat-bubble${mine ? ' chat-bubble--mine' : ''}`}
      data-testid="chat-bubble"
      data-seq={m.seq}
      data-mine={mine}
      data-state={state ?? 'received'}
    >
      <p className={`chat-bubble__body${m.deletedAt ? ' chat-bubble__body--deleted' : ''}`}>
        {m.deletedAt ? t('chat.deleted') : <MessageBody body={m.body ?? ''} fromUnverified={fromUnverified} />}
      </p>
      {m.deletedAt ? null : <ChatFileChips files={m.files} />}
      <span className="chat-bubble__meta">
        {m.editedAt && !m.deletedAt ? <span>{t('chat.edited')} · </span> : null}
        <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
        {mine && showState && state ? (
          <span
            className={`chat-bubble__state chat-bubble__state--${state}`}
            data-testid={state === 'read' ? 'chat-read-receipt' : 'chat-sent'}
          >
            {' · '}
            {state === 'read' ? t('chat.state.read') : t('chat.state.sent')}
          </span>
        ) : null}
      </span>
    </li>
  );
}

/**
 * A message's text with its web addresses linked (new tab, no referrer, nofollow). From an
 * organization the association has not verified, an address is not a link at first: it shows
 * a warning with the real host and an explicit "open anyway" (#13 M6: look-alike companies).
 */
function MessageBody({ body, fromUnverified }: { body: string; fromUnverified: boolean }) {
  const t = useT();
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  return (
    <bdi>
      {splitLinks(body).map((part, i) => {
        if (part.kind === 'text') return <span key={i}>{part.text}</span>;
        const link = (
          <a href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc" data-testid="chat-link">
            {part.text}
          </a>
        );
        if (!fromUnverified) return <span key={i}>{link}</span>;
        if (revealed.has(i)) {
          return (
            <span key={i} className="chat-link-warning" role="alert" data-testid="chat-link-warning">
              {t('chat.unverified.linkWarning', { host: linkHost(part.href) })} {link}
            </span>
          );
        }
        return (
          <span key={i}>
            <span className="chat-link-unverified">{part.text}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setRevealed((r) => new Set(r).add(i))}
              data-testid="chat-link-reveal"
            >
              {t('chat.unverified.openLink')}
            </button>
          </span>
        );
      })}
    </bdi>
  );
}

function OutgoingBubble({ message: o }: { message: OutgoingMessage }) {
  const t = useT();
  const store = useChatStore();
  const failed = o.state === 'failed';
  return (
    <li
      className={`chat-bubble chat-bubble--mine chat-bubble--${o.state}`}
      data-testid="chat-bubble"
      data-mine="true"
      data-state={o.state}
      data-client-id={o.clientMessageId}
    >
      <p className="chat-bubble__body">{o.body}</p>
      {o.files?.length ? <AttachedFiles files={o.files} compact testId="chat-outgoing-file" /> : null}
      <span className="chat-bubble__meta">
        <span className={`chat-bubble__state chat-bubble__state--${o.state}`}>
          {failed ? t('chat.state.failed') : t('chat.state.pending')}
        </span>
        {failed && o.error ? <span className="chat-bubble__error"> · {o.error}</span> : null}
        {failed ? (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => store?.retry(o.conversationId, o.clientMessageId)}
              data-testid="chat-retry"
            >
              {t('chat.retry')}
            </button>{' '}
            <button type="button" className="link-button" onClick={() => store?.discard(o.conversationId, o.clientMessageId)}>
              {t('chat.discard')}
            </button>
          </>
        ) : null}
      </span>
    </li>
  );
}

function Composer({ conversationId }: { conversationId: string }) {
  const t = useT();
  const store = useChatStore();
  const [text, setText] = useState('');
  const attachments = useChatAttachments();
  const length = [...text].length;
  const tooLong = length > CHAT_MAX_BODY;
  // A message is text, files, or both; it waits for uploads still running.
  const empty = text.trim().length === 0 && attachments.ready.length === 0;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (empty || tooLong || attachments.uploading || !store) return;
    store.send(conversationId, text.trim(), attachments.ready);
    setText('');
    attachments.clear();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, except while an IME (Korean input) is composing or with Shift (new line).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="chat-composer" onSubmit={submit}>
      <ChatPendingFiles items={attachments.items} onRemove={attachments.remove} tooMany={attachments.tooMany} />
      <label htmlFor="chat-composer-input" className="visually-hidden">
        {t('chat.composer.label')}
      </label>
      <textarea
        id="chat-composer-input"
        className="chat-composer__input"
        rows={2}
        value={text}
        placeholder={t('chat.composer.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          store?.typing(conversationId, event.target.value.trim().length > 0);
        }}
        onBlur={() => store?.typing(conversationId, false)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong || undefined}
        aria-describedby="chat-composer-count"
        data-testid="chat-composer-input"
      />
      <div className="chat-composer__side">
        <span id="chat-composer-count" className={tooLong ? 'chat-composer__count chat-composer__count--over' : 'chat-composer__count'}>
          {tooLong
            ? t('chat.composer.tooLong', { max: CHAT_MAX_BODY })
            : length > CHAT_MAX_BODY * 0.9
              ? t('chat.composer.count', { count: length, max: CHAT_MAX_BODY })
              : ''}
        </span>
        <ChatAttachButton onPick={attachments.pick} />
        <button type="submit" className="button" disabled={empty || tooLong || attachments.uploading} data-testid="chat-composer-send">
          {t('chat.composer.send')}
        </button>
      </div>
    </form>
  );
}
