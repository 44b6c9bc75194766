import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { BidStatus, MyBidsQuery as MyBidsResult } from '@/generated/graphql';
import { useOnNotification } from '@/modules/notifications';
import { useFormatters, useLocale, useT } from '@/i18n';
import { localized } from '@/shared/format';
import { OrganizationLink, organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { MyBidsQuery, WithdrawBidMutation } from '../graphql/operations';
import { BID_STATUS_KEYS, formatKrwExact } from '../model/labels';
import { BidStatusChip } from './BidStatusChip';
import { ConfirmBidDialog } from './dialogs';

type Bid = MyBidsResult['myBids']['edges'][number]['node'];
const FILTERS: Array<BidStatus | 'ALL'> = ['ALL', 'DRAFT', 'SUBMITTED', 'SHORTLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'];

/** `/bids`: the viewer's organizations' bids with their states; withdraw from here. */
export function MyBidsPage() {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const client = useClient();
  const [filter, setFilter] = useState<BidStatus | 'ALL'>('ALL');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyBidsQuery,
    variables: { first: 100, ...(filter === 'ALL' ? {} : { status: filter }) },
    requestPolicy: 'cache-and-network',
  });
  useOnNotification(['BID_', 'DEMAND_', 'CONSORTIUM_'], () => reexecute({ requestPolicy: 'network-only' }));
  const [withdrawing, setWithdrawing] = useState<Bid | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const withdraw = async () => {
    if (!withdrawing) return;
    setBusy(true);
    setFailure(undefined);
    const r = await client.mutation(WithdrawBidMutation, { id: withdrawing.id, version: withdrawing.version }).toPromise();
    setBusy(false);
    setWithdrawing(null);
    if (!r.data) return setFailure(r.error);
    setNotice(t('bid.notice.withdrawn'));
    reexecute({ requestPolicy: 'network-only' });
  };

  const bids = data?.myBids.edges.map((e) => e.node) ?? [];

  return (
    <div className="page" data-testid="my-bids" data-state={data ? 'done' : 'loading'}>
      <div className="page__header">
        <h1>{t('myBids.title')}</h1>
        <div className="field field--inline">
          <label className="field__label" htmlFor="my-bids-filter">
            {t('myBids.filter')}
          </label>
          <select
            id="my-bids-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value as BidStatus | 'ALL')}
            data-testid="my-bids-filter"
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === 'ALL' ? t('myBids.all') : t(BID_STATUS_KEYS[f])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="page__lead">{t('myBids.lead')}</p>
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="my-bids-notice">
          {notice}
        </p>
      ) : null}
      {error || failure ? (
        <FormAlert summary={summariseError(failure ?? error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {!data && fetching ? <LoadingState label={t('common.loading')} /> : null}
      {data && bids.length === 0 ? (
        <p className="empty" data-testid="my-bids-empty">
          {t('myBids.empty')}
        </p>
      ) : null}
      {bids.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="my-bids-table">
            <thead>
              <tr>
                <th scope="col">{t('myBids.demand')}</th>
                <th scope="col">{t('bid.col.bidder')}</th>
                <th scope="col">{t('bid.col.amount')}</th>
                <th scope="col">{t('bid.col.duration')}</th>
                <th scope="col">{t('bid.col.status')}</th>
                <th scope="col">{t('myBids.updated')}</th>
                <th scope="col">{t('bid.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {bids.map((bid) => {
                const title = bid.demand ? localized(bid.demand.title, bid.demand.titleEn, locale) : null;
                return (
                  <tr key={bid.id} data-testid={`my-bid-${bid.id}`} data-status={bid.status} data-demand-id={bid.demandId}>
                    <th scope="row">
                      {title ? (
                        <Link to={`/listings/${bid.demandId}`} lang={title.lang}>
                          {title.text}
                        </Link>
                      ) : (
                        <span className="muted">{t('myBids.demandHidden')}</span>
                      )}
                      {bid.demand ? (
                        <span className="table__muted">
                          {' · '}
                          <OrganizationLink organization={bid.demand.organization} />
                        </span>
                      ) : null}
                    </th>
                    <td>{bid.organization ? organizationName(bid.organization, locale) : '—'}</td>
                    <td>{formatKrwExact(bid.amountKrw, locale)}</td>
                    <td>{t('listing.weeks', { count: bid.durationWeeks })}</td>
                    <td>
                      <BidStatusChip status={bid.status} testId={`my-bid-status-${bid.id}`} />
                      {bid.status === 'DECLINED' && bid.decisionReason ? (
                        <span className="table__muted">
                          {' '}
                          {bid.decisionReason === 'awarded-to-another-bid' ? t('bid.declinedAnotherShort') : bid.decisionReason}
                        </span>
                      ) : null}
                    </td>
                    <td>{format.date(bid.updatedAt)}</td>
                    <td>
                      <div className="button-row">
                        {bid.partners.some((p) => p.organizationId !== bid.organizationId) && !bid.canEdit && bid.status === 'DRAFT' ? (
                          <Link
                            to={`/bids/${bid.id}/invitation`}
                            className="button button--ghost button--small"
                            data-testid={`my-bid-invitation-${bid.id}`}
                          >
                            {t('consortium.invitation.open')}
                          </Link>
                        ) : null}
                        {bid.canEdit ? (
                          <Link to={`/listings/${bid.demandId}`} className="button button--ghost button--small">
                            {t('myBids.open')}
                          </Link>
                        ) : null}
                        {bid.availableActions.includes('withdraw') ? (
                          <button
                            type="button"
                            className="button button--danger-ghost button--small"
                            onClick={() => setWithdrawing(bid)}
                            data-testid={`my-bid-withdraw-${bid.id}`}
                          >
                            {t('bid.withdraw')}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmBidDialog
        open={withdrawing !== null}
        title={t('bid.withdrawTitle')}
        body={t('bid.withdrawBody')}
        confirmLabel={t('bid.withdraw')}
        danger
        busy={busy}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => void withdraw()}
      />
    </div>
  );
}
