import { useState, type FormEvent } from 'react';
import type { FieldCommentInput, ListingKind } from '@/generated/graphql';
import { cannedReviewReasons } from '@aimatch/contracts';
import { useLocale, useT } from '@/i18n';
import { FormActions, useFormErrors } from '@/shared/forms';
import { Dialog } from '@/shared/ui/Dialog';
import type { CommandExtras, CommandResult } from '../hooks/useListingCommand';
import { commentablePaths, stepLabelKey } from '../model/fields';

type Decision = 'approve' | 'reject' | 'requestChanges';

interface CommentRow {
  key: number;
  path: string;
  comment: string;
}

const PATHS = ['reason', 'comments'] as const;

/**
 * Staff decision dialog: approve (confirm), reject (reason required), request changes (reason
 * and/or comments per element path, chosen from the listing's sections).
 */
export function ReviewDecisionDialog({
  decision,
  kind,
  onClose,
  onConfirm,
  busy,
}: {
  decision: Decision | null;
  kind: ListingKind;
  onClose: () => void;
  onConfirm: (decision: Decision, extras: CommandExtras) => Promise<CommandResult>;
  busy: boolean;
}) {
  const t = useT();
  const title =
    decision === 'approve' ? t('review.approveTitle') : decision === 'reject' ? t('review.rejectTitle') : t('review.requestChangesTitle');
  return (
    <Dialog open={decision !== null} onClose={onClose} title={title} testId="review-dialog" wide={decision === 'requestChanges'}>
      {decision ? (
        <DecisionForm key={decision} decision={decision} kind={kind} onClose={onClose} onConfirm={onConfirm} busy={busy} />
      ) : null}
    </Dialog>
  );
}

function DecisionForm({
  decision,
  kind,
  onClose,
  onConfirm,
  busy,
}: {
  decision: Decision;
  kind: ListingKind;
  onClose: () => void;
  onConfirm: (decision: Decision, extras: CommandExtras) => Promise<CommandResult>;
  busy: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const form = useFormErrors(PATHS, { mapPath: (path) => (path.startsWith('comments') ? 'comments' : path) });
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<CommentRow[]>(() => (decision === 'requestChanges' ? [{ key: 1, path: 'title', comment: '' }] : []));
  const paths = commentablePaths(kind);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    if (decision === 'reject' && reason.trim() === '') {
      form.setFieldMessages({ reason: t('review.reasonRequired') });
      return;
    }
    const comments: FieldCommentInput[] = rows
      .filter((row) => row.comment.trim() !== '')
      .map((row) => ({ path: row.path, comment: row.comment.trim() }));
    if (decision === 'requestChanges' && reason.trim() === '' && comments.length === 0) {
      form.setFieldMessages({ reason: t('review.reasonOrComment') });
      return;
    }
    const result = await onConfirm(decision, { reason: reason.trim() || null, comments });
    if (!result.ok) form.setError(result.error);
  };

  const reasonErrors = form.fieldErrors('reason');
  const commentErrors = form.fieldErrors('comments');

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy}>
      {decision === 'approve' ? <p>{t('review.approveBody')}</p> : null}
      {decision !== 'approve' ? (
        <div className={reasonErrors.length > 0 ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={form.ids('reason').control}>
            {decision === 'reject' ? t('review.reason') : t('review.reasonOptional')}
            {decision === 'reject' ? (
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            ) : null}
          </label>
          <div className="chips canned-reasons" role="group" aria-label={t('review.cannedReasons')} data-testid="review-canned-reasons">
            {cannedReviewReasons(decision).map((canned) => {
              const text = locale === 'en' ? canned.en : canned.ko;
              return (
                <button
                  key={canned.id}
                  type="button"
                  className="chip canned-reasons__button"
                  title={text}
                  onClick={() => setReason((current) => (current.trim() === '' ? text : `${current.trimEnd()}\n${text}`))}
                  data-testid={`review-canned-${canned.id}`}
                >
                  {locale === 'en' ? canned.label.en : canned.label.ko}
                </button>
              );
            })}
          </div>
          <textarea
            {...form.controlProps('reason', { hasHint: true })}
            rows={4}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={2000}
            data-testid="review-reason"
          />
          <p className="field__hint" id={form.ids('reason').hint}>
            {decision === 'reject' ? t('review.rejectHint') : t('review.requestChangesHint')}
          </p>
          {reasonErrors.length > 0 ? (
            <p className="field__error" id={form.ids('reason').error} data-testid="field-error-reason">
              {reasonErrors.map((error) => error.message).join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      {decision === 'requestChanges' ? (
        <fieldset className="fieldset comment-rows">
          <legend className="field__label">{t('review.fieldComments')}</legend>
          {rows.map((row, index) => (
            <div key={row.key} className="comment-row" data-testid={`review-comment-${index}`}>
              <select
                aria-label={t('review.commentPath')}
                value={row.path}
                onChange={(event) => setRows((current) => current.map((r) => (r.key === row.key ? { ...r, path: event.target.value } : r)))}
                data-testid={`review-comment-path-${index}`}
              >
                {(['basics', 'capability', 'data', 'commercial', 'contact'] as const).map((step) => {
                  const inStep = paths.filter((p) => p.step === step);
                  if (inStep.length === 0) return null;
                  return (
                    <optgroup key={step} label={t(stepLabelKey(step, kind))}>
                      {inStep.map((p) => (
                        <option key={p.key} value={p.key}>
                          {t(p.label)}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
              <textarea
                aria-label={t('review.commentText')}
                rows={2}
                value={row.comment}
                maxLength={2000}
                onChange={(event) =>
                  setRows((current) => current.map((r) => (r.key === row.key ? { ...r, comment: event.target.value } : r)))
                }
                data-testid={`review-comment-text-${index}`}
              />
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                aria-label={t('review.removeComment')}
                data-testid={`review-comment-remove-${index}`}
              >
                {t('common.remove')}
              </button>
            </div>
          ))}
          {commentErrors.length > 0 ? (
            <p className="field__error" data-testid="field-error-comments">
              {commentErrors.map((error) => error.message).join(' ')}
            </p>
          ) : null}
          <div>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setRows((current) => [...current, { key: (current.at(-1)?.key ?? 0) + 1, path: 'title', comment: '' }])}
              disabled={rows.length >= 50}
              data-testid="review-comment-add"
            >
              {t('review.addComment')}
            </button>
          </div>
        </fieldset>
      ) : null}
      <FormActions form={form} testId="review-alert" className="form__actions--end">
        <button type="button" className="button button--ghost" onClick={onClose} data-testid="review-cancel">
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className={decision === 'reject' ? 'button button--danger' : 'button'}
          disabled={busy}
          data-testid="review-confirm"
        >
          {busy
            ? t('common.working')
            : t(
                decision === 'approve'
                  ? 'listing.action.approve'
                  : decision === 'reject'
                    ? 'listing.action.reject'
                    : 'listing.action.requestChanges',
              )}
        </button>
      </FormActions>
    </form>
  );
}
