import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import type { MembershipRole } from '@/generated/graphql';
import { useT } from '@/i18n';
import { summariseError } from '@/shared/forms';
import { ConfirmDialog } from '@/shared/ui/ConfirmDialog';
import {
  ChangeMemberRoleMutation,
  LeaveOrganizationMutation,
  RemoveMemberMutation,
  TransferOwnershipMutation,
} from '../graphql/operations';

type Action = 'promote' | 'demote' | 'transfer' | 'remove' | 'leave';

/** Mutations that change memberships refetch every query that shows them (members list, viewer). */
const MEMBERSHIP_CHANGE = { additionalTypenames: ['Membership', 'Organization', 'Me'] };

/**
 * The actions on one row of the members list, each behind a confirmation: owners change roles,
 * hand over ownership and remove others; everyone may leave (their own row). The API refuses to
 * leave an organization without an owner (CONFLICT last-owner); its message is shown next to the action.
 */
export function MemberActions({
  organizationId,
  member,
  isOwner,
  isSelf,
  onChanged,
}: {
  organizationId: string;
  member: { userId: string; displayName: string; role: MembershipRole };
  isOwner: boolean;
  isSelf: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [role, changeRole] = useMutation(ChangeMemberRoleMutation);
  const [transfer, transferOwnership] = useMutation(TransferOwnershipMutation);
  const [remove, removeMember] = useMutation(RemoveMemberMutation);
  const [leave, leaveOrganization] = useMutation(LeaveOrganizationMutation);
  const busy = role.fetching || transfer.fetching || remove.fetching || leave.fetching;

  const run = async (action: Action) => {
    setError(null);
    const vars = { organizationId, userId: member.userId };
    const result =
      action === 'promote' || action === 'demote'
        ? await changeRole({ ...vars, role: action === 'promote' ? 'OWNER' : 'MEMBER' }, MEMBERSHIP_CHANGE)
        : action === 'transfer'
          ? await transferOwnership({ organizationId, toUserId: member.userId, keepOwnership: false }, MEMBERSHIP_CHANGE)
          : action === 'remove'
            ? await removeMember(vars, MEMBERSHIP_CHANGE)
            : await leaveOrganization({ organizationId }, MEMBERSHIP_CHANGE);
    setPending(null);
    if (result.error) {
      const summary = summariseError(result.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
      setError([...summary.general, ...Object.values(summary.fields).flatMap((list) => list.map((f) => f.message))].join(' '));
      return;
    }
    if (action === 'leave') {
      await navigate('/organization', { replace: true });
      return;
    }
    onChanged();
  };

  const buttons: Array<{ action: Action; label: string; danger?: boolean }> = [];
  if (isSelf) {
    buttons.push({ action: 'leave', label: t('members.leave'), danger: true });
  } else if (isOwner) {
    if (member.role === 'MEMBER') {
      buttons.push({ action: 'promote', label: t('members.makeOwner') });
      buttons.push({ action: 'transfer', label: t('members.transfer') });
    } else {
      buttons.push({ action: 'demote', label: t('members.makeMember') });
    }
    buttons.push({ action: 'remove', label: t('members.remove'), danger: true });
  }
  if (buttons.length === 0) return null;

  const confirmBody: Record<Action, string> = {
    promote: t('members.confirm.promote', { name: member.displayName }),
    demote: t('members.confirm.demote', { name: member.displayName }),
    transfer: t('members.confirm.transfer', { name: member.displayName }),
    remove: t('members.confirm.remove', { name: member.displayName }),
    leave: t('members.confirm.leave'),
  };

  return (
    <div className="member-actions">
      <div className="button-row">
        {buttons.map((b) => (
          <button
            key={b.action}
            type="button"
            className={b.danger ? 'button button--danger-ghost button--small' : 'button button--ghost button--small'}
            onClick={() => {
              setError(null);
              setPending(b.action);
            }}
            disabled={busy}
            data-testid={`member-${b.action}`}
          >
            {b.label}
          </button>
        ))}
      </div>
      {error ? (
        <p className="field__error" role="alert" data-testid="member-action-error">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? (buttons.find((b) => b.action === pending)?.label ?? '') : ''}
        body={pending ? confirmBody[pending] : ''}
        confirmLabel={pending ? (buttons.find((b) => b.action === pending)?.label ?? '') : ''}
        danger={pending === 'remove' || pending === 'leave' || pending === 'transfer'}
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && void run(pending)}
      />
    </div>
  );
}
