import { createContext, useContext, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useFormatters, useLocale, useT, type SimpleMessageKey } from '@/i18n';
import {
  CertificationChips,
  DeclaredCertification,
  OrganizationKindLabel,
  VerificationBadge,
  OrganizationLink,
} from '@/modules/organization';
import { ConceptList } from '../components/ConceptList';
import { useLanguageNames } from '../hooks/useLanguageNames';
import { useTrustChecklist } from '../hooks/useTrustChecklist';
import { capabilitySubmodel, checklistKey, type ConceptCapabilityElement } from '../model/fields';
import type { ListingDetail } from '../model/types';
import { answerKey, labellingKey, visibilityKey } from '../model/labels';
import { formatKrwRange, localized } from '@/shared/format';

/** Review comments keyed by field key (see `toFieldKey`). */
export type CommentsByKey = ReadonlyMap<string, readonly string[]>;

function Empty() {
  const t = useT();
  return <span className="muted">{t('common.notProvided')}</span>;
}

function Comments({ comments }: { comments: readonly string[] | undefined }) {
  const t = useT();
  if (!comments || comments.length === 0) return null;
  return (
    <div className="review-note" role="note">
      <span className="review-note__label">{t('review.commentAtField')}</span>
      {comments.map((comment, index) => (
        <p key={index} className="review-note__text">
          {comment}
        </p>
      ))}
    </div>
  );
}

/** Visitors see only what was filled in; the owner and staff also see what is missing. */
const HideEmptyContext = createContext(false);

function Row({
  label,
  path,
  comments,
  children,
  testId,
  empty = false,
}: {
  label: ReactNode;
  path?: string;
  comments: CommentsByKey;
  children: ReactNode;
  testId?: string;
  empty?: boolean;
}) {
  const hideEmpty = useContext(HideEmptyContext);
  const notes = path ? comments.get(path) : undefined;
  if (empty && hideEmpty && !notes) return null;
  return (
    <div className={notes ? 'details__row details__row--commented' : 'details__row'} data-path={path}>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {children}
        <Comments comments={notes} />
      </dd>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="card listing-section" aria-label={title} data-testid={testId}>
      <h2 className="card__title">{title}</h2>
      {children}
    </section>
  );
}

function YesNo({ value }: { value: boolean }) {
  const t = useT();
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

const CAPABILITY_ROWS: Array<{ element: ConceptCapabilityElement; label: SimpleMessageKey }> = [
  { element: 'tasks', label: 'element.tasks' },
  { element: 'modalities', label: 'element.modalities' },
  { element: 'industries', label: 'element.industries' },
  { element: 'deployments', label: 'element.deployments' },
  { element: 'integrations', label: 'element.integrations' },
];

/** The listing's metadata as readable sections; every value renders as text. */
export function ListingSections({
  listing,
  comments,
  showMissing,
}: {
  listing: ListingDetail;
  comments: CommentsByKey;
  /** Show rows without a value (owner and staff). */
  showMissing: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const location = useLocation();
  const languageName = useLanguageNames();
  const supply = listing.__typename === 'SupplyListing' ? listing : null;
  const demand = listing.__typename === 'DemandListing' ? listing : null;
  const checklist = useTrustChecklist({ pause: !supply });
  const summary = localized(listing.summary, listing.summaryEn, locale);
  const description = localized(listing.description, listing.descriptionEn, locale);
  const otherSummary = summary.lang === 'ko' ? listing.summaryEn : listing.summary;
  const otherDescription = description.lang === 'ko' ? listing.descriptionEn : listing.description;
  const cap = capabilitySubmodel(listing.kind);
  const elements = demand ? demand.requirement : supply!.capability;
  const terms = listing.commercialTerms;
  const money = formatKrwRange(terms.minAmountKrw, terms.maxAmountKrw, locale, t);
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <HideEmptyContext.Provider value={!showMissing}>
      <div className="listing-sections">
        <Section title={t('section.overview')} testId="section-overview">
          <dl className="details details--single">
            <Row label={t('element.summary')} path="summary" comments={comments} testId="listing-summary">
              {summary.text ? <span lang={summary.lang}>{summary.text}</span> : <Empty />}
            </Row>
            <Row label={t('element.description')} path="description" comments={comments} testId="listing-description">
              {description.text ? (
                <div className="prose" lang={description.lang}>
                  {description.text}
                </div>
              ) : (
                <Empty />
              )}
            </Row>
          </dl>
          {otherSummary || otherDescription || (summary.lang === 'ko' && listing.titleEn) ? (
            <details className="other-language">
              <summary>{summary.lang === 'ko' ? t('listing.showEnglish') : t('listing.showKorean')}</summary>
              <div lang={summary.lang === 'ko' ? 'en' : 'ko'}>
                <p className="other-language__title">{summary.lang === 'ko' ? listing.titleEn : listing.title}</p>
                {otherSummary ? <p>{otherSummary}</p> : null}
                {otherDescription ? <div className="prose">{otherDescription}</div> : null}
              </div>
            </details>
          ) : null}
        </Section>

        {demand ? (
          <Section title={t('section.conditions')} testId="section-conditions">
            <dl className="details">
              <Row label={t('element.regionId')} path="regionId" comments={comments} empty={!demand.region}>
                {demand.region ? demand.region.label : <Empty />}
              </Row>
              <Row label={t('element.onSiteRequired')} path="onSiteRequired" comments={comments}>
                <YesNo value={demand.onSiteRequired} />
              </Row>
              <Row label={t('element.bidDeadline')} path="bidDeadline" comments={comments} testId="listing-bid-deadline">
                {demand.bidDeadline ? dateTime(demand.bidDeadline) : <Empty />}
              </Row>
              <Row label={t('element.visibility')} path="visibility" comments={comments}>
                {t(visibilityKey(demand.visibility))}
              </Row>
            </dl>
          </Section>
        ) : null}

        <Section title={demand ? t('editor.step.requirement') : t('editor.step.capability')} testId="section-capability">
          <dl className="details details--single">
            {CAPABILITY_ROWS.map((row) => (
              <Row
                key={row.element}
                label={t(row.label)}
                path={`${cap}.${row.element}`}
                comments={comments}
                empty={elements[row.element].length === 0}
              >
                <ConceptList concepts={elements[row.element]} testId={`listing-${row.element}`} />
              </Row>
            ))}
            <Row label={t('element.languages')} path={`${cap}.languages`} comments={comments} empty={elements.languages.length === 0}>
              {elements.languages.length > 0 ? elements.languages.map(languageName).join(', ') : <Empty />}
            </Row>
          </dl>
        </Section>

        {demand ? (
          <Section title={t('editor.step.data')} testId="section-data">
            <dl className="details">
              <Row
                label={t('element.dataKinds')}
                path="DataProfile.dataKinds"
                comments={comments}
                empty={demand.dataProfile.dataKinds.length === 0}
              >
                <ConceptList concepts={demand.dataProfile.dataKinds} />
              </Row>
              <Row
                label={t('element.systems')}
                path="DataProfile.systems"
                comments={comments}
                empty={demand.dataProfile.systems.length === 0}
              >
                <ConceptList concepts={demand.dataProfile.systems} />
              </Row>
              <Row
                label={t('element.volumeDescription')}
                path="DataProfile.volumeDescription"
                comments={comments}
                empty={!demand.dataProfile.volumeDescription}
              >
                {demand.dataProfile.volumeDescription || <Empty />}
              </Row>
              <Row
                label={t('element.approximateRecords')}
                path="DataProfile.approximateRecords"
                comments={comments}
                empty={demand.dataProfile.approximateRecords === null || demand.dataProfile.approximateRecords === undefined}
              >
                {demand.dataProfile.approximateRecords !== null && demand.dataProfile.approximateRecords !== undefined ? (
                  format.number(demand.dataProfile.approximateRecords)
                ) : (
                  <Empty />
                )}
              </Row>
              <Row label={t('element.labelling')} path="DataProfile.labelling" comments={comments}>
                {t(labellingKey(demand.dataProfile.labelling))}
              </Row>
              <Row label={t('element.sampleAvailable')} path="DataProfile.sampleAvailable" comments={comments}>
                <YesNo value={demand.dataProfile.sampleAvailable} />
              </Row>
              <Row label={t('element.containsPersonalData')} path="DataProfile.containsPersonalData" comments={comments}>
                <YesNo value={demand.dataProfile.containsPersonalData} />
              </Row>
            </dl>
          </Section>
        ) : null}

        <Section title={demand ? t('editor.step.budget') : t('editor.step.price')} testId="section-commercial">
          <dl className="details">
            <Row
              label={demand ? t('listing.budget') : t('listing.price')}
              path="CommercialTerms.minAmountKrw"
              comments={comments}
              testId="listing-money"
            >
              {money ?? t('money.negotiable')}
            </Row>
            {demand ? (
              <>
                <Row
                  label={t('element.desiredStartDate')}
                  path="CommercialTerms.desiredStartDate"
                  comments={comments}
                  empty={!terms.desiredStartDate}
                >
                  {terms.desiredStartDate ? format.date(terms.desiredStartDate) : <Empty />}
                </Row>
                <Row
                  label={t('element.durationWeeks')}
                  path="CommercialTerms.durationWeeks"
                  comments={comments}
                  empty={!terms.durationWeeks}
                >
                  {terms.durationWeeks ? t('listing.weeks', { count: terms.durationWeeks }) : <Empty />}
                </Row>
              </>
            ) : (
              <Row label={t('element.leadTimeWeeks')} path="CommercialTerms.leadTimeWeeks" comments={comments} empty={!terms.leadTimeWeeks}>
                {terms.leadTimeWeeks ? t('listing.weeks', { count: terms.leadTimeWeeks }) : <Empty />}
              </Row>
            )}
          </dl>
          <Comments comments={comments.get('CommercialTerms.maxAmountKrw')} />
        </Section>

        {supply ? (
          <Section title={t('section.trust')} testId="section-trust">
            <dl className="details details--single">
              <Row
                label={t('element.certifications')}
                path="TrustProfile.certifications"
                comments={comments}
                empty={supply.trustProfile.certifications.length === 0}
              >
                <ConceptList concepts={supply.trustProfile.certifications} testId="listing-certifications" />
                {supply.trustProfile.certifications.length > 0 ? (
                  <ul className="plain-list" data-testid="listing-certifications-checked">
                    {supply.trustProfile.certifications.map((c) => (
                      <li key={c.id}>
                        {c.label}
                        <DeclaredCertification conceptId={c.id} verified={listing.organization.certifications} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Row>
            </dl>
            <h3 className="subheading">{t('element.checklist')}</h3>
            <Comments comments={comments.get('TrustProfile.checklist')} />
            {supply.trustProfile.checklist.length > 0 ? (
              <ul className="checklist-view" data-testid="listing-checklist">
                {supply.trustProfile.checklist.map((entry) => (
                  <li key={entry.itemId} className="checklist-view__item">
                    <span className={`answer answer--${entry.answer.toLowerCase()}`}>{t(answerKey(entry.answer))}</span>
                    <div>
                      <p className="checklist-view__question">{checklist.questionOf(entry.itemId) ?? entry.itemId}</p>
                      {entry.note ? <p className="checklist-view__note">{entry.note}</p> : null}
                      <Comments comments={comments.get(checklistKey(entry.itemId))} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('listing.checklistEmpty')}</p>
            )}
          </Section>
        ) : null}

        {supply ? (
          <Section title={t('element.referenceCases')} testId="section-references">
            <Comments comments={comments.get('referenceCases')} />
            {supply.referenceCases.length > 0 ? (
              <ul className="case-list">
                {supply.referenceCases.map((referenceCase, index) => (
                  <li key={index} className="case-list__item">
                    <p className="case-list__title">{referenceCase.title}</p>
                    <p className="case-list__meta">
                      {[referenceCase.industry?.label, referenceCase.year ? String(referenceCase.year) : null].filter(Boolean).join(' · ')}
                    </p>
                    {referenceCase.summary ? <p className="case-list__summary">{referenceCase.summary}</p> : null}
                    <Comments comments={comments.get(`referenceCases[${index}].title`)} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('listing.referenceCasesEmpty')}</p>
            )}
          </Section>
        ) : null}

        <Section title={t('section.organizationContact')} testId="section-contact">
          <dl className="details">
            <Row label={t('listing.organization')} comments={comments} testId="listing-organization">
              <span className="inline-meta">
                <OrganizationLink organization={listing.organization} testId="listing-organization-link" />
                <span className="muted">
                  <OrganizationKindLabel kind={listing.organization.kind} />
                </span>
                <VerificationBadge status={listing.organization.verificationStatus} testId="listing-org-verification" />
              </span>
              <CertificationChips certifications={listing.organization.certifications} testId="listing-org-cert-chips" />
            </Row>
            {listing.contact ? (
              <>
                <Row label={t('element.contactName')} path="ContactInformation.name" comments={comments} testId="listing-contact-name">
                  {listing.contact.name || <Empty />}
                  {listing.contact.role ? <span className="muted"> · {listing.contact.role}</span> : null}
                </Row>
                <Row label={t('element.contactEmail')} path="ContactInformation.email" comments={comments}>
                  {listing.contact.email ? <a href={`mailto:${listing.contact.email}`}>{listing.contact.email}</a> : <Empty />}
                </Row>
                <Row label={t('element.contactPhone')} path="ContactInformation.phone" comments={comments} empty={!listing.contact.phone}>
                  {listing.contact.phone ? (
                    <a href={`tel:${listing.contact.phone.replace(/[^\d+]/g, '')}`}>{listing.contact.phone}</a>
                  ) : (
                    <Empty />
                  )}
                </Row>
              </>
            ) : (
              <Row label={t('section.contact')} comments={comments} testId="listing-contact-hidden">
                <span className="muted">{t('listing.contactHidden')}</span>{' '}
                <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>{t('nav.signIn')}</Link>
              </Row>
            )}
          </dl>
        </Section>
      </div>
    </HideEmptyContext.Provider>
  );
}
