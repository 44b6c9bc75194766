import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { useViewer } from '@/shared/session';
import { useOnNotification } from '@/modules/notifications';
import { useLocale, useT } from '@/i18n';
import { localized } from '@/shared/format';
import { organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { ConsortiumInvitationQuery, RespondToConsortiumInvitationMutation } from '../graphql/operations';
import { CONSORTIUM_ROLE_KEYS, formatKrwExact } from '../model/labels';
import { BidStatusChip } from './BidStatusChip';
import { PartnerStatusChip } from './ConsortiumSection';

/**
 * `/bids/:id/invitation`: where a consortium invitation's notification leads. The invited
 * organization sees the demand, the lead organization, its role and share; its OWNER accepts
 * or declines (while the bid is a draft), other members only see where it stands.
 */
export function ConsortiumInvitationPage() {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ConsortiumInvitationQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  useOnNotification(['BID_', 'CONSORTIUM_'], () => reexecute({ requestPolicy: 'network-only' }));
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const bid = data?.bid;
  if (!bid) {
    if (fetching) return <LoadingState label={t('common.loading')} />;
    return (
      <div className="page" data-testid="consortium-invitation" data-state="error">
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
        <Link to="/bids">{t('nav.myBids')}</Link>
      </div>
    );
  }

  const memberships = viewer?.memberships ?? [];
  const mine = bid.partners.filter((p) => memberships.some((m) => m.organization.id === p.organizationId));
  const owns = (orgId: string) => memberships.some((m) => m.organization.id === orgId && m.role === 'OWNER');
  const title = bid.demand ? localized(bid.demand.title, bid.demand.titleEn, locale) : null;
  const lead = bid.organization ? organizationName(bid.organization, locale) : '—';

  const respond = async (accept: boolean) => {
    setBusy(accept ? 'accept' : 'decline');
    setFailure(undefined);
    setNotice(null);
    const r = await client.mutation(RespondToConsortiumInvitationMutation, { bidId: bid.id, accept }).toPromise();
    setBusy(null);
    if (!r.data) return setFailure(r.error);
    setNotice(t(accept ? 'consortium.invitation.accepted' : 'consortium.invitation.declined'));
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <div className="page" data-testid="consortium-invitation" data-state="done" data-bid-id={bid.id}>
      <header className="page__header">
        <h1>{t('consortium.invitation.title')}</h1>
      </header>
      <p className="page__lead">{t('consortium.invitation.lead', { lead })}</p>
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="consortium-invitation-notice">
          {notice}
        </p>
      ) : null}
      {failure ? (
        <FormAlert
          summary={summariseError(failure, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId="consortium-invitation-alert"
        />
      ) : null}

      <section className="card">
        <dl className="key-facts">
          <div className="key-facts__item">
            <dt>{t('consortium.invitation.demand')}</dt>
            <dd data-testid="consortium-invitation-demand">
              {title && bid.demand ? (
                <Link to={`/listings/${bid.demand.id}`} lang={title.lang}>
                  {title.text}
                </Link>
              ) : (
                <span className="muted">{t('myBids.demandHidden')}</span>
              )}
              {bid.demand ? <span className="muted"> · {organizationName(bid.demand.organization, locale)}</span> : null}
            </dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('consortium.invitation.leadOrg')}</dt>
            <dd data-testid="consortium-invitation-lead">{lead}</dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('bid.col.amount')}</dt>
            <dd>{formatKrwExact(bid.amountKrw, locale)}</dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('bid.col.duration')}</dt>
            <dd>{t('listing.weeks', { count: bid.durationWeeks })}</dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('bid.col.status')}</dt>
            <dd>
              <BidStatusChip status={bid.status} />
            </dd>
          </div>
        </dl>

        {mine.length === 0 ? <p className="muted">{t('consortium.invitation.notInvited')}</p> : null}
        {mine.map((p) => {
          const name = p.organization ? organizationName(p.organization, locale) : p.organizationId;
          const canAnswer = p.status === 'INVITED' && bid.status === 'DRAFT' && owns(p.organizationId);
          return (
            <div
              key={p.organizationId}
              className="consortium-invitation__mine"
              data-testid={`consortium-invitation-${p.organizationId}`}
              data-status={p.status}
            >
              <h2 className="card__title">{name}</h2>
              <dl className="key-facts">
                <div className="key-facts__item">
                  <dt>{t('consortium.col.role')}</dt>
                  <dd data-testid="consortium-invitation-role">{t(CONSORTIUM_ROLE_KEYS[p.role])}</dd>
                </div>
                <div className="key-facts__item">
                  <dt>{t('consortium.col.share')}</dt>
                  <dd data-testid="consortium-invitation-share">{p.sharePercent}%</dd>
                </div>
                <div className="key-facts__item">
                  <dt>{t('consortium.col.status')}</dt>
                  <dd>
                    <PartnerStatusChip status={p.status} testId="consortium-invitation-status" />
                  </dd>
                </div>
              </dl>
              {canAnswer ? (
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    onClick={() => void respond(true)}
                    disabled={busy !== null}
                    data-testid="consortium-accept"
                  >
                    {busy === 'accept' ? t('common.working') : t('consortium.invitation.accept')}
                  </button>
                  <button
                    type="button"
                    className="button button--danger-ghost"
                    onClick={() => void respond(false)}
                    disabled={busy !== null}
                    data-testid="consortium-decline"
                  >
                    {busy === 'decline' ? t('common.working') : t('consortium.invitation.decline')}
                  </button>
                </div>
              ) : p.status === 'INVITED' && !owns(p.organizationId) ? (
                <p className="muted" data-testid="consortium-invitation-owner-only">
                  {t('consortium.invitation.ownerOnly')}
                </p>
              ) : null}
            </div>
          );
        })}
      </section>
    </div>
  );
}
