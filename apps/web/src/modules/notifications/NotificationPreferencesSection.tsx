import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { isMessageKey, type SimpleMessageKey, useT } from '@/i18n';
import { FormAlert, useFormErrors } from '@/shared/forms';
import { useViewer } from '@/shared/session';
import { NotificationPreferencesQuery, UpdateNotificationPreferencesMutation } from './graphql/operations';

interface Channels {
  email: boolean;
  inApp: boolean;
}
type Preference = Channels & { type: string };

/** Types only association staff receive: not shown to members of organizations. */
const STAFF_TYPES = new Set(['VERIFICATION_REQUESTED', 'LISTING_SUBMITTED', 'CERTIFICATION_CLAIMED']);

/**
 * 내 계정 › 알림 설정: per notification type, whether it shows in the app (the bell) and whether it
 * is e-mailed. Each box saves at once; a refusal shows above the table.
 */
export function NotificationPreferencesSection() {
  const t = useT();
  const { isStaff } = useViewer();
  const [{ data, fetching }] = useQuery({ query: NotificationPreferencesQuery });
  const [saving, update] = useMutation(UpdateNotificationPreferencesMutation);
  const form = useFormErrors([] as const);
  // What the server last answered (the query, then each update's full list); a box shows its new state at once.
  const [saved, setSaved] = useState<Preference[] | null>(null);
  const [pending, setPending] = useState<Record<string, Channels>>({});
  const rows = (saved ?? data?.notificationPreferences ?? [])
    .filter((p) => isStaff || !STAFF_TYPES.has(p.type))
    .map((p) => ({ ...p, ...pending[p.type] }));

  const set = async (p: (typeof rows)[number], channel: 'email' | 'inApp', on: boolean) => {
    form.clear();
    const next = { email: p.email, inApp: p.inApp, [channel]: on };
    setPending((all) => ({ ...all, [p.type]: next }));
    const result = await update({ preferences: [{ type: p.type, ...next }] });
    setPending((all) => Object.fromEntries(Object.entries(all).filter(([type]) => type !== p.type)));
    if (result.error) form.setError(result.error);
    else if (result.data) setSaved(result.data.updateNotificationPreferences);
  };
  const label = (type: string) => {
    const key = `notifications.kind.${type}`;
    return isMessageKey(key) ? t(key as SimpleMessageKey) : type;
  };

  return (
    <section className="card" aria-labelledby="notification-prefs-heading" data-testid="notification-preferences">
      <h2 id="notification-prefs-heading" className="card__title">
        {t('notifications.prefs.title')}
      </h2>
      <p className="card__lead">{t('notifications.prefs.lead')}</p>
      <FormAlert summary={form.summary} />
      {fetching && !data ? <p className="muted">{t('common.loading')}</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table notification-prefs" aria-busy={saving.fetching}>
            <thead>
              <tr>
                <th scope="col">{t('notifications.prefs.type')}</th>
                <th scope="col">{t('notifications.prefs.inApp')}</th>
                <th scope="col">{t('notifications.prefs.email')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.type} data-testid={`notification-pref-${p.type}`}>
                  <th scope="row">{label(p.type)}</th>
                  <td>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={p.inApp}
                        onChange={(event) => void set(p, 'inApp', event.target.checked)}
                        data-testid={`notification-pref-${p.type}-inApp`}
                      />
                      <span className="visually-hidden">{`${label(p.type)} — ${t('notifications.prefs.inApp')}`}</span>
                    </label>
                  </td>
                  <td>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={p.email}
                        onChange={(event) => void set(p, 'email', event.target.checked)}
                        data-testid={`notification-pref-${p.type}-email`}
                      />
                      <span className="visually-hidden">{`${label(p.type)} — ${t('notifications.prefs.email')}`}</span>
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
