import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useLocale, useT } from '@/i18n';
import { DemandFitQuery } from '../graphql/operations';
import { scoreBand, summaryText } from '../model/labels';
import { FitTierBadge, ReasonList } from './FitParts';

/** How many reasons the card shows (the strongest first, as the engine orders them). */
const REASONS = 4;

/**
 * On a published demand, for a supplier: how well its organization fits (its best supply
 * listing's score and the main reasons, as the demand's owner sees them in the ranking), so it
 * can decide to ask or bid before reading the whole page. Shows nothing when there is no fit.
 */
export function MyFitCard({ demandId }: { demandId: string }) {
  const t = useT();
  const locale = useLocale();
  const [{ data }] = useQuery({ query: DemandFitQuery, variables: { id: demandId } });
  const fit = data?.listing && 'myFit' in data.listing ? data.listing.myFit : null;
  if (!fit) return null;
  const { score, reasons, tier, features } = fit.explanation;
  return (
    <section
      className={`card my-fit my-fit--${scoreBand(score)}`}
      aria-labelledby="my-fit-heading"
      data-testid="my-fit"
      data-score={score}
      data-tier={tier}
    >
      <h2 id="my-fit-heading" className="card__title">
        {t('matching.myFit.title', { score })} <FitTierBadge tier={tier} testId="my-fit-tier" />
      </h2>
      <p className="match-card__fit-summary" data-testid="my-fit-summary">
        {summaryText(fit.explanation, locale)}
      </p>
      <ReasonList reasons={reasons.slice(0, REASONS)} features={features} />
      <p className="card__lead">
        <Link to={`/listings/${fit.supplyListingId}`} data-testid="my-fit-listing">
          {t('matching.myFit.basis')}
        </Link>
      </p>
    </section>
  );
}
