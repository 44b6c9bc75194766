import { CASE_STUDY_LIMITS } from '@aimatch/contracts';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { CaseStudyFieldsFragment, CaseStudyInput } from '@/generated/graphql';
import { useGraphqlLocale, useT } from '@/i18n';
import { ConceptPicker, ConceptSelect } from '@/modules/vocabulary';
import { Field, FormAlert, parseYear, summariseError, useFormErrors } from '@/shared/forms';
import { ConfirmDialog } from '@/shared/ui/ConfirmDialog';
import {
  CaseStudiesQuery,
  CreateCaseStudyMutation,
  DeleteCaseStudyMutation,
  ReorderCaseStudiesMutation,
  UpdateCaseStudyMutation,
} from '../../graphql/operations';
import { CaseStudyCard } from './CaseStudiesSection';

const PATHS = ['title', 'client', 'industryId', 'year', 'summary', 'taskIds'] as const;

interface Values {
  title: string;
  client: string;
  industryId: string;
  year: string;
  summary: string;
  taskIds: string[];
}

const blank: Values = { title: '', client: '', industryId: '', year: '', summary: '', taskIds: [] };
const toValues = (c: CaseStudyFieldsFragment): Values => ({
  title: c.title,
  client: c.client ?? '',
  industryId: c.industry?.id ?? '',
  year: String(c.year),
  summary: c.summary,
  taskIds: c.tasks.map((task) => task.id),
});

/**
 * On `/organization`, for owners: the case studies / references the profile shows. Add (at most
 * CASE_STUDY_LIMITS.perOrganization), edit, delete, and move up or down; all of them on one page.
 */
export function CaseStudiesEditor({ organizationId }: { organizationId: string }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const [{ data, error }, reload] = useQuery({
    query: CaseStudiesQuery,
    variables: { id: organizationId, first: CASE_STUDY_LIMITS.perOrganization, locale },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [{ fetching: removing }, remove] = useMutation(DeleteCaseStudyMutation);
  const [{ fetching: moving }, reorder] = useMutation(ReorderCaseStudiesMutation);
  const [actionError, setActionError] = useState<string | null>(null);
  const items = data?.organization.caseStudies.edges.map((e) => e.node) ?? [];
  const full = items.length >= CASE_STUDY_LIMITS.perOrganization;
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const fail = (e: Parameters<typeof summariseError>[0]) =>
    setActionError(summariseError(e, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') }).general.join(' '));

  const move = async (index: number, by: -1 | 1) => {
    const ids = items.map((c) => c.id);
    const [a, b] = [ids[index], ids[index + by]];
    if (a === undefined || b === undefined) return;
    ids[index] = b;
    ids[index + by] = a;
    setActionError(null);
    const result = await reorder({ organizationId, ids });
    if (result.error) fail(result.error);
    refresh();
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    setActionError(null);
    const result = await remove({ id: deleting });
    setDeleting(null);
    if (result.error) fail(result.error);
    refresh();
  };

  return (
    <section className="card" aria-labelledby="case-studies-editor-heading" data-testid="case-studies-editor">
      <div className="card__header">
        <h2 id="case-studies-editor-heading" className="card__title">
          {t('profile.caseStudies.editorTitle')}
        </h2>
        <span className="muted" data-testid="case-studies-count">
          {t('profile.caseStudies.count', { count: items.length, max: CASE_STUDY_LIMITS.perOrganization })}
        </span>
      </div>
      <p className="muted">{t('profile.caseStudies.editorLead')}</p>
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {actionError ? (
        <p className="field__error" role="alert" data-testid="case-studies-action-error">
          {actionError}
        </p>
      ) : null}
      {data && items.length === 0 && editing !== 'new' ? (
        <p className="empty" data-testid="case-studies-editor-empty">
          {t('profile.caseStudies.emptyOwn')}
        </p>
      ) : null}
      <ol className="case-study-list case-study-list--editor">
        {items.map((c, index) => (
          <li key={c.id} data-testid={`case-study-row-${c.id}`}>
            {editing === c.id ? (
              <CaseStudyForm
                organizationId={organizationId}
                caseStudy={c}
                onDone={() => {
                  setEditing(null);
                  refresh();
                }}
              />
            ) : (
              <>
                <CaseStudyCard caseStudy={c} />
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => setEditing(c.id)}
                    data-testid={`case-study-edit-${c.id}`}
                  >
                    {t('profile.caseStudies.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => void move(index, -1)}
                    disabled={index === 0 || moving}
                    aria-label={t('profile.caseStudies.moveUp', { title: c.title })}
                    data-testid={`case-study-up-${c.id}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => void move(index, 1)}
                    disabled={index === items.length - 1 || moving}
                    aria-label={t('profile.caseStudies.moveDown', { title: c.title })}
                    data-testid={`case-study-down-${c.id}`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => setDeleting(c.id)}
                    data-testid={`case-study-delete-${c.id}`}
                  >
                    {t('common.remove')}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {editing === 'new' ? (
        <CaseStudyForm
          organizationId={organizationId}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
      ) : (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            onClick={() => setEditing('new')}
            disabled={full || editing !== null}
            data-testid="case-study-add"
          >
            {t('profile.caseStudies.add')}
          </button>
          {full ? <span className="muted">{t('profile.caseStudies.full', { max: CASE_STUDY_LIMITS.perOrganization })}</span> : null}
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('profile.caseStudies.deleteTitle')}
        body={t('profile.caseStudies.deleteBody')}
        confirmLabel={t('common.remove')}
        danger
        busy={removing}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void confirmDelete()}
      />
    </section>
  );
}

function CaseStudyForm({
  organizationId,
  caseStudy,
  onDone,
}: {
  organizationId: string;
  caseStudy?: CaseStudyFieldsFragment;
  onDone: () => void;
}) {
  const t = useT();
  const locale = useGraphqlLocale();
  const form = useFormErrors(PATHS, { mapPath: (path) => (path.startsWith('taskIds.') ? 'taskIds' : path) });
  const [values, setValues] = useState<Values>(() => (caseStudy ? toValues(caseStudy) : blank));
  const [{ fetching: creating }, create] = useMutation(CreateCaseStudyMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCaseStudyMutation);
  const busy = creating || updating;
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const year = parseYear(values.year);
    if (year === 'invalid' || year === undefined) {
      form.setFieldMessages({ year: t('validation.year') });
      return;
    }
    const input: CaseStudyInput = {
      title: values.title,
      client: values.client.trim() || null,
      industryId: values.industryId,
      year,
      summary: values.summary,
      taskIds: values.taskIds,
    };
    const result = caseStudy ? await update({ id: caseStudy.id, input, locale }) : await create({ organizationId, input, locale });
    if (result.error) form.setError(result.error);
    else onDone();
  };

  const prefix = caseStudy ? `case-study-form-${caseStudy.id}` : 'case-study-form';
  return (
    <form className="form case-study-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy} data-testid={prefix}>
      <FormAlert summary={form.summary} />
      <div className="form__grid">
        <Field
          form={form}
          path="title"
          label={t('profile.caseStudies.field.title')}
          required
          hint={`${values.title.length}/${CASE_STUDY_LIMITS.title}`}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={CASE_STUDY_LIMITS.title}
              value={values.title}
              onChange={(event) => set('title')(event.target.value)}
              data-testid="case-study-title"
            />
          )}
        </Field>
        <Field form={form} path="client" label={t('profile.caseStudies.field.client')} hint={t('profile.caseStudies.field.clientHint')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={CASE_STUDY_LIMITS.client}
              value={values.client}
              onChange={(event) => set('client')(event.target.value)}
              data-testid="case-study-client"
            />
          )}
        </Field>
        <Field form={form} path="industryId" label={t('profile.caseStudies.field.industry')} required>
          {(props) => (
            <ConceptSelect
              {...props}
              scheme="industry"
              value={values.industryId}
              onChange={set('industryId')}
              data-testid="case-study-industry"
            />
          )}
        </Field>
        <Field form={form} path="year" label={t('profile.caseStudies.field.year')} required>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              maxLength={4}
              value={values.year}
              onChange={(event) => set('year')(event.target.value)}
              data-testid="case-study-year"
            />
          )}
        </Field>
      </div>
      <Field
        form={form}
        path="summary"
        label={t('profile.caseStudies.field.summary')}
        required
        hint={`${values.summary.length}/${CASE_STUDY_LIMITS.summary}`}
      >
        {(props) => (
          <textarea
            {...props}
            rows={5}
            maxLength={CASE_STUDY_LIMITS.summary}
            value={values.summary}
            onChange={(event) => set('summary')(event.target.value)}
            data-testid="case-study-summary"
          />
        )}
      </Field>
      <Field form={form} path="taskIds" label={t('profile.caseStudies.field.tasks')}>
        {(props) => (
          <ConceptPicker
            id={props.id}
            name={props.name}
            aria-invalid={props['aria-invalid']}
            aria-describedby={props['aria-describedby']}
            scheme="task"
            element="case-study-tasks"
            max={CASE_STUDY_LIMITS.tasks}
            value={values.taskIds}
            onChange={set('taskIds')}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy} data-testid="case-study-save">
          {busy ? t('common.working') : t('profile.caseStudies.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone} data-testid="case-study-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
