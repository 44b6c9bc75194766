import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { MembershipRole } from '@/generated/graphql';
import { useFormatters, useT } from '@/i18n';
import { Field, FormAlert, useFormErrors } from '@/shared/forms';
import { InviteMemberMutation } from '../graphql/operations';
import { MEMBERSHIP_ROLES, roleKey } from '../model/labels';

const PATHS = ['email', 'role'] as const;

export function invitationLink(token: string, email?: string): string {
  const query = new URLSearchParams({ invitation: token, ...(email ? { email } : {}) });
  return `${window.location.origin}/signup?${query.toString()}`;
}

/** Owner-only: invite someone by e-mail (the API mails the link) and show the same link to copy as a fallback. */
export function InviteForm({ organizationId, onInvited }: { organizationId: string; onInvited?: () => void }) {
  const t = useT();
  const format = useFormatters();
  const form = useFormErrors(PATHS);
  const [{ fetching }, invite] = useMutation(InviteMemberMutation);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [created, setCreated] = useState<{ email: string; link: string | null; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    setCreated(null);
    setCopied(false);
    const result = await invite({ input: { organizationId, email: email.trim(), role } });
    const invitation = result.data?.inviteMember;
    if (invitation) {
      setCreated({
        email: invitation.email,
        link: invitation.token ? invitationLink(invitation.token, invitation.email) : null,
        expiresAt: invitation.expiresAt,
      });
      setEmail('');
      onInvited?.();
    } else {
      form.setError(result.error);
    }
  };

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="card__title">
        {t('invite.title')}
      </h2>
      <p className="card__lead">{t('invite.lead')}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
        <FormAlert summary={form.summary} />
        <div className="form__grid">
          <Field form={form} path="email" label={t('invite.email')} required>
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="off"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                data-testid="invite-email"
              />
            )}
          </Field>
          <Field form={form} path="role" label={t('members.role')}>
            {(props) => (
              <select {...props} value={role} onChange={(event) => setRole(event.target.value as MembershipRole)} data-testid="invite-role">
                {MEMBERSHIP_ROLES.map((value) => (
                  <option key={value} value={value}>
                    {t(roleKey(value))}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching} data-testid="invite-submit">
            {fetching ? t('common.working') : t('invite.submit')}
          </button>
        </div>
      </form>

      {created ? (
        <div className="invite-result" role="status" data-testid="invite-result">
          <p data-testid="invite-mailed">{t('invite.mailed', { email: created.email, date: format.date(created.expiresAt) })}</p>
          {created.link ? <p className="table__muted">{t('invite.copyFallback')}</p> : null}
          {created.link ? (
            <div className="invite-result__link">
              <a href={created.link} data-testid="invite-link" className="code-link">
                {created.link}
              </a>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => void copy(created.link ?? '')}
                data-testid="invite-copy"
              >
                {copied ? t('invite.copied') : t('invite.copy')}
              </button>
            </div>
          ) : (
            <p>{t('invite.noToken')}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
