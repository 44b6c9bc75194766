import { Bell } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import type { NotificationListQuery as NotificationListResult } from '@/generated/graphql';
import { useFormatters, useLocale, useT, type Translate, type UiLocale } from '@/i18n';
import { subjectParticle } from '@/shared/format';
import { MarkNotificationsReadMutation, NotificationListQuery } from './graphql/operations';
import { announceNotification } from './live';
import { useNotificationSocket } from './useNotificationSocket';

type Item = NotificationListResult['notifications']['edges'][number]['node'];

const LIST_SIZE = 10;
const REFRESH_MS = 60_000;

function parsePayload(payload: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** One line per notification type, with the title of what it is about. */
/** A certification's name in both languages (the message picks its own). */
function certification(p: Record<string, unknown>): { ko: string; en: string } {
  const ko = typeof p.certificationKo === 'string' ? p.certificationKo : '';
  return { ko, en: typeof p.certificationEn === 'string' ? p.certificationEn : ko };
}

export function notificationText(item: { type: string; payload: string }, t: Translate, locale: UiLocale = 'ko'): string {
  const p = parsePayload(item.payload);
  const title = text(p.title) || text(p.demandTitle);
  // Notices to a demand's owner name the bidding organization (older ones do not carry it).
  const bidder = (locale === 'en' && text(p.bidderNameEn)) || text(p.bidderName);
  switch (item.type) {
    case 'BID_RECEIVED':
      return bidder ? t('notifications.type.BID_RECEIVED_FROM', { title, bidder }) : t('notifications.type.BID_RECEIVED', { title });
    case 'BID_REVISED':
      return bidder ? t('notifications.type.BID_REVISED_BY', { title, bidder }) : t('notifications.type.BID_REVISED', { title });
    case 'BID_WITHDRAWN':
      return bidder ? t('notifications.type.BID_WITHDRAWN_BY', { title, bidder }) : t('notifications.type.BID_WITHDRAWN', { title });
    case 'BID_SHORTLISTED':
      return t('notifications.type.BID_SHORTLISTED', { title });
    case 'BID_ACCEPTED':
      return t('notifications.type.BID_ACCEPTED', { title });
    case 'BID_DECLINED':
      return p.awardedToAnother ? t('notifications.type.BID_DECLINED_AWARDED', { title }) : t('notifications.type.BID_DECLINED', { title });
    case 'BID_EXPIRED':
      return t('notifications.type.BID_EXPIRED', { title });
    case 'BID_INVITATION':
      return t('notifications.type.BID_INVITATION', {
        title,
        organization: (locale === 'en' && text(p.organizationNameEn)) || text(p.organizationName) || t('notifications.aDemandOwner'),
      });
    case 'CONSORTIUM_INVITATION':
      return t('notifications.type.CONSORTIUM_INVITATION', { title });
    case 'CONSORTIUM_INVITATION_ANSWERED':
      return t('notifications.type.CONSORTIUM_INVITATION_ANSWERED', { title });
    case 'DEMAND_COMPLETED':
      return t('notifications.type.DEMAND_COMPLETED', { title });
    case 'DEMAND_CANCELLED':
      return t('notifications.type.DEMAND_CANCELLED', { title });
    case 'REVIEW_RECEIVED':
      return p.visible ? t('notifications.type.REVIEW_VISIBLE', { title }) : t('notifications.type.REVIEW_RECEIVED', { title });
    case 'MATCH_ALERT':
      return t('notifications.type.MATCH_ALERT', { title });
    case 'LISTING_APPROVED':
      return t('notifications.type.LISTING_APPROVED', { title });
    case 'LISTING_REJECTED':
      return t('notifications.type.LISTING_REJECTED', { title });
    case 'LISTING_CHANGES_REQUESTED':
      return t('notifications.type.LISTING_CHANGES_REQUESTED', { title });
    case 'LISTING_SUBMITTED':
      return t('notifications.type.LISTING_SUBMITTED', { title });
    case 'VERIFICATION_REQUESTED':
      return t('notifications.type.VERIFICATION_REQUESTED', { name: text(p.organizationName) });
    case 'VERIFICATION_DECIDED':
      return p.decision === 'VERIFIED'
        ? t('notifications.type.VERIFICATION_VERIFIED', { name: text(p.organizationName) })
        : p.decision === 'NEEDS_INFO'
          ? t('notifications.type.VERIFICATION_NEEDS_INFO', { name: text(p.organizationName) })
          : t('notifications.type.VERIFICATION_REJECTED', { name: text(p.organizationName) });
    case 'ORGANIZATION_SUSPENDED':
      return t('notifications.type.ORGANIZATION_SUSPENDED', { name: text(p.organizationName) });
    case 'ORGANIZATION_UNSUSPENDED':
      return t('notifications.type.ORGANIZATION_UNSUSPENDED', { name: text(p.organizationName) });
    case 'CERTIFICATION_CLAIMED':
      return t('notifications.type.CERTIFICATION_CLAIMED', { name: text(p.organizationName), ...certification(p) });
    case 'CERTIFICATION_DECIDED':
      return t('notifications.type.CERTIFICATION_DECIDED', {
        decision: t(
          `certification.status.${p.decision === 'VERIFIED' ? 'VERIFIED' : p.decision === 'NEEDS_INFO' ? 'NEEDS_INFO' : 'REJECTED'}`,
        ),
        ...certification(p),
      });
    case 'CERTIFICATION_EXPIRING':
      return t('notifications.type.CERTIFICATION_EXPIRING', { date: text(p.expiresOn), ...certification(p) });
    case 'CERTIFICATION_EXPIRED':
      return t('notifications.type.CERTIFICATION_EXPIRED', certification(p));
    case 'ORGANIZATION_WARNED':
      return t('notifications.type.ORGANIZATION_WARNED', { name: text(p.organizationName) });
    case 'MILESTONE_DELIVERED':
    case 'MILESTONE_ACCEPTED':
    case 'MILESTONE_REWORK_REQUESTED':
    case 'PROJECT_COMPLETION_PROPOSED':
    case 'PROJECT_COMPLETION_WITHDRAWN': {
      const org = (locale === 'en' && text(p.organizationNameEn)) || text(p.organizationName) || t('project.otherParty');
      const milestone = typeof p.position === 'number' ? t('chat.system.milestone', { n: p.position, title: text(p.milestoneTitle) }) : '';
      return t(`notifications.type.${item.type}`, { title, org, particle: subjectParticle(org), milestone });
    }
    default:
      return t('notifications.type.other', { type: item.type, title });
  }
}

/** Where a notification leads: the demand of a bid, the listing, the organization's reviews. */
function notificationHref(item: Item): string | null {
  const p = parsePayload(item.payload);
  // A consortium invitation leads to the page where the partner's owner answers it.
  if (item.type === 'CONSORTIUM_INVITATION' && item.link?.type === 'BID') return `/bids/${item.link.id}/invitation`;
  if (typeof p.demandId === 'string' && item.link?.type !== 'ORGANIZATION') return `/listings/${p.demandId}`;
  // Verification and suspension: the member's own organization page, where the state and the reason are.
  if (
    [
      'VERIFICATION_DECIDED',
      'ORGANIZATION_SUSPENDED',
      'ORGANIZATION_UNSUSPENDED',
      'CERTIFICATION_DECIDED',
      'CERTIFICATION_EXPIRING',
      'CERTIFICATION_EXPIRED',
    ].includes(item.type) &&
    ['VERIFICATION_DECIDED', 'ORGANIZATION_SUSPENDED', 'ORGANIZATION_UNSUSPENDED', 'ORGANIZATION_WARNED'].includes(item.type) &&
    item.link?.type === 'ORGANIZATION'
  )
    return `/organization?org=${encodeURIComponent(item.link.id)}`;
  // A new submission leads staff to the curation screen's item.
  if (item.type === 'LISTING_SUBMITTED' && item.link?.type === 'LISTING') return `/staff/review/${item.link.id}`;
  switch (item.link?.type) {
    case 'LISTING':
      return `/listings/${item.link.id}`;
    case 'BID':
      return '/bids';
    case 'ORGANIZATION':
      return `/organizations/${item.link.id}`;
    case 'VERIFICATION_REQUEST':
      return `/staff/verification/${item.link.id}`;
    case 'CERTIFICATION_CLAIM':
      return `/staff/certifications/${item.link.id}`;
    default:
      return null;
  }
}

/**
 * The header bell: unread count, and a dropdown of the latest notifications with mark-read;
 * refreshed live on the socket's `notification` event (and every minute as a fallback).
 */
export function NotificationBell() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const client = useClient();
  const navigate = useNavigate();
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [{ data, fetching }, reexecute] = useQuery({
    query: NotificationListQuery,
    variables: { first: LIST_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [liveUnread, setLiveUnread] = useState<number | null>(null);

  useNotificationSocket((n) => {
    setLiveUnread(n.unreadCount);
    refresh();
    announceNotification(n.type);
  });
  useEffect(() => {
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  // The fetched count wins once the refetch lands.
  useEffect(() => setLiveUnread(null), [data]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const unread = liveUnread ?? data?.notifications.unreadCount ?? 0;
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const label = unread > 0 ? t('notifications.unread', { count: format.number(unread) }) : t('notifications.title');

  const markRead = async (ids: string[]) => {
    await client.mutation(MarkNotificationsReadMutation, { ids }).toPromise();
    refresh();
  };

  const openItem = (item: Item) => {
    if (!item.readAt) void markRead([item.id]);
    const href = notificationHref(item);
    setOpen(false);
    if (href) void navigate(href);
  };

  return (
    <div className="notification-bell" ref={rootRef} data-testid="notification-bell">
      <button
        type="button"
        className="notification-bell__button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={label}
        title={label}
        onClick={() => {
          setOpen((v) => !v);
          if (!open) refresh();
        }}
        data-testid="notification-bell-button"
      >
        {/* An icon of the set (lucide), not the 🔔 emoji: machines without an emoji font drew a box. */}
        <Bell aria-hidden="true" size={18} />
        {unread > 0 ? (
          <span className="notification-badge" data-testid="nav-unread-notifications" data-count={unread}>
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          className="notification-bell__panel"
          id={listId}
          role="region"
          aria-label={t('notifications.title')}
          data-testid="notification-panel"
        >
          <div className="notification-bell__header">
            <strong>{t('notifications.title')}</strong>
            <button
              type="button"
              className="link-button"
              onClick={() => void markRead([])}
              disabled={unread === 0}
              data-testid="notifications-mark-all"
            >
              {t('notifications.markAll')}
            </button>
          </div>
          {items.length === 0 ? (
            <p className="muted notification-bell__empty" data-testid="notifications-empty">
              {fetching ? t('common.loading') : t('notifications.empty')}
            </p>
          ) : (
            <ul className="notification-list" data-testid="notification-list">
              {items.map((item) => (
                <li
                  key={item.id}
                  className={item.readAt ? 'notification-item' : 'notification-item notification-item--unread'}
                  data-testid={`notification-${item.id}`}
                  data-type={item.type}
                  data-read={item.readAt ? 'true' : 'false'}
                >
                  <button type="button" className="notification-item__open" onClick={() => openItem(item)}>
                    <span className="notification-item__text">{notificationText(item, t, locale)}</span>
                    <span className="notification-item__time muted">{format.date(item.createdAt)}</span>
                  </button>
                  {!item.readAt ? (
                    <button
                      type="button"
                      className="link-button notification-item__mark"
                      onClick={() => void markRead([item.id])}
                      aria-label={t('notifications.markOne')}
                      data-testid={`notification-mark-${item.id}`}
                    >
                      {t('notifications.markOneShort')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
