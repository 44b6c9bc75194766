import { useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocale, useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import { AcceptConsentsMutation, PendingConsentsQuery } from '../graphql/operations';
import { LegalDocumentBody } from './LegalDocumentText';

/**
 * The re-consent gate after sign-in: while a required document has a version the signed-in user has not
 * accepted (`pendingConsents`), this page stands in front of every page and lists what changed; accepting
 * records the current versions and lets the user go on. `enabled`: a user is signed in (the tree stays the same
 * either way, so pages do not remount when the session is restored).
 */
export function ConsentGate({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const context = useMemo(() => ({ requestPolicy: 'cache-and-network' as const, locale }), [locale]);
  const [{ data }, refetch] = useQuery({ query: PendingConsentsQuery, context, pause: !enabled });
  const [{ fetching }, accept] = useMutation(AcceptConsentsMutation);
  const form = useFormErrors([] as const);
  const [open, setOpen] = useState<string | null>(null);
  const pending = enabled ? (data?.pendingConsents ?? []) : [];
  // Until the answer is known (or when it failed) the page shows: the API refuses nothing for a pending consent.
  if (pending.length === 0) return <>{children}</>;

  const onAccept = async () => {
    form.clear();
    const result = await accept({ consents: pending.map((d) => ({ kind: d.kind, version: d.version })) });
    if (result.error) form.setError(result.error);
    else refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="page page--narrow" data-testid="consent-gate">
      <h1>{t('consent.gate.title')}</h1>
      <p className="page__lead">{t('consent.gate.lead')}</p>
      <FormAlert summary={form.summary} />
      <ul className="stack consent-gate__list">
        {pending.map((d) => (
          <li key={d.kind} className="card" data-testid={`consent-gate-${d.kind}`}>
            <h2 className="card__title">{d.title}</h2>
            <p className="field__hint">{t('consent.version', { version: d.version })}</p>
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={open === d.kind}
              onClick={() => setOpen(open === d.kind ? null : d.kind)}
            >
              {open === d.kind ? t('consent.hide') : t('consent.read')}
            </button>
            {open === d.kind ? <LegalDocumentBody body={d.body} /> : null}
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button type="button" className="button" disabled={fetching} onClick={() => void onAccept()} data-testid="consent-gate-accept">
          {fetching ? t('common.working') : t('consent.gate.accept')}
        </button>
      </div>
    </div>
  );
}
