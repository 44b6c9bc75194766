import { useState } from 'react';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { useMatchPages, type MatchTarget } from '../hooks/useMatchPages';
import { InferredConcepts } from './InferredConcepts';
import { MatchCard } from './MatchCard';

/**
 * "매칭 공급기업" on a demand (ranked supply listings) or "추천 수요" on a supply listing
 * (ranked demands) for the listing's owner, with "load more" cursor pages.
 */
export function MatchesPanel({ target }: { target: MatchTarget }) {
  const t = useT();
  const format = useFormatters();
  const { edges, totalCount, hasNextPage, fetching, error, loadMore, reload } = useMatchPages(target);
  const demand = target.kind === 'DEMAND';
  const testId = demand ? 'matches' : 'recommended-demands';
  const headingId = `${testId}-heading`;
  // Low-fit counterparts fold under "더 보기 (N)": the ranking puts them last (#14 item 8).
  const [showLow, setShowLow] = useState(false);
  const low = edges.filter((edge) => edge.explanation.tier === 'LOW').length;
  const fitting = edges.length - low;

  return (
    <section
      className="card matches"
      aria-labelledby={headingId}
      data-testid={testId}
      data-state={fetching ? 'loading' : error ? 'error' : 'done'}
    >
      <header className="matches__header">
        <div>
          <h2 id={headingId} className="card__title">
            {demand ? t('matching.demand.title') : t('matching.supply.title')}
          </h2>
          <p className="card__lead">{demand ? t('matching.demand.lead') : t('matching.supply.lead')}</p>
        </div>
        {totalCount !== null ? (
          <span className="muted" data-testid={`${testId}-total`}>
            {t('matching.total', { count: format.number(totalCount) })}
          </span>
        ) : null}
      </header>
      {demand ? <InferredConcepts demandId={target.listingId} onChange={reload} /> : null}
      {!fetching && !error && edges.length === 0 ? (
        <p className="empty" data-testid={`${testId}-empty`}>
          {t('matching.empty')}
        </p>
      ) : null}
      {edges.length > 0 ? (
        <ol className="match-list" data-testid={`${testId}-list`}>
          {edges.map((edge, index) => {
            const folded = edge.explanation.tier === 'LOW';
            return (
              <li key={edge.node.id} hidden={folded && !showLow} data-folded={folded ? 'true' : undefined}>
                <MatchCard edge={edge} rank={index + 1} target={target} />
              </li>
            );
          })}
        </ol>
      ) : null}
      {!fetching && !error && edges.length > 0 && fitting === 0 && !showLow ? (
        <p className="empty" data-testid={`${testId}-no-fit`}>
          {t('matching.noGoodFit')}
        </p>
      ) : null}
      {low > 0 ? (
        <div className="match-low">
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={showLow}
            onClick={() => setShowLow((v) => !v)}
            data-testid={`${testId}-low-toggle`}
          >
            {showLow ? t('matching.lowFit.hide') : t('matching.lowFit.show', { count: format.number(low) })}
          </button>
        </div>
      ) : null}
      {error ? (
        <FormAlert
          summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId={`${testId}-alert`}
        />
      ) : null}
      {fetching ? (
        <p role="status" className="muted">
          {t('matching.loading')}
        </p>
      ) : null}
      {hasNextPage ? (
        <div className="list-more">
          <button type="button" className="button button--ghost" onClick={loadMore} disabled={fetching} data-testid={`${testId}-more`}>
            {t('matching.more')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
