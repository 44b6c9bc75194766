import { Link } from 'react-router';
import { useFormatters, useLocale, useT } from '@/i18n';
import { StartConversationButton } from '@/modules/chat';
import { formatKrwRange, localized } from '@/shared/format';
import { CertificationChips, OrganizationLink } from '@/modules/organization';
import type { MatchEdge, MatchTarget } from '../hooks/useMatchPages';
import { InviteToBidButton } from './InviteToBidButton';
import { budgetKey, constraintKey, featureKey, schemeKey, scoreBand, summaryText } from '../model/labels';
import { FitTierBadge, ReasonList } from './FitParts';

type Explanation = MatchEdge['explanation'];
type ConceptMatch = Explanation['matched'][number];

/**
 * One ranked counterpart: score, a bar per applicable feature, the reasons (tone-coloured),
 * matched concepts (inferred ones badged), missing elements, broken constraints and actions.
 */
export function MatchCard({ edge, rank, target }: { edge: MatchEdge; rank: number; target?: MatchTarget }) {
  const t = useT();
  const locale = useLocale();
  const listing = edge.node;
  const explanation = edge.explanation;
  const title = localized(listing.title, listing.titleEn, locale);
  const summary = localized(listing.summary, listing.summaryEn, locale);
  const money = formatKrwRange(listing.commercialTerms.minAmountKrw, listing.commercialTerms.maxAmountKrw, locale, t);
  const violated = explanation.constraints.filter((constraint) => !constraint.satisfied);
  const band = scoreBand(explanation.score);

  return (
    <article
      className="match-card"
      data-testid={`match-card-${listing.id}`}
      data-listing-id={listing.id}
      data-score={explanation.score}
      data-tier={explanation.tier}
    >
      <header className="match-card__header">
        <span className="match-card__rank">{t('matching.rank', { rank })}</span>
        <div className="match-card__heading">
          <h3 className="match-card__title">
            <Link to={`/listings/${listing.id}`} lang={title.lang} data-testid={`match-card-title-${listing.id}`}>
              {title.text || t('listing.untitled')}
            </Link>
          </h3>
          <p className="match-card__org">
            <OrganizationLink organization={listing.organization} testId={`match-card-org-${listing.id}`} />
            {listing.organization.verificationStatus === 'VERIFIED' ? (
              <span className="badge badge--verified">{t('listing.verifiedOrganization')}</span>
            ) : null}
          </p>
          <CertificationChips certifications={listing.organization.certifications} testId={`match-card-certs-${listing.id}`} />
        </div>
        <div
          className={`match-score match-score--${band}`}
          role="img"
          aria-label={`${t('matching.scoreLabel')}: ${explanation.score}`}
          title={t('matching.scoreLabel')}
          data-testid={`match-score-${listing.id}`}
        >
          <span className="match-score__value">{explanation.score}</span>
          <span className="match-score__max">/100</span>
        </div>
      </header>

      <p className="match-card__fit" data-testid={`match-fit-${listing.id}`}>
        <FitTierBadge tier={explanation.tier} testId={`match-tier-${listing.id}`} />
        <span className="match-card__fit-summary" data-testid={`match-summary-${listing.id}`}>
          {summaryText(explanation, locale)}
        </span>
      </p>

      {summary.text ? (
        <p className="match-card__summary" lang={summary.lang}>
          {summary.text}
        </p>
      ) : null}

      {explanation.capped ? (
        <p className="match-card__note match-card__note--warning" data-testid={`match-capped-${listing.id}`}>
          {t('matching.capped')}
        </p>
      ) : null}
      {explanation.textOnly ? <p className="match-card__note">{t('matching.textOnly')}</p> : null}

      <div className="match-card__body">
        <FeatureBars features={explanation.features} />
        <div className="match-card__explain">
          {explanation.reasons.length > 0 ? (
            <section aria-label={t('matching.reasons')}>
              <h4 className="match-card__subtitle">{t('matching.reasons')}</h4>
              <ReasonList reasons={explanation.reasons} features={explanation.features} testId={`match-reasons-${listing.id}`} />
            </section>
          ) : null}

          {explanation.matched.length > 0 ? (
            <section aria-label={t('matching.matched')}>
              <h4 className="match-card__subtitle">{t('matching.matched')}</h4>
              <ul className="tags" data-testid={`match-matched-${listing.id}`}>
                {explanation.matched.map((match) => (
                  <ConceptTag key={`${match.scheme}-${match.conceptId}`} match={match} />
                ))}
              </ul>
            </section>
          ) : null}

          {explanation.missing.length > 0 ? (
            <section aria-label={t('matching.missing')}>
              <h4 className="match-card__subtitle">{t('matching.missing')}</h4>
              <ul className="tags" data-testid={`match-missing-${listing.id}`}>
                {explanation.missing.map((match) => (
                  <ConceptTag key={`${match.scheme}-${match.conceptId}`} match={match} missing />
                ))}
              </ul>
            </section>
          ) : null}

          {violated.length > 0 ? (
            <section aria-label={t('matching.constraints')}>
              <h4 className="match-card__subtitle">{t('matching.constraints')}</h4>
              <ul className="match-constraints" data-testid={`match-constraints-${listing.id}`}>
                {violated.map((constraint) => (
                  <li key={constraint.code} data-code={constraint.code}>
                    {t(constraintKey(constraint.code))}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>

      <footer className="match-card__footer">
        <dl className="match-card__facts">
          <div>
            <dt>{listing.kind === 'DEMAND' ? t('listing.budget') : t('listing.price')}</dt>
            <dd>{money ?? t('money.negotiable')}</dd>
          </div>
          {explanation.budgetFit && explanation.budgetFit !== 'UNKNOWN' ? (
            <div>
              <dt className="visually-hidden">{t('matching.feature.budget')}</dt>
              <dd className={`match-budget match-budget--${explanation.budgetFit.toLowerCase().replace('_', '-')}`}>
                {t(budgetKey(explanation.budgetFit))}
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="button-row">
          <Link to={`/listings/${listing.id}`} className="button button--small" data-testid={`match-open-${listing.id}`}>
            {t('matching.open')}
          </Link>
          {target?.kind === 'DEMAND' && listing.kind === 'SUPPLY' ? (
            <InviteToBidButton demandId={target.listingId} supplyListingId={listing.id} />
          ) : null}
          {target ? (
            // The demand's owner talks to the supplier of this listing; a supplier asks about this demand.
            <StartConversationButton
              input={
                target.kind === 'DEMAND'
                  ? { contextType: 'DEMAND', contextId: target.listingId, supplyListingId: listing.id }
                  : { contextType: 'DEMAND', contextId: listing.id, supplyListingId: target.listingId }
              }
              label={t('matching.startConversation')}
              className="button button--ghost button--small"
              testId={`match-chat-${listing.id}`}
            />
          ) : (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled
              title={t('matching.comingWithChat')}
              data-testid={`match-chat-${listing.id}`}
            >
              {t('matching.startConversation')}
            </button>
          )}
        </div>
      </footer>
    </article>
  );
}

/** One small bar per feature the demand let the matcher compare. */
function FeatureBars({ features }: { features: Explanation['features'] }) {
  const t = useT();
  const format = useFormatters();
  const applicable = features.filter((feature) => feature.applicable);
  if (applicable.length === 0) return null;
  return (
    <section className="match-features" aria-label={t('matching.features')}>
      <h4 className="match-card__subtitle">{t('matching.features')}</h4>
      <ul className="match-features__list">
        {applicable.map((feature) => {
          const percent = Math.round(Math.max(0, Math.min(1, feature.value)) * 100);
          const detail = t('matching.featurePoints', {
            points: format.number(Math.round(feature.points * 10) / 10),
            weight: Math.round(feature.weight * 100),
          });
          return (
            <li key={feature.feature} className="match-feature" data-feature={feature.feature} title={detail}>
              <span className="match-feature__label">{t(featureKey(feature.feature))}</span>
              <span
                className="match-feature__bar"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-label={t(featureKey(feature.feature))}
                aria-valuetext={`${percent}% · ${detail}`}
              >
                <span className="match-feature__fill" style={{ width: `${percent}%` }} />
              </span>
              <span className="match-feature__value">{percent}%</span>
              <span className="match-feature__weight">{t('matching.weightShort', { weight: Math.round(feature.weight * 100) })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ConceptTag({
  match,
  missing = false,
}: {
  match: Pick<ConceptMatch, 'scheme' | 'conceptId' | 'concept' | 'inferred' | 'evidence'> &
    Partial<Pick<ConceptMatch, 'offeredConcept' | 'relation'>>;
  missing?: boolean;
}) {
  const t = useT();
  const scheme = schemeKey(match.scheme);
  const offered =
    !missing && match.relation !== 'exact' && match.offeredConcept && match.offeredConcept.id !== match.conceptId
      ? match.offeredConcept
      : null;
  return (
    <li className={missing ? 'tag tag--missing' : 'tag'} data-concept-id={match.conceptId} data-relation={match.relation}>
      {scheme ? <span className="tag__scheme">{t(scheme)} · </span> : null}
      {match.concept?.label ?? match.conceptId}
      {offered ? <span className="tag__offered"> ({t('matching.offered', { label: offered.label })})</span> : null}
      {match.inferred ? (
        <span
          className="badge badge--inferred"
          title={match.evidence.length > 0 ? t('matching.inferredTitle', { evidence: match.evidence.join(', ') }) : undefined}
          data-testid="match-inferred"
        >
          {t('matching.inferred')}
        </span>
      ) : null}
    </li>
  );
}
