import { useMemo, useState, type FormEvent } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { BidContentInput, BidFieldsFragment } from '@/generated/graphql';
import { BID_LIMITS } from '@aimatch/contracts';
import { useLocale, useT } from '@/i18n';
import { AmountInput, krwInputText, parseKrwInput } from '@/shared/forms';
import { groupDigits } from '@/shared/format';
import { organizationName, VerificationPanel } from '@/modules/organization';
import { useViewer } from '@/shared/session';
import { Field, FormAlert, useFormErrors } from '@/shared/forms';
import { CreateBidMutation, SubmitBidMutation, UpdateBidMutation } from '../graphql/operations';
import { formatKrwExact } from '../model/labels';
import { milestoneRowsOf, milestoneSum, partnerRowsOf, toBidContent, type MilestoneRow, type PartnerRow } from '../model/bid-form';
import { ConsortiumSection } from './ConsortiumSection';
import { BidFilesField } from './BidFilesField';
import { BidConfirmation } from './BidConfirmation';

export interface RequirementConcept {
  id: string;
  label: string;
}

export interface BidderOrganization {
  id: string;
  nameKo: string;
  nameEn?: string | null;
}

const PATHS = ['organizationId', 'amountKrw', 'durationWeeks', 'approach', 'milestones', 'coveredConceptIds', 'partners'] as const;
type Path = (typeof PATHS)[number];
const MAX_MILESTONES = BID_LIMITS.maxMilestones;
const MAX_APPROACH = BID_LIMITS.maxApproachChars;

/** How many partners still have to accept, when a submit was refused for that reason (else null). */
export function consortiumPending(error: CombinedError | undefined): number | null {
  const hit = error?.graphQLErrors.find((e) => e.extensions?.['reason'] === 'consortium-pending');
  if (!hit) return null;
  const pending = hit.extensions['pending'];
  return typeof pending === 'number' ? pending : 1;
}

/**
 * A supplier's bid on a published demand: total, duration, approach, milestones whose amounts
 * must add up to the total (running total shown), and the demand's required concepts it covers.
 * Saves a draft (create / update) or saves and submits; a submitted bid is revised in place.
 */
export function BidForm({
  demandId,
  requirement,
  organizations,
  bid,
  onSaved,
  onCancel,
}: {
  demandId: string;
  requirement: RequirementConcept[];
  organizations: BidderOrganization[];
  bid: BidFieldsFragment | null;
  onSaved: (notice: 'draft' | 'submitted' | 'revised' | { pending: number }) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const form = useFormErrors<Path>(PATHS, {
    mapPath: (path) => {
      const p = path.replace(/^input\./, '');
      if (p.startsWith('milestones')) return 'milestones';
      if (p.startsWith('coveredConceptIds')) return 'coveredConceptIds';
      if (p.startsWith('partners')) return 'partners';
      return p;
    },
  });
  const [organizationId, setOrganizationId] = useState(bid?.organizationId ?? organizations[0]?.id ?? '');
  const [amount, setAmount] = useState(bid ? String(bid.amountKrw) : '');
  const [weeks, setWeeks] = useState(bid ? String(bid.durationWeeks) : '');
  const [approach, setApproach] = useState(bid?.approach ?? '');
  const [rows, setRows] = useState<MilestoneRow[]>(() => milestoneRowsOf(bid));
  const [covered, setCovered] = useState<Set<string>>(() => new Set(bid?.coveredConceptIds ?? []));
  const [partners, setPartners] = useState<PartnerRow[]>(() => partnerRowsOf(bid));
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  /** The content being confirmed before it is submitted (#14 item 7), else null. */
  const [confirming, setConfirming] = useState<BidContentInput | null>(null);
  const revising = bid !== null && bid.status !== 'DRAFT';

  const total = parseKrwInput(amount);
  const sum = useMemo(() => milestoneSum(rows), [rows]);
  const balanced = typeof total === 'number' && sum !== null && sum === total;

  const setRow = (key: number, patch: Partial<MilestoneRow>) => {
    form.clearField('milestones');
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const content = (): BidContentInput | null => {
    const { input, problems } = toBidContent({ amount, weeks, approach, milestones: rows, covered, partners }, requirement);
    if (input) return input;
    const messages: Partial<Record<Path, string>> = {};
    if (problems.amountKrw) messages.amountKrw = t('bid.form.amountInvalid');
    if (problems.durationWeeks) messages.durationWeeks = t('bid.form.weeksInvalid');
    if (problems.milestones === 'invalid') messages.milestones = t('bid.form.milestoneInvalid');
    else if (problems.milestones)
      messages.milestones = t('bid.form.sumMismatch', {
        sum: formatKrwExact(problems.milestones.sum, locale),
        total: formatKrwExact(problems.milestones.total, locale),
      });
    if (problems.partners)
      messages.partners = t(problems.partners === 'shareInvalid' ? 'consortium.shareInvalid' : 'consortium.shareTooHigh');
    form.setFieldMessages(messages);
    return null;
  };

  const save = async (andSubmit: boolean, confirmed?: BidContentInput) => {
    form.clear();
    const input = confirmed ?? content();
    if (!input) return;
    setBusy(andSubmit || revising ? 'submit' : 'save');
    try {
      let state: { id: string; version: number; status: string } | null = null;
      if (bid) {
        const r = await client.mutation(UpdateBidMutation, { id: bid.id, version: bid.version, input }).toPromise();
        if (!r.data) return form.setError(r.error);
        state = r.data.updateBid;
      } else {
        const r = await client.mutation(CreateBidMutation, { input: { ...input, demandId, organizationId } }).toPromise();
        if (!r.data) return form.setError(r.error);
        state = r.data.createBid;
      }
      if (andSubmit && state.status === 'DRAFT') {
        const r = await client.mutation(SubmitBidMutation, { id: state.id, version: state.version }).toPromise();
        if (!r.data) {
          // The draft is saved; show why it could not be submitted, and let the page reload it.
          const pending = consortiumPending(r.error);
          if (pending !== null) {
            onSaved({ pending });
            return;
          }
          form.setError(r.error);
          onSaved('draft');
          return;
        }
        onSaved('submitted');
        return;
      }
      onSaved(revising ? 'revised' : 'draft');
    } finally {
      setBusy(null);
    }
  };

  // Submitting (or sending a revision) shows what will be sent first; the draft button saves directly.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const input = content();
    if (input) setConfirming(input);
  };
  const onConfirmed = async () => {
    const input = confirming;
    if (!input) return;
    // Closed first: a refusal then reveals its first field (not behind the modal).
    setConfirming(null);
    await save(!revising, input);
  };

  const milestoneErrors = form.fieldErrors('milestones');
  // Why the server refused the action, shown next to it: the organization's own problem (not
  // verified, suspended, wrong kind) has no field of its own when there is a single organization.
  const organizationErrors = form.fieldErrors('organizationId');
  const actionReasons = [
    ...organizationErrors.map((e) => e.message),
    ...(form.summary.codes.includes('BAD_USER_INPUT') ? [] : form.summary.general),
  ];
  const needsVerification = organizationErrors.some((e) => e.rule === 'verification-required');
  // The banner says the same real reason instead of the generic "check the input".
  const alertSummary = organizationErrors.length
    ? { ...form.summary, general: [...new Set(organizationErrors.map((e) => e.message))] }
    : form.summary;
  const viewerState = useViewer();
  const isOwnerOfBidder = viewerState.viewer?.memberships.some((m) => m.organization.id === organizationId && m.role === 'OWNER') ?? false;

  return (
    <>
      <form className="form bid-form" onSubmit={onSubmit} noValidate aria-busy={busy !== null} data-testid="bid-form">
        <FormAlert summary={alertSummary} testId="bid-alert" id={form.alertId} />
        {revising ? <p className="alert alert--info">{t('bid.form.revisingNote')}</p> : null}
        {!bid && organizations.length > 1 ? (
          <Field form={form} path="organizationId" label={t('bid.form.organization')} required>
            {(props) => (
              <select {...props} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)} data-testid="bid-organization">
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {organizationName(o, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="form__grid">
          <Field form={form} path="amountKrw" label={t('bid.form.amount')} hint={t('bid.form.amountHint')} required>
            {(props) => <AmountInput props={props} value={amount} onChange={setAmount} testId="bid-amount" unit={t('bid.form.krwUnit')} />}
          </Field>
          <Field form={form} path="durationWeeks" label={t('bid.form.weeks')} hint={t('bid.form.weeksHint')} required>
            {(props) => (
              <input
                {...props}
                type="number"
                min={BID_LIMITS.minWeeks}
                max={BID_LIMITS.maxWeeks}
                inputMode="numeric"
                value={weeks}
                onChange={(e) => setWeeks(e.target.value)}
                data-testid="bid-weeks"
              />
            )}
          </Field>
        </div>
        <Field
          form={form}
          path="approach"
          label={t('bid.form.approach')}
          hint={t('bid.form.approachHint', { count: approach.length, max: MAX_APPROACH })}
          required
        >
          {(props) => (
            <textarea
              {...props}
              rows={6}
              maxLength={MAX_APPROACH}
              value={approach}
              onChange={(e) => setApproach(e.target.value)}
              data-testid="bid-approach"
            />
          )}
        </Field>

        <fieldset
          className={milestoneErrors.length > 0 ? 'fieldset milestones field--invalid' : 'fieldset milestones'}
          data-testid="bid-milestones"
        >
          <legend className="field__label">
            {t('bid.form.milestones')}
            <span className="field__required" aria-hidden="true">
              {' *'}
            </span>
          </legend>
          <p className="field__hint">{t('bid.form.milestonesHint')}</p>
          <table className="table milestones__table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('bid.form.milestoneTitle')}</th>
                <th scope="col">{t('bid.form.milestoneWeeks')}</th>
                <th scope="col">{t('bid.form.milestoneAmount')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.key} data-testid={`bid-milestone-${index}`}>
                  <td>{index + 1}</td>
                  <td>
                    <input
                      aria-label={t('bid.form.milestoneTitleOf', { n: index + 1 })}
                      value={row.title}
                      maxLength={BID_LIMITS.maxMilestoneTitleChars}
                      onChange={(e) => setRow(row.key, { title: e.target.value })}
                      data-testid={`bid-milestone-title-${index}`}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('bid.form.milestoneWeeksOf', { n: index + 1 })}
                      type="number"
                      min={BID_LIMITS.minWeeks}
                      max={BID_LIMITS.maxWeeks}
                      className="milestones__weeks"
                      value={row.weeks}
                      onChange={(e) => setRow(row.key, { weeks: e.target.value })}
                      data-testid={`bid-milestone-weeks-${index}`}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('bid.form.milestoneAmountOf', { n: index + 1 })}
                      value={groupDigits(row.amount)}
                      onChange={(e) => setRow(row.key, { amount: krwInputText(e.target.value) })}
                      data-testid={`bid-milestone-amount-${index}`}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                      disabled={rows.length <= 1}
                      data-testid={`bid-milestone-remove-${index}`}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="milestones__footer">
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setRows((current) => [...current, { key: (current.at(-1)?.key ?? 0) + 1, title: '', weeks: '', amount: '' }])}
              disabled={rows.length >= MAX_MILESTONES}
              data-testid="bid-milestone-add"
            >
              {t('bid.form.addMilestone')}
            </button>
            <p
              className={balanced ? 'milestones__total milestones__total--ok' : 'milestones__total milestones__total--off'}
              role="status"
              data-testid="bid-milestone-total"
              data-balanced={balanced ? 'true' : 'false'}
            >
              {t('bid.form.runningTotal', {
                sum: sum === null ? '—' : formatKrwExact(sum, locale),
                total: typeof total === 'number' ? formatKrwExact(total, locale) : '—',
              })}{' '}
              {typeof total === 'number' && sum !== null && !balanced
                ? sum < total
                  ? t('bid.form.remaining', { amount: formatKrwExact(total - sum, locale) })
                  : t('bid.form.over', { amount: formatKrwExact(sum - total, locale) })
                : null}
            </p>
          </div>
          {milestoneErrors.length > 0 ? (
            <p className="field__error" id={form.ids('milestones').error} data-testid="field-error-milestones">
              {milestoneErrors.map((e) => e.message).join(' ')}
            </p>
          ) : null}
        </fieldset>

        {requirement.length > 0 ? (
          <fieldset className="fieldset" data-testid="bid-coverage">
            <legend className="field__label">{t('bid.form.covered')}</legend>
            <p className="field__hint">{t('bid.form.coveredHint')}</p>
            <div className="choice-list">
              {requirement.map((concept) => (
                <label key={concept.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={covered.has(concept.id)}
                    onChange={(e) =>
                      setCovered((current) => {
                        const next = new Set(current);
                        if (e.target.checked) next.add(concept.id);
                        else next.delete(concept.id);
                        return next;
                      })
                    }
                    data-testid={`bid-covers-${concept.id}`}
                  />{' '}
                  {concept.label}
                </label>
              ))}
            </div>
            {form.fieldErrors('coveredConceptIds').length > 0 ? (
              <p className="field__error" data-testid="field-error-coveredConceptIds">
                {form
                  .fieldErrors('coveredConceptIds')
                  .map((e) => e.message)
                  .join(' ')}
              </p>
            ) : null}
          </fieldset>
        ) : null}

        <ConsortiumSection
          leadOrganizationId={bid?.organizationId ?? organizationId}
          rows={partners}
          onChange={setPartners}
          saved={bid?.partners ?? []}
          locked={revising}
          errors={form.fieldErrors('partners').map((e) => e.message)}
        />

        <BidFilesField bidId={bid?.id ?? null} editable={!bid || bid.status === 'DRAFT' || bid.status === 'SUBMITTED'} />
        {actionReasons.length > 0 ? (
          <p className="field__error bid-form__reason" role="alert" data-testid="bid-action-reason">
            {[...new Set(actionReasons)].join(' ')}
          </p>
        ) : null}
        <div className="form__actions form__actions--end">
          {onCancel ? (
            <button type="button" className="button button--ghost" onClick={onCancel} data-testid="bid-cancel">
              {t('common.cancel')}
            </button>
          ) : null}
          {!revising ? (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void save(false)}
              disabled={busy !== null}
              data-testid="bid-save-draft"
            >
              {busy === 'save' ? t('common.working') : t('bid.form.saveDraft')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={busy !== null} data-testid="bid-submit">
            {busy === 'submit' ? t('common.working') : revising ? t('bid.form.saveRevision') : t('bid.form.submit')}
          </button>
        </div>
      </form>
      <BidConfirmation
        input={confirming}
        partners={partners}
        revising={revising}
        busy={busy !== null}
        onConfirm={() => void onConfirmed()}
        onEdit={() => setConfirming(null)}
      />
      {needsVerification ? <VerificationPanel organizationId={organizationId} canRequest={isOwnerOfBidder} context="bid" /> : null}
    </>
  );
}
