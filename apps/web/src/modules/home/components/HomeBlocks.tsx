import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { BidStatus } from '@/generated/graphql';
import { useFormatters, useLocale, useT, type SimpleMessageKey } from '@/i18n';
import { formatKrw, localized } from '@/shared/format';
import { organizationName } from '@/modules/organization';
import {
  HomeBidsNeedingActionQuery,
  HomeConsortiumRequestsQuery,
  HomeConversationsQuery,
  HomeInvitationsQuery,
} from '../graphql/operations';

/** How many rows a home block shows before "모두 보기". */
export const HOME_ROWS = 5;

/** One block of a home: title, count, rows or an empty state that says what to do next, "모두 보기". */
export function HomeBlock({
  id,
  title,
  total,
  seeAll,
  empty,
  fetching,
  children,
}: {
  id: string;
  title: string;
  total: number | null;
  seeAll?: string;
  empty: ReactNode;
  fetching: boolean;
  children: ReactNode[];
}) {
  const t = useT();
  const format = useFormatters();
  return (
    <section className="card home-block" aria-labelledby={`${id}-heading`} data-testid={id} data-state={fetching ? 'loading' : 'done'}>
      <header className="home-block__header">
        <h2 id={`${id}-heading`} className="card__title">
          {title}
        </h2>
        {total !== null && total > 0 ? (
          <span className="home-block__count" data-testid={`${id}-count`}>
            {format.number(total)}
          </span>
        ) : null}
      </header>
      {children.length > 0 ? (
        <ul className="home-list" data-testid={`${id}-list`}>
          {children}
        </ul>
      ) : fetching ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : (
        <div className="empty" data-testid={`${id}-empty`}>
          {empty}
        </div>
      )}
      {seeAll && total !== null && total > children.length ? (
        <p className="home-block__more">
          <Link to={seeAll}>{t('home.seeAll')}</Link>
        </p>
      ) : null}
    </section>
  );
}

const bidStatusKey = (status: BidStatus): SimpleMessageKey => `bid.status.${status}`;

interface InvitationPayload {
  demandId?: string;
  title?: string;
  organizationName?: string | null;
  organizationNameEn?: string | null;
}

function parsePayload(payload: string): InvitationPayload {
  try {
    return JSON.parse(payload) as InvitationPayload;
  } catch {
    return {};
  }
}

/** Invitations to bid the organization received (from match cards, listings, profiles). */
export function InvitationsBlock() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const [{ data, fetching }] = useQuery({
    query: HomeInvitationsQuery,
    variables: { first: HOME_ROWS },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.notifications;
  return (
    <HomeBlock
      id="home-invitations"
      title={t('home.invitations.title')}
      total={page?.totalCount ?? null}
      fetching={fetching && !page}
      empty={<p>{t('home.invitations.empty')}</p>}
    >
      {(page?.edges ?? []).map(({ node }) => {
        const p = parsePayload(node.payload);
        const from = locale === 'en' ? (p.organizationNameEn ?? p.organizationName) : p.organizationName;
        const demandId = p.demandId ?? (node.link?.type === 'LISTING' ? node.link.id : null);
        return (
          <li key={node.id} className={`home-row${node.readAt ? '' : ' home-row--unread'}`} data-testid={`home-invitation-${demandId}`}>
            <div className="home-row__main">
              {demandId ? (
                <Link to={`/listings/${demandId}`} className="home-row__title">
                  {p.title ?? t('listing.untitled')}
                </Link>
              ) : (
                <span className="home-row__title">{p.title ?? t('listing.untitled')}</span>
              )}
              <p className="home-row__meta muted">
                {from ? `${from} · ` : ''}
                {format.date(node.createdAt)}
              </p>
            </div>
          </li>
        );
      })}
    </HomeBlock>
  );
}

type BidNode = {
  id: string;
  status: BidStatus;
  amountKrw: number;
  demand?: { id: string; title: string; titleEn?: string | null } | null;
  organization?: { id: string; nameKo: string; nameEn?: string | null } | null;
};

function BidRow({ bid, to, testId }: { bid: BidNode; to: string; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const title = bid.demand ? localized(bid.demand.title, bid.demand.titleEn ?? null, locale) : null;
  return (
    <li className="home-row" data-testid={testId} data-status={bid.status}>
      <div className="home-row__main">
        <Link to={to} className="home-row__title" lang={title?.lang}>
          {title?.text || t('listing.untitled')}
        </Link>
        <p className="home-row__meta muted">
          {bid.organization ? `${organizationName(bid.organization, locale)} · ` : ''}
          {formatKrw(bid.amountKrw, locale)}
        </p>
      </div>
      <div className="home-row__side">
        <span className={`badge badge--bid-${bid.status.toLowerCase()}`}>{t(bidStatusKey(bid.status))}</span>
      </div>
    </li>
  );
}

/** Draft bids whose consortium invitation awaits this organization's answer. */
export function ConsortiumRequestsBlock() {
  const t = useT();
  const [{ data, fetching }] = useQuery({
    query: HomeConsortiumRequestsQuery,
    variables: { first: HOME_ROWS },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.myBids;
  return (
    <HomeBlock
      id="home-consortium"
      title={t('home.consortium.title')}
      total={page?.totalCount ?? null}
      seeAll="/bids"
      fetching={fetching && !page}
      empty={<p>{t('home.consortium.empty')}</p>}
    >
      {(page?.edges ?? []).map(({ node }) => (
        <BidRow key={node.id} bid={node} to={`/bids/${node.id}/invitation`} testId={`home-consortium-${node.id}`} />
      ))}
    </HomeBlock>
  );
}

/** Bids waiting for the bidder: drafts to finish, shortlisted ones, awarded projects running. */
export function BidsNeedingActionBlock() {
  const t = useT();
  const [{ data, fetching }] = useQuery({
    query: HomeBidsNeedingActionQuery,
    variables: { first: HOME_ROWS },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.myBids;
  return (
    <HomeBlock
      id="home-bids"
      title={t('home.bids.title')}
      total={page?.totalCount ?? null}
      seeAll="/bids"
      fetching={fetching && !page}
      empty={<p>{t('home.bids.empty')}</p>}
    >
      {(page?.edges ?? []).map(({ node }) => (
        <BidRow
          key={node.id}
          bid={node}
          to={node.demand ? `/listings/${node.demand.id}#bid-panel` : '/bids'}
          testId={`home-bid-${node.id}`}
        />
      ))}
    </HomeBlock>
  );
}

/** Conversations with unread messages, among the latest ones (the full list is /messages). */
export function UnreadConversationsBlock() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const [{ data, fetching }] = useQuery({ query: HomeConversationsQuery, variables: { first: 20 }, requestPolicy: 'cache-and-network' });
  const unread = (data?.conversations.edges ?? []).map((e) => e.node).filter((c) => c.unreadCount > 0);
  return (
    <HomeBlock
      id="home-unread"
      title={t('home.unread.title')}
      total={data ? unread.length : null}
      seeAll="/messages"
      fetching={fetching && !data}
      empty={<p>{t('home.unread.empty')}</p>}
    >
      {unread.slice(0, HOME_ROWS).map((c) => {
        const title = localized(c.contextTitle ?? '', c.contextTitleEn ?? null, locale);
        const others = c.participants.map((p) => organizationName(p, locale)).join(', ');
        return (
          <li key={c.id} className="home-row home-row--unread" data-testid={`home-unread-${c.id}`}>
            <div className="home-row__main">
              <Link to={`/messages/${c.id}`} className="home-row__title" lang={title.lang}>
                {title.text || others}
              </Link>
              <p className="home-row__meta muted">
                {others}
                {c.lastMessageAt ? ` · ${format.date(c.lastMessageAt)}` : ''}
              </p>
            </div>
            <div className="home-row__side">
              <span className="badge badge--unread">{t('home.unread.count', { count: format.number(c.unreadCount) })}</span>
            </div>
          </li>
        );
      })}
    </HomeBlock>
  );
}
