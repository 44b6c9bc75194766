import { useId, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { CreateMatchAlertMutation, DeleteMatchAlertMutation, MatchAlertsQuery } from '../graphql/operations';

const DEFAULT_MIN_SCORE = 70;

/** Parses the minimum score field: a whole number 0..100, else null. */
export function parseMinScore(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const score = Number(trimmed);
  return score >= 0 && score <= 100 ? score : null;
}

/**
 * On a supply listing, for its owner: "notify me of new demands matching this listing with a
 * score of at least S" (createMatchAlert with supplyListingId & minScore), and the alerts
 * already set for this listing with delete.
 */
export function MatchAlertSettings({
  organizationId,
  supplyListingId,
  listingTitle,
}: {
  organizationId: string;
  supplyListingId: string;
  listingTitle: string;
}) {
  const t = useT();
  const format = useFormatters();
  const inputId = useId();
  const [{ data, fetching, error: loadError }, reload] = useQuery({
    query: MatchAlertsQuery,
    variables: { first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: creating }, createAlert] = useMutation(CreateMatchAlertMutation);
  const [{ fetching: deleting }, deleteAlert] = useMutation(DeleteMatchAlertMutation);
  const [minScore, setMinScore] = useState(String(DEFAULT_MIN_SCORE));
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<CombinedError | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const alerts = (data?.matchAlerts.edges ?? []).map((edge) => edge.node).filter((alert) => alert.supplyListingId === supplyListingId);
  const parsed = parseMinScore(minScore);

  const save = async () => {
    setNotice(null);
    setFailure(undefined);
    if (parsed === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const result = await createAlert({
      input: { organizationId, supplyListingId, minScore: parsed, name: t('alerts.defaultName', { title: listingTitle }).slice(0, 200) },
    });
    if (result.error) {
      setFailure(result.error);
      return;
    }
    setNotice(t('alerts.saved'));
    reload({ requestPolicy: 'network-only' });
  };

  const remove = async (id: string) => {
    setNotice(null);
    setFailure(undefined);
    const result = await deleteAlert({ id });
    if (result.error) {
      setFailure(result.error);
      return;
    }
    reload({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card match-alerts" aria-labelledby="match-alerts-heading" data-testid="match-alerts">
      <h2 id="match-alerts-heading" className="card__title">
        {t('alerts.title')}
      </h2>
      <form
        className="match-alerts__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <label htmlFor={inputId} className="match-alerts__label">
          {t('alerts.scoreLabel', { score: parsed ?? 'S' })}
        </label>
        <div className="match-alerts__row">
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={minScore}
            onChange={(event) => {
              setMinScore(event.target.value);
              setInvalid(false);
            }}
            aria-invalid={invalid || undefined}
            aria-describedby={`${inputId}-hint`}
            className="match-alerts__input"
            data-testid="match-alert-min-score"
          />
          <button type="submit" className="button button--small" disabled={creating} data-testid="match-alert-save">
            {creating ? t('common.working') : t('alerts.save')}
          </button>
        </div>
        <p id={`${inputId}-hint`} className={invalid ? 'field__error' : 'field__hint'} role={invalid ? 'alert' : undefined}>
          {invalid ? t('alerts.invalidScore') : t('alerts.minScoreHint')}
        </p>
      </form>
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="match-alert-notice">
          {notice}
        </p>
      ) : null}
      {failure || loadError ? (
        <FormAlert
          summary={summariseError(failure ?? loadError, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId="match-alert-error"
        />
      ) : null}
      <h3 className="subheading">{t('alerts.existing')}</h3>
      {alerts.length === 0 && !fetching ? <p className="muted">{t('alerts.none')}</p> : null}
      {alerts.length > 0 ? (
        <ul className="match-alerts__list" data-testid="match-alert-list">
          {alerts.map((alert) => (
            <li key={alert.id} className="match-alerts__item" data-testid={`match-alert-${alert.id}`}>
              <span>
                {alert.minScore !== null && alert.minScore !== undefined
                  ? t('alerts.item', { score: alert.minScore })
                  : t('alerts.itemAny')}
                <span className="muted"> · {format.date(alert.createdAt)}</span>
              </span>
              <button
                type="button"
                className="button button--danger-ghost button--small"
                onClick={() => void remove(alert.id)}
                disabled={deleting}
                aria-label={t('alerts.deleteLabel', { name: alert.name })}
                data-testid={`match-alert-delete-${alert.id}`}
              >
                {t('alerts.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
