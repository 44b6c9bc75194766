import type { BidContentInput } from '@/generated/graphql';
import { useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { formatKrw } from '@/shared/format';
import { Dialog } from '@/shared/ui/Dialog';
import { CONSORTIUM_ROLE_KEYS, formatKrwExact } from '../model/labels';
import type { PartnerRow } from '../model/bid-form';

/**
 * The last look before a bid is sent (#14 item 7): the amount in words and digits, the duration,
 * the milestones and the consortium partners; "제출" sends it, "수정" goes back to the form.
 */
export function BidConfirmation({
  input,
  partners,
  revising,
  busy,
  onConfirm,
  onEdit,
}: {
  input: BidContentInput | null;
  partners: readonly PartnerRow[];
  revising: boolean;
  busy: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Dialog
      open={input !== null}
      onClose={onEdit}
      title={revising ? t('bid.confirm.titleRevision') : t('bid.confirm.title')}
      testId="bid-confirm"
      wide
    >
      {input ? (
        <div className="stack" data-testid="bid-confirm-summary">
          <p>{t('bid.confirm.lead')}</p>
          <dl className="details">
            <dt>{t('bid.form.amount')}</dt>
            <dd>
              <strong data-testid="bid-confirm-amount">{formatKrw(input.amountKrw, locale)}</strong>{' '}
              <span className="muted" data-testid="bid-confirm-amount-exact">
                ({formatKrwExact(input.amountKrw, locale)})
              </span>
            </dd>
            <dt>{t('bid.form.weeks')}</dt>
            <dd data-testid="bid-confirm-weeks">{t('bid.confirm.weeks', { weeks: input.durationWeeks })}</dd>
          </dl>
          <table className="table">
            <caption className="field__label">{t('bid.form.milestones')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('bid.form.milestoneTitle')}</th>
                <th scope="col">{t('bid.form.milestoneWeeks')}</th>
                <th scope="col">{t('bid.form.milestoneAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {input.milestones.map((m, i) => (
                <tr key={i} data-testid={`bid-confirm-milestone-${i}`}>
                  <td>{i + 1}</td>
                  <td>{m.title}</td>
                  <td>{t('bid.confirm.weeks', { weeks: m.weeks })}</td>
                  <td>{formatKrwExact(m.amountKrw, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <p className="field__label">{t('bid.confirm.partners')}</p>
            {partners.length === 0 ? (
              <p className="muted" data-testid="bid-confirm-partners">
                {t('bid.confirm.noPartners')}
              </p>
            ) : (
              <ul data-testid="bid-confirm-partners">
                {partners.map((p) => (
                  <li key={p.organization.id}>
                    {organizationName(p.organization, locale)} · {t(CONSORTIUM_ROLE_KEYS[p.role])} · {p.share}%
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="form__actions form__actions--end">
            <button type="button" className="button button--ghost" onClick={onEdit} data-testid="bid-confirm-edit">
              {t('bid.confirm.edit')}
            </button>
            <button type="button" className="button" onClick={onConfirm} disabled={busy} data-testid="bid-confirm-submit">
              {busy ? t('common.working') : t('bid.confirm.submit')}
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
