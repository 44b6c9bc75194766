import { useState } from 'react';
import type { CombinedError } from 'urql';
import { useMutation, useQuery } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { ModerationSettingsQuery, SetBidVerificationRequiredMutation } from '../graphql/operations';

/** The "verified-only bidding" rule, with who changed it last (from the audit log). */
export function SettingsTab() {
  const t = useT();
  const format = useFormatters();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ModerationSettingsQuery, requestPolicy: 'network-only' });
  const [state, setRequired] = useMutation(SetBidVerificationRequiredMutation);
  const [saveError, setSaveError] = useState<CombinedError | undefined>();
  if (!data) {
    return error ? (
      <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
    ) : fetching ? (
      <LoadingState label={t('common.loading')} />
    ) : null;
  }
  const on = data.platformSettings.bidsVerifiedOrganizationsOnly;
  const last = data.auditLog.edges[0]?.node;
  const toggle = async () => {
    setSaveError(undefined);
    const r = await setRequired({ required: !on });
    if (r.error) return setSaveError(r.error);
    reexecute({ requestPolicy: 'network-only' });
  };
  return (
    <section className="card" data-testid="moderation-settings">
      <h2 className="card__title">{t('moderation.settings.verifiedOnly')}</h2>
      <p className="muted">{t('moderation.settings.explain')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={on} disabled={state.fetching} onChange={() => void toggle()} data-testid="settings-verified-only" />{' '}
        {t(on ? 'moderation.settings.on' : 'moderation.settings.off')}
      </label>
      {saveError ? (
        <FormAlert summary={summariseError(saveError, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      <p className="muted" data-testid="settings-last-change">
        {last
          ? t('moderation.settings.lastChange', {
              who: last.actor ? `${last.actor.displayName} (${last.actor.email})` : t('auditLog.system'),
              date: format.date(String(last.createdAt)),
            })
          : t('moderation.settings.neverChanged')}
      </p>
    </section>
  );
}
