import { useMutation, useQuery } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import { AcceptConsentsMutation, MyConsentsQuery, useLegalDocuments, WithdrawConsentMutation } from '@/modules/legal';

/**
 * 내 계정 › 동의 내역: the consents the user gave (required ones stay while the account exists), optional ones
 * (marketing) granted or withdrawn here, and the history with dates.
 */
export function ConsentSection() {
  const t = useT();
  const format = useFormatters();
  const { documents } = useLegalDocuments();
  const [{ data }, refetch] = useQuery({ query: MyConsentsQuery, requestPolicy: 'cache-and-network' });
  const [grantState, grant] = useMutation(AcceptConsentsMutation);
  const [withdrawState, withdraw] = useMutation(WithdrawConsentMutation);
  const form = useFormErrors([] as const);
  const history = data?.myConsents ?? [];
  const busy = grantState.fetching || withdrawState.fetching;

  const isActive = (kind: string) => history.some((c) => c.kind === kind && !c.withdrawnAt);
  const titleOf = (kind: string) => documents.find((d) => d.kind === kind)?.title ?? kind;

  const toggle = async (doc: (typeof documents)[number]) => {
    form.clear();
    const result = isActive(doc.kind)
      ? await withdraw({ kind: doc.kind })
      : await grant({ consents: [{ kind: doc.kind, version: doc.version }] });
    if (result.error) form.setError(result.error);
    else refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card" aria-labelledby="consent-section-heading" data-testid="consent-section">
      <h2 id="consent-section-heading" className="card__title">
        {t('consent.section.title')}
      </h2>
      <p className="card__lead">{t('consent.section.lead')}</p>
      <FormAlert summary={form.summary} />
      <ul className="consent-fields__list">
        {documents.map((d) => (
          <li key={d.kind} className="consent-fields__item" data-testid={`consent-row-${d.kind}`}>
            <span className={d.required ? 'badge badge--required' : 'badge'}>
              {d.required ? t('consent.required') : t('consent.optional')}
            </span>{' '}
            {d.title}{' '}
            <span data-testid={`consent-state-${d.kind}`} data-active={isActive(d.kind)}>
              {isActive(d.kind) ? t('consent.state.active') : t('consent.state.none')}
            </span>{' '}
            {d.required ? null : (
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={busy}
                onClick={() => void toggle(d)}
                data-testid={`consent-toggle-${d.kind}`}
              >
                {isActive(d.kind) ? t('consent.withdraw') : t('consent.grant')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {history.length ? (
        <table className="table" data-testid="consent-history">
          <caption>{t('consent.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consent.history.document')}</th>
              <th scope="col">{t('consent.history.version')}</th>
              <th scope="col">{t('consent.history.granted')}</th>
              <th scope="col">{t('consent.history.withdrawn')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((c, i) => (
              <tr key={`${c.kind}-${c.version}-${i}`}>
                <td>{titleOf(c.kind)}</td>
                <td>{c.version}</td>
                <td>{format.date(c.grantedAt)}</td>
                <td>{c.withdrawnAt ? format.date(c.withdrawnAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
