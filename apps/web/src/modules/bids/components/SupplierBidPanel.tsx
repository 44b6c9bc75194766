import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { BidFieldsFragment } from '@/generated/graphql';
import { useOnNotification } from '@/modules/notifications';
import { LIVE_BID_STATUSES } from '@aimatch/contracts';
import { useFormatters, useLocale, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { MyBidsQuery, WithdrawBidMutation } from '../graphql/operations';
import { formatKrwExact } from '../model/labels';
import { BidFilesField } from './BidFilesField';
import { BidForm, type BidderOrganization, type RequirementConcept } from './BidForm';
import { BidStatusChip } from './BidStatusChip';
import { PartnerList } from './PartnerList';
import { ConfirmBidDialog } from './dialogs';
import { ReviewPanel } from './ReviewPanel';

/**
 * The demand page for a supplier that may bid: its organization's bid on this demand (state,
 * decision, withdraw, revise), or the form to place one while the demand is open; after the
 * project is completed, the review of the client.
 */
export function SupplierBidPanel({
  demand,
  requirement,
  organizations,
}: {
  demand: { id: string; status: string; bidDeadline?: string | null; organization: { id: string; nameKo: string; nameEn?: string | null } };
  requirement: RequirementConcept[];
  organizations: BidderOrganization[];
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const client = useClient();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyBidsQuery,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  useOnNotification(['BID_', 'DEMAND_', 'CONSORTIUM_'], () => reexecute({ requestPolicy: 'network-only' }));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [pendingNotice, setPendingNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [busy, setBusy] = useState(false);

  const orgIds = new Set(organizations.map((o) => o.id));
  const mine = (data?.myBids.edges ?? []).map((e) => e.node).filter((b) => b.demandId === demand.id && orgIds.has(b.organizationId));
  const bid: BidFieldsFragment | null = mine.find((b) => LIVE_BID_STATUSES.includes(b.status)) ?? mine[0] ?? null;
  const live = bid !== null && LIVE_BID_STATUSES.includes(bid.status);
  const deadlinePassed = !!demand.bidDeadline && new Date(demand.bidDeadline).getTime() < Date.now();
  const open = demand.status === 'PUBLISHED' && !deadlinePassed;
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const withdraw = async () => {
    if (!bid) return;
    setBusy(true);
    setFailure(undefined);
    const r = await client.mutation(WithdrawBidMutation, { id: bid.id, version: bid.version }).toPromise();
    setBusy(false);
    setConfirmWithdraw(false);
    if (!r.data) return setFailure(r.error);
    setNotice(t('bid.notice.withdrawn'));
    reload();
  };

  if (!data && fetching) return null;

  return (
    <section
      id="bid-panel"
      className="card bid-panel"
      aria-labelledby="bid-panel-heading"
      data-testid="supplier-bid-panel"
      data-state={data ? 'done' : 'loading'}
    >
      <div className="section-header">
        <h2 id="bid-panel-heading" className="card__title" tabIndex={-1}>
          {t('bid.panel.title')}
        </h2>
        <Link to="/bids" className="section-header__link">
          {t('nav.myBids')}
        </Link>
      </div>
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="bid-notice">
          {notice}
        </p>
      ) : null}
      {pendingNotice ? (
        <div className="alert alert--warning" role="alert" data-testid="bid-consortium-pending">
          <strong>{t('consortium.submitRefusedTitle')}</strong> {pendingNotice}
        </div>
      ) : null}
      {error || failure ? (
        <FormAlert
          summary={summariseError(failure ?? error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId="bid-panel-alert"
        />
      ) : null}

      {bid && !(editing || bid.status === 'DRAFT') ? (
        <div className="bid-summary" data-testid="my-bid" data-bid-id={bid.id}>
          <p>
            <BidStatusChip status={bid.status} />{' '}
            {bid.revision > 1 ? <span className="muted">{t('bid.revision', { n: bid.revision })}</span> : null}
          </p>
          <dl className="key-facts">
            <div className="key-facts__item">
              <dt>{t('bid.col.amount')}</dt>
              <dd data-testid="my-bid-amount">{formatKrwExact(bid.amountKrw, locale)}</dd>
            </div>
            <div className="key-facts__item">
              <dt>{t('bid.col.duration')}</dt>
              <dd>{t('listing.weeks', { count: bid.durationWeeks })}</dd>
            </div>
            {bid.submittedAt ? (
              <div className="key-facts__item">
                <dt>{t('bid.submittedAt')}</dt>
                <dd>{format.date(bid.submittedAt)}</dd>
              </div>
            ) : null}
          </dl>
          {bid.partners.length > 0 ? <PartnerList bid={bid} /> : null}
          <BidFilesField bidId={bid.id} editable={bid.canEdit && bid.status === 'SUBMITTED'} />
          {bid.status === 'DECLINED' ? (
            <p className="alert alert--warning" data-testid="my-bid-declined">
              {bid.decisionReason === 'awarded-to-another-bid' || !bid.decisionReason
                ? t('bid.declinedAnother')
                : t('bid.declinedReason', { reason: bid.decisionReason })}
            </p>
          ) : null}
          {bid.status === 'ACCEPTED' ? <p className="alert alert--success">{t('bid.acceptedNote')}</p> : null}
          <div className="button-row">
            {bid.canEdit && bid.status === 'SUBMITTED' ? (
              <button type="button" className="button button--ghost" onClick={() => setEditing(true)} data-testid="bid-revise">
                {t('bid.revise')}
              </button>
            ) : null}
            {bid.availableActions.includes('withdraw') ? (
              <button
                type="button"
                className="button button--danger-ghost"
                onClick={() => setConfirmWithdraw(true)}
                disabled={busy}
                data-testid="bid-withdraw"
              >
                {t('bid.withdraw')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {(bid && (editing || bid.status === 'DRAFT') && bid.canEdit) || (!live && open && editing) ? (
        <BidForm
          key={bid?.id ?? 'new'}
          demandId={demand.id}
          requirement={requirement}
          organizations={organizations}
          bid={live ? bid : null}
          onSaved={(kind) => {
            setEditing(false);
            if (typeof kind === 'object') {
              setNotice(null);
              setPendingNotice(t('consortium.submitRefused', { count: kind.pending }));
              reload();
              return;
            }
            setPendingNotice(null);
            setNotice(t(kind === 'submitted' ? 'bid.notice.submitted' : kind === 'revised' ? 'bid.notice.revised' : 'bid.notice.draft'));
            reload();
          }}
          onCancel={bid?.status === 'DRAFT' ? undefined : () => setEditing(false)}
        />
      ) : null}

      {!live && !editing ? (
        open ? (
          <div>
            <p className="card__lead">{t('bid.panel.lead')}</p>
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="bid-start">
              {t('bid.start')}
            </button>
          </div>
        ) : bid ? null : (
          <p className="muted" data-testid="bid-closed">
            {t('bid.closed')}
          </p>
        )
      ) : null}

      {bid?.status === 'ACCEPTED' && demand.status === 'COMPLETED' ? (
        <ReviewPanel demandId={demand.id} side="SUPPLIER" subject={demand.organization} authorOrganizationIds={[...orgIds]} />
      ) : null}

      <ConfirmBidDialog
        open={confirmWithdraw}
        title={t('bid.withdrawTitle')}
        body={t('bid.withdrawBody')}
        confirmLabel={t('bid.withdraw')}
        danger
        busy={busy}
        onCancel={() => setConfirmWithdraw(false)}
        onConfirm={() => void withdraw()}
      />
    </section>
  );
}
