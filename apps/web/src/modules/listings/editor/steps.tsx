import { useState } from 'react';
import type { ChecklistAnswer, DemandVisibility, LabellingState } from '@/generated/graphql';
import { MAX_LIST_ITEMS, TEXT_LIMITS } from '@aimatch/contracts';
import { useT } from '@/i18n';
import { DraftingHelp, type SuggestionField } from '@/modules/matching';
import { ConceptPicker, ConceptSelect } from '@/modules/vocabulary';
import {
  CAPABILITY_ELEMENTS,
  CAPABILITY_SCHEMES,
  capabilitySubmodel,
  checklistKey,
  referenceCaseKey,
  type CapabilityElement,
} from '../model/fields';
import { answerKey, labellingKey, visibilityKey } from '../model/labels';
import { CHECKLIST_ANSWERS, LABELLING_STATES, newReferenceCase, VISIBILITIES, type ReferenceCaseValues } from '../model/values';
import { CharCount, EditorField, FieldNotes, useEditor } from './context';
import { Checkbox, LanguagePicker } from './inputs';
import { AmountInput } from '@/shared/forms';

const LIST_ITEM = /\[(\d+)\]$/;

/** Ids of a concept list that a server error points at (`…tasks[2]` → the third id). */
function useInvalidIds(path: string, ids: readonly string[]): Set<string> {
  const { form } = useEditor();
  const invalid = new Set<string>();
  for (const error of form.fieldErrors(path)) {
    const match = LIST_ITEM.exec(error.path);
    const id = match ? ids[Number(match[1])] : undefined;
    if (id) invalid.add(id);
  }
  return invalid;
}

function ConceptListField({
  path,
  element,
  scheme,
  label,
  hint,
  value,
  onChange,
  required,
}: {
  path: string;
  element: string;
  scheme: string;
  label: string;
  hint?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  required?: boolean;
}) {
  const invalidIds = useInvalidIds(path, value);
  return (
    <EditorField path={path} label={label} hint={hint} required={required} wide>
      {({ required: _required, 'aria-required': _ariaRequired, ...props }) => (
        <ConceptPicker
          {...props}
          scheme={scheme}
          element={element}
          value={value}
          onChange={onChange}
          max={MAX_LIST_ITEMS}
          invalidIds={invalidIds}
        />
      )}
    </EditorField>
  );
}

function EnglishToggle({ children, initiallyOpen }: { children: React.ReactNode; initiallyOpen: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <div className="english-block">
      <button
        type="button"
        className="button button--ghost button--small"
        aria-expanded={open || initiallyOpen}
        onClick={() => setOpen((current) => !current)}
        data-testid="editor-toggle-english"
      >
        {open || initiallyOpen ? t('editor.hideEnglish') : t('editor.addEnglish')}
      </button>
      {open || initiallyOpen ? <div className="form__grid form__grid--single">{children}</div> : null}
    </div>
  );
}

export function BasicsStep() {
  const t = useT();
  const { kind, values, update, form } = useEditor();
  const englishNeeded =
    !!(values.titleEn || values.summaryEn || values.descriptionEn) ||
    ['titleEn', 'summaryEn', 'descriptionEn'].some((path) => form.fieldErrors(path).length > 0);

  return (
    <div className="form__grid form__grid--single">
      <p className="step-lead">{t('editor.lead.basics')}</p>
      <EditorField path="title" label={t('element.title')} required hint={<CharCount value={values.title} max={TEXT_LIMITS.title} />}>
        {(props) => (
          <input
            {...props}
            type="text"
            lang="ko"
            value={values.title}
            placeholder={kind === 'DEMAND' ? t('editor.placeholder.demandTitle') : t('editor.placeholder.supplyTitle')}
            onChange={(event) => update({ title: event.target.value })}
            data-testid="editor-title"
          />
        )}
      </EditorField>
      <EditorField
        path="summary"
        label={t('element.summary')}
        required
        hint={<CharCount value={values.summary} max={TEXT_LIMITS.summary} />}
      >
        {(props) => (
          <textarea
            {...props}
            lang="ko"
            rows={3}
            value={values.summary}
            placeholder={t('editor.placeholder.summary')}
            onChange={(event) => update({ summary: event.target.value })}
            data-testid="editor-summary"
          />
        )}
      </EditorField>
      <EditorField
        path="description"
        label={t('element.description')}
        required
        hint={<CharCount value={values.description} max={TEXT_LIMITS.description} />}
      >
        {(props) => (
          <textarea
            {...props}
            lang="ko"
            rows={8}
            value={values.description}
            placeholder={kind === 'DEMAND' ? t('editor.placeholder.demandDescription') : t('editor.placeholder.supplyDescription')}
            onChange={(event) => update({ description: event.target.value })}
            data-testid="editor-description"
          />
        )}
      </EditorField>
      <EnglishToggle initiallyOpen={englishNeeded}>
        <EditorField path="titleEn" label={t('element.titleEn')}>
          {(props) => (
            <input
              {...props}
              type="text"
              lang="en"
              value={values.titleEn}
              onChange={(event) => update({ titleEn: event.target.value })}
              data-testid="editor-title-en"
            />
          )}
        </EditorField>
        <EditorField path="summaryEn" label={t('element.summaryEn')}>
          {(props) => (
            <textarea
              {...props}
              lang="en"
              rows={3}
              value={values.summaryEn}
              onChange={(event) => update({ summaryEn: event.target.value })}
              data-testid="editor-summary-en"
            />
          )}
        </EditorField>
        <EditorField path="descriptionEn" label={t('element.descriptionEn')}>
          {(props) => (
            <textarea
              {...props}
              lang="en"
              rows={6}
              value={values.descriptionEn}
              onChange={(event) => update({ descriptionEn: event.target.value })}
              data-testid="editor-description-en"
            />
          )}
        </EditorField>
      </EnglishToggle>

      {kind === 'DEMAND' ? (
        <div className="form__grid">
          <EditorField path="regionId" label={t('element.regionId')} hint={t('editor.hint.region')}>
            {(props) => (
              <ConceptSelect
                {...props}
                scheme="region"
                value={values.regionId}
                onChange={(regionId) => update({ regionId })}
                data-testid="editor-region"
              />
            )}
          </EditorField>
          <EditorField path="bidDeadline" label={t('element.bidDeadline')} required hint={t('editor.hint.bidDeadline')}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={values.bidDeadline}
                onChange={(event) => update({ bidDeadline: event.target.value })}
                data-testid="editor-bid-deadline"
              />
            )}
          </EditorField>
          <EditorField path="onSiteRequired" label={t('element.onSiteRequired')}>
            {(props) => (
              <Checkbox
                props={props}
                checked={values.onSiteRequired}
                onChange={(onSiteRequired) => update({ onSiteRequired })}
                label={t('editor.onSiteRequiredLabel')}
                testId="editor-on-site"
              />
            )}
          </EditorField>
          <EditorField path="visibility" label={t('element.visibility')} hint={t('editor.hint.visibility')}>
            {(props) => (
              <select
                {...props}
                value={values.visibility}
                onChange={(event) => update({ visibility: event.target.value as DemandVisibility })}
                data-testid="editor-visibility"
              >
                {VISIBILITIES.map((visibility) => (
                  <option key={visibility} value={visibility}>
                    {t(visibilityKey(visibility))}
                  </option>
                ))}
              </select>
            )}
          </EditorField>
        </div>
      ) : null}
    </div>
  );
}

const CAPABILITY_LABELS: Record<
  CapabilityElement,
  {
    label:
      'element.tasks' | 'element.modalities' | 'element.industries' | 'element.deployments' | 'element.integrations' | 'element.languages';
    hint:
      | 'editor.hint.tasks'
      | 'editor.hint.modalities'
      | 'editor.hint.industries'
      | 'editor.hint.deployments'
      | 'editor.hint.integrations'
      | 'editor.hint.languages';
  }
> = {
  tasks: { label: 'element.tasks', hint: 'editor.hint.tasks' },
  modalities: { label: 'element.modalities', hint: 'editor.hint.modalities' },
  industries: { label: 'element.industries', hint: 'editor.hint.industries' },
  deployments: { label: 'element.deployments', hint: 'editor.hint.deployments' },
  integrations: { label: 'element.integrations', hint: 'editor.hint.integrations' },
  languages: { label: 'element.languages', hint: 'editor.hint.languages' },
};

export function CapabilityStep() {
  const t = useT();
  const { kind, values, update } = useEditor();
  const cap = capabilitySubmodel(kind);
  const set = (element: CapabilityElement, ids: string[]) => update({ capability: { ...values.capability, [element]: ids } });

  return (
    <div className="form__grid form__grid--single">
      <p className="step-lead">{kind === 'DEMAND' ? t('editor.lead.requirement') : t('editor.lead.capability')}</p>
      {kind === 'DEMAND' ? <DemandDraftingHelp /> : null}
      {CAPABILITY_ELEMENTS.map((element) =>
        element === 'languages' ? (
          <EditorField key={element} path={`${cap}.languages`} label={t('element.languages')} hint={t('editor.hint.languages')} wide>
            {(props) => <LanguagePicker props={props} value={values.capability.languages} onChange={(codes) => set('languages', codes)} />}
          </EditorField>
        ) : (
          <ConceptListField
            key={element}
            path={`${cap}.${element}`}
            element={element}
            scheme={CAPABILITY_SCHEMES[element]}
            label={t(CAPABILITY_LABELS[element].label)}
            hint={t(CAPABILITY_LABELS[element].hint)}
            value={values.capability[element]}
            onChange={(ids) => set(element, ids)}
            required={element === 'tasks'}
          />
        ),
      )}
    </div>
  );
}

/**
 * Drafting help on the requirement step: an accepted suggestion is appended to the requirement
 * list it names (the same values the concept pickers below show and the save sends).
 * Demands hold no certifications, so those suggestions cannot be added.
 */
function DemandDraftingHelp() {
  const { values, update } = useEditor();
  const held = (field: SuggestionField): readonly string[] | null => (field === 'certifications' ? null : values.capability[field]);
  return (
    <DraftingHelp
      initialText={values.summary}
      supports={(field) => held(field) !== null}
      isAccepted={(field, conceptId) => held(field)?.includes(conceptId) ?? false}
      onAccept={(field, conceptId) => {
        if (field === 'certifications') return;
        const current = values.capability[field];
        if (current.includes(conceptId) || current.length >= MAX_LIST_ITEMS) return;
        update({ capability: { ...values.capability, [field]: [...current, conceptId] } });
      }}
    />
  );
}

export function DataStep() {
  const t = useT();
  const { values, update } = useEditor();
  return (
    <div className="form__grid form__grid--single">
      <p className="step-lead">{t('editor.lead.data')}</p>
      <ConceptListField
        path="DataProfile.dataKinds"
        element="dataKinds"
        scheme="modality"
        label={t('element.dataKinds')}
        hint={t('editor.hint.dataKinds')}
        value={values.dataKinds}
        onChange={(dataKinds) => update({ dataKinds })}
      />
      <ConceptListField
        path="DataProfile.systems"
        element="systems"
        scheme="integration"
        label={t('element.systems')}
        hint={t('editor.hint.systems')}
        value={values.systems}
        onChange={(systems) => update({ systems })}
      />
      <div className="form__grid">
        <EditorField path="DataProfile.volumeDescription" label={t('element.volumeDescription')} hint={t('editor.hint.volume')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={200}
              value={values.volumeDescription}
              onChange={(event) => update({ volumeDescription: event.target.value })}
              data-testid="editor-volume"
            />
          )}
        </EditorField>
        <EditorField path="DataProfile.approximateRecords" label={t('element.approximateRecords')} hint={t('editor.hint.records')}>
          {(props) => (
            <AmountInput
              props={props}
              value={values.approximateRecords}
              onChange={(approximateRecords) => update({ approximateRecords })}
              testId="editor-records"
              kind="count"
              unit={t('editor.unit.records')}
            />
          )}
        </EditorField>
        <EditorField path="DataProfile.labelling" label={t('element.labelling')}>
          {(props) => (
            <select
              {...props}
              value={values.labelling}
              onChange={(event) => update({ labelling: event.target.value as LabellingState })}
              data-testid="editor-labelling"
            >
              {LABELLING_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(labellingKey(state))}
                </option>
              ))}
            </select>
          )}
        </EditorField>
        <div className="stack stack--tight">
          <EditorField path="DataProfile.sampleAvailable" label={t('element.sampleAvailable')}>
            {(props) => (
              <Checkbox
                props={props}
                checked={values.sampleAvailable}
                onChange={(sampleAvailable) => update({ sampleAvailable })}
                label={t('editor.sampleAvailableLabel')}
                testId="editor-sample"
              />
            )}
          </EditorField>
          <EditorField
            path="DataProfile.containsPersonalData"
            label={t('element.containsPersonalData')}
            hint={t('editor.hint.personalData')}
          >
            {(props) => (
              <Checkbox
                props={props}
                checked={values.containsPersonalData}
                onChange={(containsPersonalData) => update({ containsPersonalData })}
                label={t('editor.personalDataLabel')}
                testId="editor-personal-data"
              />
            )}
          </EditorField>
        </div>
      </div>
    </div>
  );
}

export function CommercialStep() {
  const t = useT();
  const { kind, values, update } = useEditor();
  const demand = kind === 'DEMAND';
  return (
    <div className="form__grid form__grid--single">
      <p className="step-lead">{demand ? t('editor.lead.budget') : t('editor.lead.price')}</p>
      <div className="form__grid">
        <EditorField path="CommercialTerms.minAmountKrw" label={demand ? t('element.minBudget') : t('element.minPrice')}>
          {(props) => (
            <AmountInput
              props={props}
              value={values.minAmountKrw}
              onChange={(minAmountKrw) => update({ minAmountKrw })}
              testId="editor-min-amount"
              unit={t('editor.unit.won')}
            />
          )}
        </EditorField>
        <EditorField path="CommercialTerms.maxAmountKrw" label={demand ? t('element.maxBudget') : t('element.maxPrice')}>
          {(props) => (
            <AmountInput
              props={props}
              value={values.maxAmountKrw}
              onChange={(maxAmountKrw) => update({ maxAmountKrw })}
              testId="editor-max-amount"
              unit={t('editor.unit.won')}
            />
          )}
        </EditorField>
        {demand ? (
          <>
            <EditorField path="CommercialTerms.desiredStartDate" label={t('element.desiredStartDate')}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={values.desiredStartDate}
                  onChange={(event) => update({ desiredStartDate: event.target.value })}
                  data-testid="editor-start-date"
                />
              )}
            </EditorField>
            <EditorField path="CommercialTerms.durationWeeks" label={t('element.durationWeeks')} hint={t('editor.hint.weeks')}>
              {(props) => (
                <div className="input-affix">
                  <input
                    {...props}
                    type="text"
                    inputMode="numeric"
                    value={values.durationWeeks}
                    onChange={(event) => update({ durationWeeks: event.target.value })}
                    data-testid="editor-duration"
                  />
                  <span className="input-affix__unit" aria-hidden="true">
                    {t('editor.unit.weeks')}
                  </span>
                </div>
              )}
            </EditorField>
          </>
        ) : (
          <EditorField path="CommercialTerms.leadTimeWeeks" label={t('element.leadTimeWeeks')} hint={t('editor.hint.weeks')}>
            {(props) => (
              <div className="input-affix">
                <input
                  {...props}
                  type="text"
                  inputMode="numeric"
                  value={values.leadTimeWeeks}
                  onChange={(event) => update({ leadTimeWeeks: event.target.value })}
                  data-testid="editor-lead-time"
                />
                <span className="input-affix__unit" aria-hidden="true">
                  {t('editor.unit.weeks')}
                </span>
              </div>
            )}
          </EditorField>
        )}
      </div>
      <p className="field__hint">{t('editor.hint.amounts')}</p>
    </div>
  );
}

function ChecklistRow({ itemId, question, index }: { itemId: string; question: string; index: number }) {
  const t = useT();
  const { values, update, form } = useEditor();
  const key = checklistKey(itemId);
  const entry = values.checklist[itemId] ?? { answer: '', note: '' };
  const errors = form.fieldErrors(key);
  const set = (patch: Partial<{ answer: ChecklistAnswer | ''; note: string }>) =>
    update({ checklist: { ...values.checklist, [itemId]: { ...entry, ...patch } } });
  const name = `checklist-${itemId}`;
  return (
    <li className={errors.length > 0 ? 'checklist__item checklist__item--invalid' : 'checklist__item'} data-testid={`checklist-${itemId}`}>
      <fieldset className="fieldset">
        <legend className="checklist__question">
          <span className="checklist__number">{index + 1}.</span> {question}
        </legend>
        <div className="segmented" role="radiogroup" aria-label={question}>
          {CHECKLIST_ANSWERS.map((answer) => (
            <label key={answer} className={entry.answer === answer ? 'segmented__option segmented__option--on' : 'segmented__option'}>
              <input
                type="radio"
                name={name}
                value={answer}
                checked={entry.answer === answer}
                onChange={() => set({ answer })}
                data-testid={`checklist-${itemId}-${answer}`}
              />
              {t(answerKey(answer))}
            </label>
          ))}
          {entry.answer ? (
            <button type="button" className="button button--ghost button--small" onClick={() => set({ answer: '' })}>
              {t('editor.clearAnswer')}
            </button>
          ) : null}
        </div>
        {entry.answer ? (
          <input
            type="text"
            className="checklist__note"
            aria-label={t('editor.checklistNote')}
            placeholder={t('editor.checklistNote')}
            maxLength={500}
            value={entry.note}
            onChange={(event) => set({ note: event.target.value })}
            data-testid={`checklist-${itemId}-note`}
          />
        ) : null}
        {errors.length > 0 ? (
          <p className="field__error" data-testid={`field-error-${key}`}>
            {errors.map((error) => error.message).join(' ')}
          </p>
        ) : null}
        <FieldNotes path={key} />
      </fieldset>
    </li>
  );
}

function ReferenceCaseEditor({ referenceCase, index }: { referenceCase: ReferenceCaseValues; index: number }) {
  const t = useT();
  const { values, update } = useEditor();
  const set = (patch: Partial<ReferenceCaseValues>) =>
    update({ referenceCases: values.referenceCases.map((c) => (c.key === referenceCase.key ? { ...c, ...patch } : c)) });
  return (
    <li className="case-editor" data-testid={`reference-case-${index}`}>
      <div className="case-editor__header">
        <h4>{t('element.referenceCase', { n: index + 1 })}</h4>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => update({ referenceCases: values.referenceCases.filter((c) => c.key !== referenceCase.key) })}
          data-testid={`reference-case-remove-${index}`}
        >
          {t('common.remove')}
        </button>
      </div>
      <div className="form__grid">
        <EditorField path={referenceCaseKey(index, 'title')} label={t('element.caseTitle')} required>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={120}
              value={referenceCase.title}
              onChange={(event) => set({ title: event.target.value })}
              data-testid={`reference-case-title-${index}`}
            />
          )}
        </EditorField>
        <EditorField path={referenceCaseKey(index, 'industryId')} label={t('element.caseIndustry')}>
          {(props) => (
            <ConceptSelect {...props} scheme="industry" value={referenceCase.industryId} onChange={(industryId) => set({ industryId })} />
          )}
        </EditorField>
        <EditorField path={referenceCaseKey(index, 'year')} label={t('element.caseYear')}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              maxLength={4}
              value={referenceCase.year}
              onChange={(event) => set({ year: event.target.value })}
              data-testid={`reference-case-year-${index}`}
            />
          )}
        </EditorField>
        <EditorField path={referenceCaseKey(index, 'summary')} label={t('element.caseSummary')} wide>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              value={referenceCase.summary}
              onChange={(event) => set({ summary: event.target.value })}
            />
          )}
        </EditorField>
      </div>
    </li>
  );
}

export function ContactStep() {
  const t = useT();
  const { kind, values, update, checklist, form } = useEditor();
  const supply = kind === 'SUPPLY';
  const checklistErrors = form.fieldErrors('TrustProfile.checklist');
  const casesErrors = form.fieldErrors('referenceCases');
  return (
    <div className="form__grid form__grid--single">
      {supply ? (
        <>
          <h3 className="subheading">{t('section.trust')}</h3>
          <ConceptListField
            path="TrustProfile.certifications"
            element="certifications"
            scheme="certification"
            label={t('element.certifications')}
            hint={t('editor.hint.certifications')}
            value={values.certifications}
            onChange={(certifications) => update({ certifications })}
          />
          <div className="editor-field editor-field--wide" data-field="TrustProfile.checklist">
            <p className="field__label">{t('element.checklist')}</p>
            <p className="field__hint">{t('editor.hint.checklist')}</p>
            {checklistErrors.length > 0 ? (
              <p className="field__error" data-testid="field-error-TrustProfile.checklist">
                {checklistErrors.map((error) => error.message).join(' ')}
              </p>
            ) : null}
            <FieldNotes path="TrustProfile.checklist" />
            <ol className="checklist">
              {checklist.map((item, index) => (
                <ChecklistRow key={item.id} itemId={item.id} question={item.question} index={index} />
              ))}
            </ol>
          </div>
          <div className="editor-field editor-field--wide" data-field="referenceCases">
            <h3 className="subheading">{t('element.referenceCases')}</h3>
            <p className="field__hint">{t('editor.hint.referenceCases')}</p>
            {casesErrors.length > 0 ? (
              <p className="field__error" data-testid="field-error-referenceCases">
                {casesErrors.map((error) => error.message).join(' ')}
              </p>
            ) : null}
            <FieldNotes path="referenceCases" />
            {values.referenceCases.length > 0 ? (
              <ol className="case-editors">
                {values.referenceCases.map((referenceCase, index) => (
                  <ReferenceCaseEditor key={referenceCase.key} referenceCase={referenceCase} index={index} />
                ))}
              </ol>
            ) : null}
            <div>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => update({ referenceCases: [...values.referenceCases, newReferenceCase()] })}
                disabled={values.referenceCases.length >= MAX_LIST_ITEMS}
                data-testid="reference-case-add"
              >
                {t('editor.addReferenceCase')}
              </button>
            </div>
          </div>
          <h3 className="subheading">{t('section.contact')}</h3>
        </>
      ) : (
        <p className="step-lead">{t('editor.lead.contact')}</p>
      )}
      <div className="form__grid">
        <EditorField path="ContactInformation.name" label={t('element.contactName')} required>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="name"
              maxLength={100}
              value={values.contactName}
              onChange={(event) => update({ contactName: event.target.value })}
              data-testid="editor-contact-name"
            />
          )}
        </EditorField>
        <EditorField path="ContactInformation.role" label={t('element.contactRole')}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="organization-title"
              maxLength={100}
              value={values.contactRole}
              onChange={(event) => update({ contactRole: event.target.value })}
              data-testid="editor-contact-role"
            />
          )}
        </EditorField>
        <EditorField path="ContactInformation.email" label={t('element.contactEmail')} required>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              value={values.contactEmail}
              onChange={(event) => update({ contactEmail: event.target.value })}
              data-testid="editor-contact-email"
            />
          )}
        </EditorField>
        <EditorField path="ContactInformation.phone" label={t('element.contactPhone')} hint={t('editor.hint.phone')}>
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="tel"
              value={values.contactPhone}
              onChange={(event) => update({ contactPhone: event.target.value })}
              data-testid="editor-contact-phone"
            />
          )}
        </EditorField>
      </div>
      <p className="field__hint">{t('editor.hint.contactVisibility')}</p>
    </div>
  );
}
