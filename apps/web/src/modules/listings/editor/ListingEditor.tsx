import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate } from 'react-router';
import { useClient, type CombinedError } from 'urql';
import type { ListingKind } from '@/generated/graphql';
import { useT } from '@/i18n';
import { FormAlert, hasErrorCode, useFormErrors } from '@/shared/forms';
import { ConfirmDialog } from '@/shared/ui/ConfirmDialog';
import { StatusChip } from '../components/StatusChip';
import type { DetailLocationState } from '../detail/ListingDetailPage';
import {
  CreateDemandListingMutation,
  CreateSupplyListingMutation,
  SubmitListingMutation,
  UpdateDemandListingMutation,
  UpdateSupplyListingMutation,
} from '../graphql/operations';
import { useTrustChecklist } from '../hooks/useTrustChecklist';
import { listingConflict, type ListingConflict } from '../model/conflict';
import { describePath, listingFields, stepLabelKey, stepOfKey, STEPS, toFieldKey, type StepId } from '../model/fields';
import type { ListingState } from '../model/types';
import { buildInput, carryForward, editorFieldKeys, type ClientProblem, type EditorValues } from '../model/values';
import { EditorProvider, type EditorContextValue, type FieldWarning } from './context';
import { ReviewStep } from './ReviewStep';
import { BasicsStep, CapabilityStep, CommercialStep, ContactStep, DataStep } from './steps';
import { DemandFilesField } from './DemandFilesField';

const CONCEPT_ITEM = /^(AIRequirement|AICapability|DataProfile|TrustProfile)\.(\w+)\[(\d+)\]$/;

type Saved = { ok: true; listing: ListingState } | { ok: false };

interface ListingEditorProps {
  kind: ListingKind;
  /** The organization a new listing is created for. */
  organizationId: string;
  organizationLabel: string;
  /** The saved listing (null until the first save). */
  listing: ListingState | null;
  initialValues: EditorValues;
  /** Checklist item ids in the order the saved listing holds them (server paths index into it). */
  initialChecklistOrder?: readonly string[];
  /** Called after the first save created the listing. */
  onCreated: (listing: ListingState) => void;
}

/**
 * The guided listing editor: steps (basics → capability / requirement → data → commercial →
 * trust & contact → review), draft saving at any step, submission, server errors at their
 * fields with the steps that hold them marked, staff comments at the fields they name.
 */
export function ListingEditor({
  kind,
  organizationId,
  organizationLabel,
  listing: initialListing,
  initialValues,
  initialChecklistOrder = [],
  onCreated,
}: ListingEditorProps) {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const checklist = useTrustChecklist({ pause: kind !== 'SUPPLY' });
  const checklistIds = useMemo(() => checklist.items.map((item) => item.id), [checklist.items]);
  const steps = STEPS[kind];

  const [listing, setListing] = useState<ListingState | null>(initialListing);
  const [values, setValues] = useState<EditorValues>(initialValues);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initialValues));
  const [stepIndex, setStepIndex] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ListingConflict | null>(null);
  const [replaced, setReplaced] = useState<ReadonlySet<string>>(new Set());
  const checklistOrder = useRef<string[]>([...initialChecklistOrder]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  /** Bumped after a failed save: once rendered, the first problem is scrolled into view. */
  const [problemShown, setProblemShown] = useState(0);
  useEffect(() => {
    if (problemShown === 0) return;
    const invalid = panelRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field__error');
    const target = invalid ?? topRef.current;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (invalid && invalid.matches('input, textarea, select')) invalid.focus({ preventScroll: true });
  }, [problemShown]);

  const baseKeys = useMemo(() => listingFields(kind).map((field) => field.key), [kind]);
  const fieldKeys = editorFieldKeys(baseKeys, values, checklistIds);
  const mapPath = useCallback((path: string) => toFieldKey(path, checklistOrder.current), []);
  const describeUnknown = useCallback(
    (error: { path: string; message: string }) =>
      `${describePath(error.path, kind, t, { checklistQuestion: checklist.questionOf, checklistOrder: checklistOrder.current })}: ${error.message}`,
    [kind, t, checklist.questionOf],
  );
  const form = useFormErrors<string>(fieldKeys, { mapPath, describeUnknown });

  const dirty = JSON.stringify(values) !== savedJson;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // In-app navigation away with unsaved changes asks first. Refs, not state: a successful save
  // navigates (to the listing, or to its edit URL) before the next render.
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const savedJsonRef = useRef(savedJson);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && JSON.stringify(valuesRef.current) !== savedJsonRef.current,
  );

  const step = steps[stepIndex] ?? 'basics';
  const errorCounts = useMemo(() => {
    const counts = new Map<StepId, number>();
    for (const [key, errors] of Object.entries(form.summary.fields)) {
      const at = stepOfKey(key);
      counts.set(at, (counts.get(at) ?? 0) + errors.length);
    }
    return counts;
  }, [form.summary.fields]);

  const comments = useMemo(() => {
    const map = new Map<string, string[]>();
    if (listing?.review && listing.review.decision !== 'APPROVED') {
      for (const comment of listing.review.comments) {
        const key = toFieldKey(comment.path, checklistOrder.current);
        map.set(key, [...(map.get(key) ?? []), comment.comment]);
      }
    }
    return map;
  }, [listing]);
  const commentSteps = useMemo(() => new Set([...comments.keys()].map(stepOfKey)), [comments]);

  const warnings = useMemo(() => {
    const map = new Map<string, FieldWarning[]>();
    for (const warning of listing?.warnings ?? []) {
      if (replaced.has(warning.path)) continue;
      const key = toFieldKey(warning.path, checklistOrder.current);
      map.set(key, [
        ...(map.get(key) ?? []),
        { path: warning.path, message: warning.message, replacementId: warning.replacementId ?? null },
      ]);
    }
    return map;
  }, [listing, replaced]);

  const update = useCallback((patch: Partial<EditorValues>) => {
    setNotice(null);
    setValues((current) => carryForward(current, { ...current, ...patch }));
  }, []);

  const replaceConcept = useCallback((path: string, replacementId: string) => {
    setValues((current) => {
      const swap = (list: string[], index: number) =>
        list.includes(replacementId) ? list.filter((_, i) => i !== index) : list.map((id, i) => (i === index ? replacementId : id));
      if (path === 'regionId') return { ...current, regionId: replacementId };
      const caseIndustry = /^referenceCases\[(\d+)\]\.industryId$/.exec(path);
      if (caseIndustry) {
        const at = Number(caseIndustry[1]);
        return { ...current, referenceCases: current.referenceCases.map((c, i) => (i === at ? { ...c, industryId: replacementId } : c)) };
      }
      const match = CONCEPT_ITEM.exec(path);
      if (!match) return current;
      const [, submodel, element, index] = match as unknown as [string, string, string, string];
      const at = Number(index);
      if (submodel === 'AIRequirement' || submodel === 'AICapability') {
        const key = element as keyof EditorValues['capability'];
        if (!(key in current.capability)) return current;
        return { ...current, capability: { ...current.capability, [key]: swap(current.capability[key], at) } };
      }
      if (submodel === 'DataProfile' && (element === 'dataKinds' || element === 'systems'))
        return { ...current, [element]: swap(current[element], at) };
      if (submodel === 'TrustProfile' && element === 'certifications')
        return { ...current, certifications: swap(current.certifications, at) };
      return current;
    });
    setReplaced((current) => new Set([...current, path]));
  }, []);

  const goTo = useCallback(
    (target: StepId, options: { toError?: boolean } = {}) => {
      const index = steps.indexOf(target);
      if (index < 0) return;
      setStepIndex(index);
      // Going to a step to show its errors: the forms layer focuses the first field in error instead.
      if (options.toError) return;
      window.scrollTo({ top: 0 });
      window.requestAnimationFrame(() => headingRef.current?.focus({ preventScroll: true }));
    },
    [steps],
  );

  /** After an input error: stay when the current step shows some of it, else go to the first step that does. */
  const showErrorsFrom = useCallback(
    (error: CombinedError | undefined) => {
      form.setError(error);
      const keys = (error?.graphQLErrors ?? []).flatMap((e) => {
        const fields = e.extensions?.['fields'];
        return Array.isArray(fields)
          ? fields.flatMap((f: unknown) =>
              typeof f === 'object' && f && 'path' in f && typeof f.path === 'string' ? [toFieldKey(f.path, checklistOrder.current)] : [],
            )
          : [];
      });
      const errorSteps = new Set(keys.map(stepOfKey));
      if (errorSteps.size === 0 || errorSteps.has(step)) return;
      const first = steps.find((s) => errorSteps.has(s));
      if (first) goTo(first, { toError: true });
    },
    [form, goTo, step, steps],
  );

  const handleFailure = (error: CombinedError | undefined) => {
    const found = listingConflict(error);
    if (found) setConflict(found);
    else showErrorsFrom(error);
    setNotice(t('editor.saveFailed'));
    setProblemShown((n) => n + 1);
  };

  const clientProblemMessage = (problem: ClientProblem) =>
    problem === 'year'
      ? t('validation.year')
      : problem === 'integer'
        ? t('validation.integer')
        : problem === 'krw'
          ? t('forms.krwUnreadable')
          : t('validation.amount');

  const save = async (): Promise<Saved> => {
    form.clear();
    setNotice(null);
    setConflict(null);
    const built = buildInput(kind, values, checklistIds);
    if (Object.keys(built.problems).length > 0) {
      form.setFieldMessages(
        Object.fromEntries(Object.entries(built.problems).map(([key, problem]) => [key, clientProblemMessage(problem)])),
      );
      const first = steps.find((s) => Object.keys(built.problems).some((key) => stepOfKey(key) === s));
      if (first && first !== step) goTo(first, { toError: true });
      setNotice(t('editor.saveFailed'));
      setProblemShown((n) => n + 1);
      return { ok: false };
    }
    checklistOrder.current = built.checklistOrder;
    let result: { data?: ListingState; error?: CombinedError };
    if (built.kind === 'DEMAND') {
      const r = listing
        ? await client.mutation(UpdateDemandListingMutation, { id: listing.id, version: listing.version, input: built.input }).toPromise()
        : await client.mutation(CreateDemandListingMutation, { organizationId, input: built.input }).toPromise();
      result = {
        data: r.data ? ('updateDemandListing' in r.data ? r.data.updateDemandListing : r.data.createDemandListing) : undefined,
        error: r.error,
      };
    } else {
      const r = listing
        ? await client.mutation(UpdateSupplyListingMutation, { id: listing.id, version: listing.version, input: built.input }).toPromise()
        : await client.mutation(CreateSupplyListingMutation, { organizationId, input: built.input }).toPromise();
      result = {
        data: r.data ? ('updateSupplyListing' in r.data ? r.data.updateSupplyListing : r.data.createSupplyListing) : undefined,
        error: r.error,
      };
    }
    if (!result.data) {
      handleFailure(result.error);
      return { ok: false };
    }
    const saved = result.data;
    const created = !listing;
    setListing(saved);
    savedJsonRef.current = JSON.stringify(values);
    setSavedJson(savedJsonRef.current);
    if (created) onCreated(saved);
    return { ok: true, listing: saved };
  };

  const onSaveDraft = async () => {
    setBusy('save');
    const before = listing?.status;
    const result = await save();
    setBusy(null);
    if (!result.ok) return;
    if ((before === 'PUBLISHED' || before === 'PAUSED') && result.listing.status === 'SUBMITTED') {
      await navigate(`/listings/${result.listing.id}`, {
        state: { notice: 'resubmitted', version: result.listing.version } satisfies DetailLocationState,
      });
      return;
    }
    setNotice(before === 'PUBLISHED' || before === 'PAUSED' ? t('editor.saved') : t('editor.draftSaved'));
  };

  const onSubmit = async () => {
    setBusy('submit');
    const saved = await save();
    if (!saved.ok) {
      setBusy(null);
      return;
    }
    const r = await client.mutation(SubmitListingMutation, { id: saved.listing.id, version: saved.listing.version }).toPromise();
    setBusy(null);
    if (!r.data) {
      handleFailure(r.error);
      return;
    }
    await navigate(`/listings/${saved.listing.id}`, {
      state: { notice: 'submitted', version: r.data.submitListing.version } satisfies DetailLocationState,
    });
  };

  const reloadLatest = async () => {
    if (!listing) return;
    setConflict(null);
    await navigate(`/listings/${listing.id}/edit`, { replace: true, state: { reload: Date.now() } });
  };

  const status = listing?.status ?? 'DRAFT';
  const live = status === 'PUBLISHED' || status === 'PAUSED';
  const canSubmit = !listing || listing.availableActions.includes('submit');
  const last = stepIndex === steps.length - 1;

  const context: EditorContextValue = {
    kind,
    values,
    update,
    form,
    comments,
    warnings,
    replaceConcept,
    checklist: checklist.items,
  };

  const title = listing
    ? kind === 'DEMAND'
      ? t('editor.editDemand')
      : t('editor.editSupply')
    : kind === 'DEMAND'
      ? t('editor.newDemand')
      : t('editor.newSupply');

  return (
    <EditorProvider value={context}>
      <div className="page editor" data-testid="listing-editor" data-kind={kind} data-listing-id={listing?.id ?? ''}>
        <div className="page__header">
          <div>
            <h1>{title}</h1>
            <p className="page__lead">
              {organizationLabel}
              {listing ? (
                <>
                  {' · '}
                  <Link to={`/listings/${listing.id}`} data-testid="editor-view-listing">
                    {t('editor.viewListing')}
                  </Link>
                </>
              ) : null}
            </p>
          </div>
          {listing ? <StatusChip status={listing.status} testId="editor-status" /> : null}
        </div>

        {live ? (
          <p className="alert alert--info" data-testid="editor-live-notice">
            {t('editor.liveNotice')}
          </p>
        ) : null}
        {listing?.review && listing.review.decision !== 'APPROVED' && (listing.review.reason || listing.review.comments.length > 0) ? (
          <div className="review-feedback review-feedback--changes-requested" data-testid="editor-review-feedback">
            <p className="review-feedback__title">{t('review.feedbackTitle')}</p>
            {listing.review.reason ? <p className="review-feedback__reason">{listing.review.reason}</p> : null}
            {listing.review.comments.length > 0 ? (
              <p className="review-feedback__meta">{t('editor.commentsAtFields', { count: listing.review.comments.length })}</p>
            ) : null}
          </div>
        ) : null}

        <ol className="stepper" aria-label={t('editor.steps')}>
          {steps.map((s, index) => {
            const errors = errorCounts.get(s) ?? 0;
            const commented = commentSteps.has(s);
            return (
              <li key={s} className="stepper__item">
                <button
                  type="button"
                  className={[
                    'stepper__button',
                    index === stepIndex ? 'stepper__button--current' : '',
                    index < stepIndex ? 'stepper__button--done' : '',
                    errors > 0 ? 'stepper__button--error' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  aria-current={index === stepIndex ? 'step' : undefined}
                  onClick={() => goTo(s)}
                  data-testid={`editor-step-${index + 1}`}
                  data-step={s}
                  data-has-errors={errors > 0 ? 'true' : 'false'}
                >
                  <span className="stepper__number" aria-hidden="true">
                    {errors > 0 ? '!' : index + 1}
                  </span>
                  <span className="stepper__label">{t(stepLabelKey(s, kind))}</span>
                  {errors > 0 ? <span className="visually-hidden">{t('editor.stepErrors', { count: errors })}</span> : null}
                  {commented ? (
                    <span className="stepper__comment" title={t('editor.stepHasComments')}>
                      <span className="visually-hidden">{t('editor.stepHasComments')}</span>
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>

        <div ref={topRef} className="editor__alerts">
          {conflict ? (
            <div className="alert alert--error alert--with-action" role="alert" data-testid="editor-conflict">
              <p>{conflict.message}</p>
              {conflict.kind === 'stale' ? (
                <button type="button" className="button button--small" onClick={() => void reloadLatest()} data-testid="editor-reload">
                  {t('editor.reloadLatest')}
                </button>
              ) : listing ? (
                <Link to={`/listings/${listing.id}`} className="button button--small">
                  {t('editor.viewListing')}
                </Link>
              ) : null}
            </div>
          ) : null}
        </div>

        <section ref={panelRef} className="card editor__step" aria-labelledby="editor-step-heading" data-testid={`editor-panel-${step}`}>
          <h2 id="editor-step-heading" className="card__title" ref={headingRef} tabIndex={-1}>
            <span className="muted">{t('editor.stepOf', { current: stepIndex + 1, total: steps.length })}</span>{' '}
            {t(stepLabelKey(step, kind))}
          </h2>
          <form className="form" noValidate onSubmit={(event) => event.preventDefault()}>
            {step === 'basics' ? <BasicsStep /> : null}
            {step === 'capability' ? <CapabilityStep /> : null}
            {step === 'data' ? <DataStep /> : null}
            {step === 'commercial' ? <CommercialStep /> : null}
            {step === 'contact' ? <ContactStep /> : null}
            {step === 'review' ? <ReviewStep goTo={goTo} errorCounts={errorCounts} /> : null}
          </form>
          {step === 'basics' && kind === 'DEMAND' ? <DemandFilesField listingId={listing?.id ?? null} /> : null}
        </section>

        <div className="editor__footer" data-testid="editor-footer">
          <div className="editor__footer-alert">
            <FormAlert summary={form.summary} testId="editor-alert" id={form.alertId} />
          </div>
          <div className="editor__footer-inner">
            <button
              type="button"
              className="button button--ghost"
              onClick={() => goTo(steps[stepIndex - 1]!)}
              disabled={stepIndex === 0}
              data-testid="editor-back"
            >
              {t('editor.back')}
            </button>
            <span className="editor__state" role="status" data-testid="editor-state">
              {notice ?? (dirty ? t('editor.unsaved') : listing ? t('editor.savedVersion', { version: listing.version }) : '')}
            </span>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => void onSaveDraft()}
              disabled={busy !== null}
              data-testid="editor-save-draft"
            >
              {busy === 'save' ? t('common.working') : live ? t('editor.saveChanges') : t('editor.saveDraft')}
            </button>
            {!last ? (
              <button type="button" className="button" onClick={() => goTo(steps[stepIndex + 1]!)} data-testid="editor-next">
                {t('editor.next')}
              </button>
            ) : canSubmit ? (
              <button type="button" className="button" onClick={() => void onSubmit()} disabled={busy !== null} data-testid="editor-submit">
                {busy === 'submit' ? t('common.working') : t('editor.submit')}
              </button>
            ) : null}
          </div>
        </div>
        <ConfirmDialog
          open={blocker.state === 'blocked'}
          title={t('editor.leaveTitle')}
          body={t('editor.leaveBody')}
          confirmLabel={t('editor.leaveConfirm')}
          danger
          busy={false}
          onCancel={() => blocker.reset?.()}
          onConfirm={() => blocker.proceed?.()}
        />
      </div>
    </EditorProvider>
  );
}

/** NOT_FOUND / FORBIDDEN when loading a listing to edit. */
export function isMissing(error: CombinedError | undefined): boolean {
  return hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'FORBIDDEN');
}
