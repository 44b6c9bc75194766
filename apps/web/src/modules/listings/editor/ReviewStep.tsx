import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useFormatters, useLocale, useT } from '@/i18n';
import { useConcepts } from '@/modules/vocabulary';
import { useLanguageNames } from '../hooks/useLanguageNames';
import { CAPABILITY_SCHEMES, stepLabelKey, stepOfKey, STEPS, type ConceptCapabilityElement, type StepId } from '../model/fields';
import { answerKey, labellingKey, visibilityKey } from '../model/labels';
import { formatKrwRange } from '@/shared/format';
import { parseAmount, parseKrwInput } from '@/shared/forms';
import { useEditor } from './context';

function ConceptNames({ scheme, ids }: { scheme: string; ids: readonly string[] }) {
  const t = useT();
  const { concepts } = useConcepts(scheme);
  const byId = useMemo(() => new Map(concepts.map((concept) => [concept.id, concept.label])), [concepts]);
  if (ids.length === 0) return <span className="muted">{t('common.notProvided')}</span>;
  return (
    <ul className="tags">
      {ids.map((id) => (
        <li key={id} className="tag">
          {byId.get(id) ?? id}
        </li>
      ))}
    </ul>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Text({ value }: { value: string }) {
  const t = useT();
  return value.trim() ? <span className="prose prose--short">{value}</span> : <span className="muted">{t('common.notProvided')}</span>;
}

const CAPABILITY_ROWS: Array<{
  element: ConceptCapabilityElement;
  label: 'element.tasks' | 'element.modalities' | 'element.industries' | 'element.deployments' | 'element.integrations';
}> = [
  { element: 'tasks', label: 'element.tasks' },
  { element: 'modalities', label: 'element.modalities' },
  { element: 'industries', label: 'element.industries' },
  { element: 'deployments', label: 'element.deployments' },
  { element: 'integrations', label: 'element.integrations' },
];

/** The last step: everything entered, readable, per step with a link back; problems listed first. */
export function ReviewStep({ goTo, errorCounts }: { goTo: (step: StepId) => void; errorCounts: ReadonlyMap<StepId, number> }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const languageName = useLanguageNames();
  const { kind, values, checklist, form } = useEditor();
  const demand = kind === 'DEMAND';
  const money = (() => {
    const min = parseKrwInput(values.minAmountKrw);
    const max = parseKrwInput(values.maxAmountKrw);
    return formatKrwRange(typeof min === 'number' ? min : null, typeof max === 'number' ? max : null, locale, t);
  })();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const problems = Object.entries(form.summary.fields);

  const section = (step: StepId, content: ReactNode) => (
    <section className="review-section" key={step} data-testid={`editor-review-${step}`}>
      <div className="review-section__header">
        <h3>{t(stepLabelKey(step, kind))}</h3>
        {(errorCounts.get(step) ?? 0) > 0 ? (
          <span className="step-error-badge">{t('editor.stepErrors', { count: errorCounts.get(step) ?? 0 })}</span>
        ) : null}
        <button type="button" className="button button--ghost button--small" onClick={() => goTo(step)}>
          {t('editor.editStep')}
        </button>
      </div>
      {content}
    </section>
  );

  return (
    <div className="review-step">
      <p className="step-lead">{t('editor.lead.review')}</p>
      {problems.length > 0 ? (
        <div className="alert alert--error" data-testid="editor-review-problems">
          <p className="alert__title">{t('editor.problemsTitle')}</p>
          <ul>
            {problems.map(([key, errors]) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => goTo(stepOfKey(key) === 'review' ? 'basics' : stepOfKey(key))}>
                  {t(stepLabelKey(stepOfKey(key) === 'review' ? 'basics' : stepOfKey(key), kind))}
                </button>
                : {errors.map((error) => error.message).join(' ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {STEPS[kind].map((step) => {
        switch (step) {
          case 'basics':
            return section(
              step,
              <dl className="details details--single">
                <Row label={t('element.title')}>
                  <Text value={values.title} />
                </Row>
                <Row label={t('element.summary')}>
                  <Text value={values.summary} />
                </Row>
                <Row label={t('element.description')}>
                  <Text value={values.description} />
                </Row>
                {values.titleEn || values.summaryEn ? (
                  <Row label={t('editor.englishVersion')}>
                    <Text value={[values.titleEn, values.summaryEn].filter(Boolean).join('\n')} />
                  </Row>
                ) : null}
                {demand ? (
                  <>
                    <Row label={t('element.regionId')}>
                      <ConceptNames scheme="region" ids={values.regionId ? [values.regionId] : []} />
                    </Row>
                    <Row label={t('element.bidDeadline')}>
                      {values.bidDeadline ? (
                        new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
                          new Date(values.bidDeadline),
                        )
                      ) : (
                        <span className="muted">{t('common.notProvided')}</span>
                      )}
                    </Row>
                    <Row label={t('element.onSiteRequired')}>{yesNo(values.onSiteRequired)}</Row>
                    <Row label={t('element.visibility')}>{t(visibilityKey(values.visibility))}</Row>
                  </>
                ) : null}
              </dl>,
            );
          case 'capability':
            return section(
              step,
              <dl className="details details--single">
                {CAPABILITY_ROWS.map((row) => (
                  <Row key={row.element} label={t(row.label)}>
                    <ConceptNames scheme={CAPABILITY_SCHEMES[row.element]} ids={values.capability[row.element]} />
                  </Row>
                ))}
                <Row label={t('element.languages')}>
                  {values.capability.languages.length > 0 ? (
                    values.capability.languages.map(languageName).join(', ')
                  ) : (
                    <span className="muted">{t('common.notProvided')}</span>
                  )}
                </Row>
              </dl>,
            );
          case 'data':
            return section(
              step,
              <dl className="details">
                <Row label={t('element.dataKinds')}>
                  <ConceptNames scheme="modality" ids={values.dataKinds} />
                </Row>
                <Row label={t('element.systems')}>
                  <ConceptNames scheme="integration" ids={values.systems} />
                </Row>
                <Row label={t('element.volumeDescription')}>
                  <Text value={values.volumeDescription} />
                </Row>
                <Row label={t('element.approximateRecords')}>
                  {typeof parseAmount(values.approximateRecords) === 'number' ? (
                    format.number(parseAmount(values.approximateRecords) as number)
                  ) : (
                    <span className="muted">{t('common.notProvided')}</span>
                  )}
                </Row>
                <Row label={t('element.labelling')}>{t(labellingKey(values.labelling))}</Row>
                <Row label={t('element.sampleAvailable')}>{yesNo(values.sampleAvailable)}</Row>
                <Row label={t('element.containsPersonalData')}>{yesNo(values.containsPersonalData)}</Row>
              </dl>,
            );
          case 'commercial':
            return section(
              step,
              <dl className="details">
                <Row label={demand ? t('listing.budget') : t('listing.price')}>{money ?? t('money.negotiable')}</Row>
                {demand ? (
                  <>
                    <Row label={t('element.desiredStartDate')}>
                      {values.desiredStartDate ? (
                        format.date(values.desiredStartDate)
                      ) : (
                        <span className="muted">{t('common.notProvided')}</span>
                      )}
                    </Row>
                    <Row label={t('element.durationWeeks')}>
                      {values.durationWeeks ? (
                        t('listing.weeks', { count: values.durationWeeks })
                      ) : (
                        <span className="muted">{t('common.notProvided')}</span>
                      )}
                    </Row>
                  </>
                ) : (
                  <Row label={t('element.leadTimeWeeks')}>
                    {values.leadTimeWeeks ? (
                      t('listing.weeks', { count: values.leadTimeWeeks })
                    ) : (
                      <span className="muted">{t('common.notProvided')}</span>
                    )}
                  </Row>
                )}
              </dl>,
            );
          case 'contact':
            return section(
              step,
              <dl className={demand ? 'details' : 'details details--single'}>
                {!demand ? (
                  <>
                    <Row label={t('element.certifications')}>
                      <ConceptNames scheme="certification" ids={values.certifications} />
                    </Row>
                    <Row label={t('element.checklist')}>
                      {t('editor.checklistAnswered', {
                        answered: checklist.filter((item) => values.checklist[item.id]?.answer).length,
                        total: checklist.length,
                      })}
                      {checklist.some((item) => values.checklist[item.id]?.answer) ? (
                        <ul className="plain-list">
                          {checklist
                            .filter((item) => values.checklist[item.id]?.answer)
                            .map((item) => (
                              <li key={item.id}>
                                <span className={`answer answer--${values.checklist[item.id]!.answer.toLowerCase()}`}>
                                  {t(answerKey(values.checklist[item.id]!.answer as 'YES' | 'NO' | 'NA'))}
                                </span>{' '}
                                {item.question}
                              </li>
                            ))}
                        </ul>
                      ) : null}
                    </Row>
                    <Row label={t('element.referenceCases')}>
                      {values.referenceCases.length > 0 ? (
                        <ul className="plain-list">
                          {values.referenceCases.map((referenceCase) => (
                            <li key={referenceCase.key}>
                              {referenceCase.title || t('listing.untitled')}
                              {referenceCase.year ? ` (${referenceCase.year})` : ''}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t('common.notProvided')}</span>
                      )}
                    </Row>
                  </>
                ) : null}
                <Row label={t('element.contactName')}>
                  <Text value={[values.contactName, values.contactRole].filter((v) => v.trim()).join(' · ')} />
                </Row>
                <Row label={t('element.contactEmail')}>
                  <Text value={values.contactEmail} />
                </Row>
                <Row label={t('element.contactPhone')}>
                  <Text value={values.contactPhone} />
                </Row>
              </dl>,
            );
          case 'review':
            return null;
        }
      })}
    </div>
  );
}
