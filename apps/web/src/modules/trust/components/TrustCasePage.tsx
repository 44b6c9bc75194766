import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { Field, FormAlert, useFormErrors } from '@/shared/forms';
import { DismissTrustSignalsMutation, SuspendTrustCaseMutation, TrustCaseQuery, WarnOrganizationMutation } from '../graphql/operations';
import { TrustKindChip } from './TrustKindChip';

const PATHS = ['reason', 'ids'] as const;
type Action = 'warn' | 'suspend' | 'dismiss';

/** `/staff/trust/:organizationId`: the case: signals with their evidence and related organizations, actions with a reason, the trail. */
export function TrustCasePage() {
  const { organizationId = '' } = useParams();
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const form = useFormErrors(PATHS);
  const [{ data, error }, refetch] = useQuery({ query: TrustCaseQuery, variables: { organizationId }, requestPolicy: 'network-only' });
  const [warnState, warn] = useMutation(WarnOrganizationMutation);
  const [suspendState, suspend] = useMutation(SuspendTrustCaseMutation);
  const [dismissState, dismiss] = useMutation(DismissTrustSignalsMutation);
  const [reason, setReason] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = warnState.fetching || suspendState.fetching || dismissState.fetching;
  const c = data?.trustCase;

  const act = async (action: Action, event?: FormEvent) => {
    event?.preventDefault();
    form.clear();
    setNotice(null);
    const input = { organizationId, reason: reason.trim() };
    const result =
      action === 'warn'
        ? await warn({ input })
        : action === 'suspend'
          ? await suspend({ input })
          : await dismiss({ input: { ids: selected, reason: input.reason } });
    if (result.error) return form.setError(result.error);
    setReason('');
    setSelected([]);
    setNotice(t('trust.case.done'));
    refetch({ requestPolicy: 'network-only' });
  };

  if (error) return <FormAlert summary={form.summary ?? null} />;
  if (!c) return null;
  return (
    <div className="page trust-case" data-testid="trust-case-page">
      <div className="page__header">
        <div>
          <h1>{c.organization ? organizationName(c.organization, locale) : organizationId}</h1>
          <p className="page__lead">{t('trust.case.title')}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="trust-signals">
        <h2 id="trust-signals" className="card__title">
          {t('trust.case.signals')}
        </h2>
        <ul className="trust-signals" data-testid="trust-signals">
          {c.signals.map((s) => (
            <li key={s.id} className="trust-signal" data-testid="trust-signal" data-kind={s.kind} data-status={s.status}>
              <label className="trust-signal__head">
                {s.status === 'OPEN' ? (
                  <input
                    type="checkbox"
                    checked={selected.includes(s.id)}
                    onChange={(e) => setSelected((list) => (e.target.checked ? [...list, s.id] : list.filter((id) => id !== s.id)))}
                    data-testid="trust-signal-select"
                  />
                ) : null}
                <TrustKindChip kind={s.kind} />
                <span className="muted">{t(`trust.status.${s.status}`)}</span>
              </label>
              <p className="muted">
                {t('trust.case.seen', { first: format.date(String(s.firstSeenAt)), last: format.date(String(s.lastSeenAt)) })}
              </p>
              <pre className="trust-evidence" aria-label={t('trust.case.evidence')}>
                {JSON.stringify(JSON.parse(s.evidence), null, 2)}
              </pre>
              {s.relatedOrganizations.length ? (
                <p>
                  {t('trust.case.related')}:{' '}
                  {s.relatedOrganizations.map((o, i) => (
                    <span key={o.id}>
                      {i ? ', ' : ''}
                      <Link to={`/staff/trust/${o.id}`} data-testid="trust-related-link">
                        {organizationName(o, locale)}
                      </Link>
                    </span>
                  ))}
                </p>
              ) : null}
              {s.statusReason ? <p className="muted">{s.statusReason}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="trust-actions">
        <h2 id="trust-actions" className="card__title">
          {t('trust.case.actions')}
        </h2>
        {notice ? (
          <p className="alert alert--success" role="status" data-testid="trust-notice">
            {notice}
          </p>
        ) : null}
        <form className="form" onSubmit={(e) => void act('warn', e)} noValidate aria-busy={busy}>
          <FormAlert summary={form.summary} testId="trust-alert" />
          <Field form={form} path="reason" label={t('trust.case.reason')} required>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="trust-reason"
              />
            )}
          </Field>
          <div className="form__actions trust-actions">
            <button type="submit" className="button" disabled={busy} data-testid="trust-warn">
              {t('trust.case.warn')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy || c.organization?.verificationStatus === 'SUSPENDED'}
              onClick={() => void act('suspend')}
              data-testid="trust-suspend"
            >
              {t('trust.case.suspend')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              disabled={busy || selected.length === 0}
              onClick={() => void act('dismiss')}
              data-testid="trust-dismiss"
            >
              {t('trust.case.dismiss')}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="trust-trail">
        <h2 id="trust-trail" className="card__title">
          {t('trust.case.trail')}
        </h2>
        {c.trail.length ? (
          <ol className="trust-trail" data-testid="trust-trail">
            {c.trail.map((e) => (
              <li key={e.id} data-testid="trust-trail-entry" data-action={e.action}>
                <time dateTime={String(e.createdAt)}>{format.date(String(e.createdAt))}</time> · <code>{e.action}</code>
                {e.reason ? ` · ${e.reason}` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('trust.case.noTrail')}</p>
        )}
      </section>
    </div>
  );
}
