import { useState } from 'react';
import { useMutation } from 'urql';
import type { OrganizationInvitationsQuery as InvitationsResult } from '@/generated/graphql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { ConfirmDialog } from '@/shared/ui/ConfirmDialog';
import { OrganizationInvitationsQuery, ResendInvitationMutation, RevokeInvitationMutation } from '../graphql/operations';
import { roleKey } from '../model/labels';

type InvitationEdge = InvitationsResult['organizationInvitations']['edges'][number];

/** Owner-only: invitations not yet accepted, with resend (rate-limited by the API) and revoke. */
export function PendingInvitations({ organizationId, version }: { organizationId: string; version: number }) {
  const t = useT();
  const format = useFormatters();
  const list = usePagedList<InvitationEdge>({
    key: `${organizationId}:${version}`,
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const result = await client
        .query(OrganizationInvitationsQuery, { organizationId, first: 20, after }, { requestPolicy: 'network-only' })
        .toPromise();
      return { page: result.data?.organizationInvitations, error: result.error };
    },
  });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ id: string; text: string; error: boolean } | null>(null);
  const [revokeState, revoke] = useMutation(RevokeInvitationMutation);
  const [resendState, resend] = useMutation(ResendInvitationMutation);
  const errorText = (error: Parameters<typeof summariseError>[0]) => {
    const summary = summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
    return [...summary.general, ...Object.values(summary.fields).flatMap((l) => l.map((f) => f.message))].join(' ');
  };

  const onResend = async (id: string) => {
    setNotice(null);
    const result = await resend({ id });
    setNotice(result.error ? { id, text: errorText(result.error), error: true } : { id, text: t('invitations.resent'), error: false });
  };
  const onRevoke = async () => {
    const id = revoking;
    if (!id) return;
    const result = await revoke({ id });
    setRevoking(null);
    if (result.error) setNotice({ id, text: errorText(result.error), error: true });
    else list.reload();
  };

  const error = list.error ?? list.moreError;
  return (
    <section className="card" aria-labelledby="invitations-heading" data-testid="org-invitations">
      <div className="card__header">
        <h2 id="invitations-heading" className="card__title">
          {t('invitations.title')}
        </h2>
        {list.totalCount !== null ? (
          <span className="card__meta">{t('members.count', { count: format.number(list.totalCount) })}</span>
        ) : null}
      </div>
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {list.edges.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('invitations.expires')}</th>
                <th scope="col">{t('members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node }) => (
                <tr key={node.id} data-testid="invitation-row">
                  <td>{node.email}</td>
                  <td>{t(roleKey(node.role))}</td>
                  <td className="table__muted">{format.date(node.expiresAt)}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        onClick={() => void onResend(node.id)}
                        disabled={resendState.fetching}
                        data-testid="invitation-resend"
                      >
                        {t('invitations.resend')}
                      </button>
                      <button
                        type="button"
                        className="button button--danger-ghost button--small"
                        onClick={() => setRevoking(node.id)}
                        data-testid="invitation-revoke"
                      >
                        {t('invitations.revoke')}
                      </button>
                    </div>
                    {notice?.id === node.id ? (
                      <p
                        className={notice.error ? 'field__error' : 'table__muted'}
                        role={notice.error ? 'alert' : 'status'}
                        data-testid="invitation-notice"
                      >
                        {notice.text}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !list.loading && !error ? (
        <p>{t('invitations.empty')}</p>
      ) : null}
      {list.hasNextPage ? (
        <div className="form__actions">
          <button type="button" className="button button--ghost" onClick={list.loadMore} disabled={list.loadingMore}>
            {t('members.more')}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitations.revoke')}
        body={t('invitations.confirmRevoke')}
        confirmLabel={t('invitations.revoke')}
        danger
        busy={revokeState.fetching}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void onRevoke()}
      />
    </section>
  );
}
