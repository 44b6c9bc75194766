import { Star } from 'lucide-react';
import { useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { BidsForDemandQuery } from '@/generated/graphql';
import { useOnNotification } from '@/modules/notifications';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { CertificationChips, OrganizationLink, organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { AttachedFiles } from '@/shared/upload';
import {
  AcceptBidMutation,
  BidsForDemandQuery as BidsQuery,
  CancelDemandMutation,
  DeclineBidMutation,
  ShortlistBidMutation,
} from '../graphql/operations';
import { formatKrwExact } from '../model/labels';
import { BidStatusChip } from './BidStatusChip';
import { ConfirmBidDialog, ReasonDialog } from './dialogs';
import { ReviewPanel } from './ReviewPanel';
import { PartnerList } from './PartnerList';

type BidRow = BidsForDemandQuery['bidsForDemand']['edges'][number]['node'];

/**
 * The demand owner's view of the bids: side by side (amount, duration, match score, coverage,
 * the bidder's reputation) with shortlist / decline (reason) / accept (confirmation); once
 * awarded, cancel (reason) the project (it is completed in the project section: every milestone
 * accepted, or both sides agree); once completed, review the supplier.
 */
export function OwnerBidsPanel({
  demand,
  onDemandChanged,
}: {
  demand: { id: string; status: string; version: number; availableActions: readonly string[]; organization: { id: string } };
  onDemandChanged: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const gqlLocale = useGraphqlLocale();
  const format = useFormatters();
  const client = useClient();
  const [{ data, error }, reexecute] = useQuery({
    query: BidsQuery,
    variables: { demandId: demand.id, first: 100, locale: gqlLocale },
    requestPolicy: 'cache-and-network',
  });
  useOnNotification(['BID_', 'DEMAND_', 'CONSORTIUM_'], () => reexecute({ requestPolicy: 'network-only' }));
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [declining, setDeclining] = useState<BidRow | null>(null);
  const [accepting, setAccepting] = useState<BidRow | null>(null);
  const [demandAction, setDemandAction] = useState<'cancel' | null>(null);

  const bids = data?.bidsForDemand.edges.map((e) => e.node) ?? [];
  const accepted = bids.find((b) => b.status === 'ACCEPTED') ?? null;
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const finish = (message: string, demandChanged = false) => {
    setNotice(message);
    reload();
    if (demandChanged) onDemandChanged();
  };

  const shortlist = async (bid: BidRow) => {
    setBusy(bid.id);
    setFailure(undefined);
    setNotice(null);
    const r = await client.mutation(ShortlistBidMutation, { id: bid.id, version: bid.version }).toPromise();
    setBusy(null);
    if (!r.data) return setFailure(r.error);
    finish(t('bid.notice.shortlisted'));
  };

  const accept = async (bid: BidRow) => {
    setBusy(bid.id);
    setFailure(undefined);
    setNotice(null);
    const r = await client.mutation(AcceptBidMutation, { id: bid.id, version: bid.version }).toPromise();
    setBusy(null);
    setAccepting(null);
    if (!r.data) {
      setFailure(r.error);
      reload();
      return;
    }
    finish(t('bid.notice.accepted'), true);
  };

  const bidderName = (bid: BidRow) => (bid.organization ? organizationName(bid.organization, locale) : t('bid.unknownBidder'));

  return (
    <section className="card bids-panel" aria-labelledby="bids-heading" data-testid="owner-bids" data-state={data ? 'done' : 'loading'}>
      <div className="section-header">
        <h2 id="bids-heading" className="card__title">
          {t('bid.compare.title')}
        </h2>
        <span className="muted" data-testid="owner-bids-count">
          {t('bid.compare.count', { count: data?.bidsForDemand.totalCount ?? 0 })}
        </span>
      </div>
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="owner-bids-notice">
          {notice}
        </p>
      ) : null}
      {error || failure ? (
        <FormAlert
          summary={summariseError(failure ?? error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId="owner-bids-alert"
        />
      ) : null}

      {demand.status === 'AWARDED' ? (
        <div className="alert alert--info alert--with-action" data-testid="award-actions">
          <p>{t('bid.awardedNote', { name: accepted ? bidderName(accepted) : '—' })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger-ghost"
              onClick={() => setDemandAction('cancel')}
              disabled={busy !== null}
              data-testid="demand-cancel"
            >
              {t('bid.cancelProject')}
            </button>
          </div>
        </div>
      ) : null}

      {data && bids.length === 0 ? (
        <p className="muted" data-testid="owner-bids-empty">
          {t('bid.compare.empty')}
        </p>
      ) : null}
      {bids.length > 0 ? (
        <div className="table-wrap bids-table-wrap">
          <table className="table bids-table" data-testid="bids-table">
            <thead>
              <tr>
                <th scope="col">{t('bid.col.bidder')}</th>
                <th scope="col">{t('bid.col.amount')}</th>
                <th scope="col">{t('bid.col.duration')}</th>
                <th scope="col">{t('bid.col.score')}</th>
                <th scope="col">{t('bid.col.coverage')}</th>
                <th scope="col">{t('bid.col.reputation')}</th>
                <th scope="col">{t('bid.col.status')}</th>
                <th scope="col">{t('bid.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {bids.map((bid) => (
                <tr key={bid.id} data-testid={`bid-row-${bid.id}`} data-organization-id={bid.organizationId} data-status={bid.status}>
                  <th scope="row">
                    {bid.organization ? (
                      <OrganizationLink organization={bid.organization} testId={`bid-bidder-${bid.id}`} />
                    ) : (
                      bidderName(bid)
                    )}
                    <CertificationChips certifications={bid.organization?.certifications} testId={`bid-certs-${bid.id}`} />
                    {bid.revision > 1 ? (
                      <span
                        className="muted table__muted"
                        title={bid.revisions
                          .map((r) => `#${r.number} ${formatKrwExact(r.amountKrw, locale)} · ${format.date(r.submittedAt)}`)
                          .join('\n')}
                      >
                        {' '}
                        {t('bid.revision', { n: bid.revision })}
                      </span>
                    ) : null}
                    {bid.partners.length > 0 ? <PartnerList bid={bid} testId={`bid-consortium-${bid.id}`} /> : null}
                    <AttachedFiles files={bid.files} compact testId={`bid-files-${bid.id}`} />
                    <details className="bid-approach">
                      <summary>{t('bid.col.approach')}</summary>
                      <p className="prose prose--short">{bid.approach}</p>
                      <ol className="plain-list">
                        {bid.milestones.map((m, i) => (
                          <li key={i}>
                            {m.title} · {t('listing.weeks', { count: m.weeks })} · {formatKrwExact(m.amountKrw, locale)}
                          </li>
                        ))}
                      </ol>
                    </details>
                  </th>
                  <td data-label={t('bid.col.amount')} data-testid={`bid-amount-${bid.id}`}>
                    {formatKrwExact(bid.amountKrw, locale)}
                  </td>
                  <td data-label={t('bid.col.duration')}>{t('listing.weeks', { count: bid.durationWeeks })}</td>
                  <td data-label={t('bid.col.score')} data-testid={`bid-score-${bid.id}`}>
                    {bid.match ? `${bid.match.score}/100` : <span className="muted">{t('bid.noScore')}</span>}
                  </td>
                  <td
                    data-label={t('bid.col.coverage')}
                    data-testid={`bid-coverage-${bid.id}`}
                    title={bid.coverage?.missing.map((c) => c.label).join(', ')}
                  >
                    {bid.coverage ? `${bid.coverage.covered}/${bid.coverage.required} (${Math.round(bid.coverage.ratio * 100)}%)` : '—'}
                  </td>
                  <td data-label={t('bid.col.reputation')} data-testid={`bid-reputation-${bid.id}`}>
                    {bid.organization &&
                    bid.organization.reputation.count > 0 &&
                    bid.organization.reputation.mean !== null &&
                    bid.organization.reputation.mean !== undefined ? (
                      <span className="rating">
                        <Star aria-hidden="true" size={14} className="rating__star" />
                        {t('reviews.reputationShort', {
                          mean: bid.organization.reputation.mean.toFixed(1),
                          count: bid.organization.reputation.count,
                        })}
                      </span>
                    ) : (
                      <span className="muted">{t('reviews.none')}</span>
                    )}
                  </td>
                  <td data-label={t('bid.col.status')}>
                    <BidStatusChip status={bid.status} testId={`bid-status-${bid.id}`} />
                    {bid.decisionReason && bid.status === 'DECLINED' ? (
                      <span className="table__muted">
                        {' '}
                        {bid.decisionReason === 'awarded-to-another-bid' ? t('bid.declinedAnotherShort') : bid.decisionReason}
                      </span>
                    ) : null}
                  </td>
                  <td className="bids-table__actions">
                    <div className="button-row">
                      {bid.availableActions.includes('shortlist') ? (
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          onClick={() => void shortlist(bid)}
                          disabled={busy !== null}
                          data-testid={`bid-shortlist-${bid.id}`}
                        >
                          {t('bid.shortlist')}
                        </button>
                      ) : null}
                      {bid.availableActions.includes('accept') ? (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setAccepting(bid)}
                          disabled={busy !== null}
                          data-testid={`bid-accept-${bid.id}`}
                        >
                          {t('bid.accept')}
                        </button>
                      ) : null}
                      {bid.availableActions.includes('decline') ? (
                        <button
                          type="button"
                          className="button button--danger-ghost button--small"
                          onClick={() => setDeclining(bid)}
                          disabled={busy !== null}
                          data-testid={`bid-decline-${bid.id}`}
                        >
                          {t('bid.decline')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {demand.status === 'COMPLETED' && accepted?.organization ? (
        <ReviewPanel demandId={demand.id} side="CLIENT" subject={accepted.organization} authorOrganizationIds={[demand.organization.id]} />
      ) : null}

      <ConfirmBidDialog
        open={accepting !== null}
        title={t('bid.acceptTitle')}
        body={accepting ? t('bid.acceptBody', { name: bidderName(accepting), amount: formatKrwExact(accepting.amountKrw, locale) }) : ''}
        confirmLabel={t('bid.accept')}
        busy={busy !== null}
        onCancel={() => setAccepting(null)}
        onConfirm={() => accepting && void accept(accepting)}
      />
      <ReasonDialog
        open={declining !== null}
        title={t('bid.declineTitle')}
        body={declining ? t('bid.declineBody', { name: bidderName(declining) }) : undefined}
        confirmLabel={t('bid.decline')}
        busy={busy !== null}
        onCancel={() => setDeclining(null)}
        onConfirm={async (reason) => {
          if (!declining) return undefined;
          setBusy(declining.id);
          const r = await client.mutation(DeclineBidMutation, { id: declining.id, version: declining.version, reason }).toPromise();
          setBusy(null);
          if (!r.data) return r.error;
          setDeclining(null);
          finish(t('bid.notice.declined'));
          return undefined;
        }}
      />
      <ReasonDialog
        open={demandAction === 'cancel'}
        title={t('bid.cancelTitle')}
        body={t('bid.cancelBody')}
        confirmLabel={t('bid.cancelProject')}
        busy={busy !== null}
        onCancel={() => setDemandAction(null)}
        onConfirm={async (reason) => {
          setBusy('demand');
          const r = await client.mutation(CancelDemandMutation, { id: demand.id, version: demand.version, reason }).toPromise();
          setBusy(null);
          if (!r.data) return r.error;
          setDemandAction(null);
          finish(t('bid.notice.cancelled'), true);
          return undefined;
        }}
      />
    </section>
  );
}
