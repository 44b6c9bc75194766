import { useState } from 'react';
import { type CombinedError, useClient, useQuery } from 'urql';
import type { StaffProgramsQuery as Result, SupportProgramInput, SupportProgramStatus } from '@/generated/graphql';
import { useLocale, useT } from '@/i18n';
import { formatKrw } from '@/shared/format';
import { AmountInput, FormAlert, hasErrorCode, parseKrwInput, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { ConceptPicker } from '@/modules/vocabulary';
import {
  CreateSupportProgramMutation,
  EligibilityFactsQuery,
  PreviewProgramRulesQuery,
  SetSupportProgramStatusMutation,
  StaffProgramsQuery,
  UpdateSupportProgramMutation,
} from '../graphql/operations';
import { emptyRule, fromRule, type RuleDraft, toRuleInputs } from '../model/rules';

type Program = Result['supportPrograms']['edges'][number]['node'];
interface Draft {
  nameKo: string;
  nameEn: string;
  agencyKo: string;
  benefitKo: string;
  maxBenefit: string;
  opensOn: string;
  closesOn: string;
  url: string;
  sourceNote: string;
  rules: RuleDraft[];
}
const EMPTY: Draft = {
  nameKo: '',
  nameEn: '',
  agencyKo: '',
  benefitKo: '',
  maxBenefit: '',
  opensOn: '',
  closesOn: '',
  url: '',
  sourceNote: '',
  rules: [],
};
const draftOf = (p: Program): Draft => ({
  nameKo: p.nameKo,
  nameEn: p.nameEn ?? '',
  agencyKo: p.agencyKo,
  benefitKo: p.benefitKo,
  maxBenefit: p.maxBenefitKrw ? String(p.maxBenefitKrw) : '',
  opensOn: p.opensOn ?? '',
  closesOn: p.closesOn ?? '',
  url: p.url ?? '',
  sourceNote: p.sourceNote ?? '',
  rules: p.rules.map(fromRule),
});

/** `/staff/programs`: the support-program catalogue — list, create and edit with a rule editor and its preview, publish. */
export function StaffProgramsPage() {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [{ data: factsData }] = useQuery({ query: EligibilityFactsQuery });
  const facts = factsData?.eligibilityFacts ?? [];
  const [reloadKey, setReloadKey] = useState(0);
  const list = usePagedList<Result['supportPrograms']['edges'][number]>({
    key: `staff-programs:${reloadKey}`,
    idOf: (e) => e.node.id,
    fetchPage: async (c, after) => {
      const r = await c.query(StaffProgramsQuery, { first: 20, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.supportPrograms, error: r.error };
    },
  });
  const [editing, setEditing] = useState<Program | null>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<CombinedError | undefined>();
  const [preview, setPreview] = useState<{ eligibleOrganizations: number; possibleOrganizations: number } | null>(null);
  const summary = summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
  const conflict = hasErrorCode(error, 'CONFLICT');
  const fieldError = (path: string) => summary.fields[path]?.[0]?.message;

  const startEdit = (p: Program | null) => {
    setEditing(p);
    setDraft(p ? draftOf(p) : EMPTY);
    setError(undefined);
    setPreview(null);
    setOpen(true);
  };
  const setRule = (i: number, patch: Partial<RuleDraft>) =>
    setDraft({ ...draft, rules: draft.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const input = (): SupportProgramInput => {
    const max = parseKrwInput(draft.maxBenefit);
    return {
      nameKo: draft.nameKo,
      nameEn: draft.nameEn || null,
      agencyKo: draft.agencyKo,
      benefitKo: draft.benefitKo,
      maxBenefitKrw: typeof max === 'number' ? max : max === 'invalid' ? -1 : null,
      opensOn: draft.opensOn || null,
      closesOn: draft.closesOn || null,
      url: draft.url || null,
      sourceNote: draft.sourceNote || null,
      rules: toRuleInputs(draft.rules, facts),
    };
  };
  const save = async () => {
    const r = editing
      ? await client.mutation(UpdateSupportProgramMutation, { id: editing.id, version: editing.version, input: input() }).toPromise()
      : await client.mutation(CreateSupportProgramMutation, { input: input() }).toPromise();
    setError(r.error);
    if (!r.error) {
      setOpen(false);
      setReloadKey((k) => k + 1);
    }
  };
  const runPreview = async () => {
    const r = await client
      .query(PreviewProgramRulesQuery, { rules: toRuleInputs(draft.rules, facts) }, { requestPolicy: 'network-only' })
      .toPromise();
    setError(r.error);
    setPreview(r.data?.previewProgramRules ?? null);
  };
  const setStatus = async (p: Program, status: SupportProgramStatus) => {
    const r = await client.mutation(SetSupportProgramStatusMutation, { id: p.id, status }).toPromise();
    setError(r.error);
    if (!r.error) setReloadKey((k) => k + 1);
  };
  const text = (k: keyof Omit<Draft, 'rules'>) => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }),
    'data-testid': `program-${k}`,
  });

  return (
    <div className="page" data-testid="staff-programs-page">
      <div className="page__header">
        <div>
          <h1>{t('programs.staff.title')}</h1>
          <p className="page__lead">{t('programs.staff.lead')}</p>
        </div>
        <button type="button" className="button button--small" onClick={() => startEdit(null)} data-testid="program-new">
          {t('programs.staff.new')}
        </button>
      </div>
      {open ? (
        <form
          className="card form"
          data-testid="program-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {(
            [
              ['nameKo', 'programs.field.nameKo'],
              ['nameEn', 'programs.field.nameEn'],
              ['agencyKo', 'programs.field.agencyKo'],
              ['benefitKo', 'programs.field.benefitKo'],
              ['url', 'programs.field.url'],
              ['sourceNote', 'programs.field.sourceNote'],
            ] as const
          ).map(([k, label]) => (
            <div className="field" key={k}>
              <label htmlFor={`program-${k}`}>{t(label)}</label>
              <input id={`program-${k}`} {...text(k)} />
              {fieldError(k) ? <p className="field__error">{fieldError(k)}</p> : null}
            </div>
          ))}
          <div className="field">
            <label htmlFor="program-max">{t('programs.field.maxBenefit')}</label>
            <AmountInput
              props={{ id: 'program-max', name: 'maxBenefitKrw', 'aria-invalid': !!fieldError('maxBenefitKrw') }}
              value={draft.maxBenefit}
              onChange={(v) => setDraft({ ...draft, maxBenefit: v })}
              testId="program-max"
              unit={t('deduction.won')}
            />
            {fieldError('maxBenefitKrw') ? <p className="field__error">{fieldError('maxBenefitKrw')}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="program-opensOn">{t('programs.field.opensOn')}</label>
            <input id="program-opensOn" type="date" {...text('opensOn')} />
          </div>
          <div className="field">
            <label htmlFor="program-closesOn">{t('programs.field.closesOn')}</label>
            <input id="program-closesOn" type="date" {...text('closesOn')} />
            {fieldError('closesOn') ? <p className="field__error">{fieldError('closesOn')}</p> : null}
          </div>
          <fieldset data-testid="rule-editor">
            <legend>{t('programs.field.rules')}</legend>
            {draft.rules.map((rule, i) => {
              const fact = facts.find((f) => f.name === rule.fact);
              return (
                <div key={i} className="card programs__rule-edit" data-testid={`rule-${i}`}>
                  <select
                    aria-label={t('programs.rule.fact')}
                    value={rule.fact}
                    data-testid={`rule-fact-${i}`}
                    onChange={(e) => setRule(i, { ...emptyRule(e.target.value) })}
                  >
                    <option value="">{t('programs.rule.pick')}</option>
                    {facts.map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                  {fact?.type === 'enum'
                    ? fact.values.map((v) => (
                        <label key={v.value} className="checkbox">
                          <input
                            type="checkbox"
                            data-testid={`rule-${i}-value-${v.value}`}
                            checked={rule.values.includes(v.value)}
                            onChange={(e) =>
                              setRule(i, {
                                values: e.target.checked ? [...rule.values, v.value] : rule.values.filter((x) => x !== v.value),
                              })
                            }
                          />
                          {v.label}
                        </label>
                      ))
                    : null}
                  {fact?.type === 'concept' && fact.scheme ? (
                    <ConceptPicker
                      scheme={fact.scheme}
                      element={`rule-${i}`}
                      value={rule.values}
                      onChange={(ids) => setRule(i, { values: ids })}
                    />
                  ) : null}
                  {fact?.type === 'number' ? (
                    <>
                      <input
                        aria-label={t('programs.rule.min')}
                        placeholder={t('programs.rule.min')}
                        inputMode="numeric"
                        value={rule.min}
                        data-testid={`rule-${i}-min`}
                        onChange={(e) => setRule(i, { min: e.target.value })}
                      />
                      <input
                        aria-label={t('programs.rule.max')}
                        placeholder={t('programs.rule.max')}
                        inputMode="numeric"
                        value={rule.max}
                        data-testid={`rule-${i}-max`}
                        onChange={(e) => setRule(i, { max: e.target.value })}
                      />
                    </>
                  ) : null}
                  {fact?.type === 'boolean' ? (
                    <label className="checkbox">
                      <input type="checkbox" checked={rule.value} onChange={(e) => setRule(i, { value: e.target.checked })} />
                      {t('programs.rule.yes')}
                    </label>
                  ) : null}
                  {(fieldError(`rules.${i}`) ?? fieldError(`rules.${i}.values`)) ? (
                    <p className="field__error">{fieldError(`rules.${i}`) ?? fieldError(`rules.${i}.values`)}</p>
                  ) : null}
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })}
                  >
                    {t('deduction.removeLine')}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="button button--ghost button--small"
              data-testid="rule-add"
              onClick={() => setDraft({ ...draft, rules: [...draft.rules, emptyRule()] })}
            >
              {t('programs.rule.add')}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              data-testid="rule-preview"
              onClick={() => void runPreview()}
            >
              {t('programs.rule.preview')}
            </button>
            {preview ? (
              <p data-testid="rule-preview-result">
                {t('programs.rule.previewResult', { count: preview.eligibleOrganizations, possible: preview.possibleOrganizations })}
              </p>
            ) : null}
          </fieldset>
          <FormAlert summary={summary} />
          <div className="form__actions">
            <button type="submit" className="button" data-testid="program-save">
              {t('programs.staff.save')}
            </button>
            {conflict ? (
              <span className="field__error" data-testid="program-conflict">
                {t('programs.staff.conflict')}
              </span>
            ) : null}
            <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
              {t('programs.staff.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <ul className="programs__list" data-testid="staff-programs">
        {list.edges.map(({ node: p }) => (
          <li key={p.id} className="card programs__item" data-testid={`staff-program-${p.id}`}>
            <div className="programs__head">
              <strong>{locale === 'en' ? (p.nameEn ?? p.nameKo) : p.nameKo}</strong>
              <span className="chip">{t(`programs.status.${p.status}`)}</span>
              {p.isSample ? <span className="chip">{t('programs.sample')}</span> : null}
            </div>
            <p className="muted">
              {p.agencyKo}
              {p.maxBenefitKrw ? ` · ${t('programs.maxBenefit', { amount: formatKrw(p.maxBenefitKrw, locale) })}` : ''}
            </p>
            {p.isSample && p.sourceNote ? <p className="muted">{t('programs.source', { source: p.sourceNote })}</p> : null}
            <div className="programs__head">
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => startEdit(p)}
                data-testid={`program-edit-${p.id}`}
              >
                {t('programs.staff.edit')}
              </button>
              {p.status !== 'PUBLISHED' ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void setStatus(p, 'PUBLISHED')}
                  data-testid={`program-publish-${p.id}`}
                >
                  {t('programs.staff.publish')}
                </button>
              ) : (
                <button type="button" className="button button--ghost button--small" onClick={() => void setStatus(p, 'DRAFT')}>
                  {t('programs.staff.unpublish')}
                </button>
              )}
              {p.status !== 'ARCHIVED' ? (
                <button type="button" className="button button--ghost button--small" onClick={() => void setStatus(p, 'ARCHIVED')}>
                  {t('programs.staff.archive')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? t('common.loading') : t('listing.more')}
        </button>
      ) : null}
    </div>
  );
}
