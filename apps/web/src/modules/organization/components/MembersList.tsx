import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { useMembers } from '../hooks/useMembers';
import { roleKey } from '../model/labels';
import { MemberActions } from './MemberActions';

export function MembersList({
  organizationId,
  isOwner = false,
  viewerUserId,
}: {
  organizationId: string;
  isOwner?: boolean;
  viewerUserId?: string;
}) {
  const t = useT();
  const format = useFormatters();
  const members = useMembers(organizationId);

  return (
    <section className="card" aria-labelledby="members-heading" data-testid="org-members">
      <div className="card__header">
        <h2 id="members-heading" className="card__title">
          {t('members.title')}
        </h2>
        {members.totalCount !== null ? (
          <span className="card__meta" data-testid="members-count">
            {t('members.count', { count: format.number(members.totalCount) })}
          </span>
        ) : null}
      </div>

      {members.error ? (
        <FormAlert
          summary={summariseError(members.error, {
            networkMessage: t('error.network'),
            unknownMessage: t('error.unknown'),
          })}
          testId="members-alert"
        />
      ) : null}

      {members.edges.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.joined')}</th>
                {viewerUserId ? <th scope="col">{t('members.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.edges.map(({ node }) => (
                <tr key={node.id} data-testid="member-row" data-role={node.role}>
                  <td>{node.user.displayName}</td>
                  <td className="table__muted">{node.user.email}</td>
                  <td>
                    <span className={`badge badge--role-${node.role.toLowerCase()}`}>{t(roleKey(node.role))}</span>
                  </td>
                  <td className="table__muted">{format.date(node.createdAt)}</td>
                  {viewerUserId ? (
                    <td>
                      <MemberActions
                        organizationId={organizationId}
                        member={{ userId: node.user.id, displayName: node.user.displayName, role: node.role }}
                        isOwner={isOwner}
                        isSelf={node.user.id === viewerUserId}
                        onChanged={members.reload}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !members.fetching && !members.error ? (
        <p>{t('members.empty')}</p>
      ) : null}

      {members.fetching ? (
        <p role="status" className="table__muted">
          {t('common.loading')}
        </p>
      ) : null}

      {members.hasNextPage ? (
        <div className="form__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={members.loadMore}
            disabled={members.fetching}
            data-testid="members-more"
          >
            {t('members.more')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
