import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ListingKind } from '@/generated/graphql';
import { useFormatters, useT, type Translate } from '@/i18n';
import { FormAlert, summariseError, type ApiErrorSummary } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { useSearchResults } from '../hooks/useSearchResults';
import type { Suggestion } from '../hooks/useSuggestions';
import {
  filterCount,
  hasConcept,
  isConceptFacet,
  parseSearchParams,
  searchHref,
  SORTS,
  toggleConcept,
  toSearchParams,
  withoutFilters,
  type SearchState,
  type SortKey,
} from '../model/search-state';
import { AmountFilter } from './AmountFilter';
import { FacetPanel } from './FacetPanel';
import { FilterChips } from './FilterChips';
import { SearchBox } from './SearchBox';
import { SearchResultCard } from './SearchResultCard';

/** Paths of the API's field errors this page shows next to their control. */
const FIELD_PATHS = ['q', 'filters.amountMin', 'filters.amountMax'] as const;

const KINDS: ReadonlyArray<{ kind: ListingKind | null; testId: string }> = [
  { kind: null, testId: 'search-kind-all' },
  { kind: 'DEMAND', testId: 'search-kind-DEMAND' },
  { kind: 'SUPPLY', testId: 'search-kind-SUPPLY' },
];

function amountLabel(kind: ListingKind | null, t: Translate): string {
  return kind === 'DEMAND' ? t('listing.budget') : kind === 'SUPPLY' ? t('listing.price') : t('search.amount.budgetOrPrice');
}

function sortLabel(sort: SortKey, kind: ListingKind | null, t: Translate): string {
  switch (sort) {
    case 'relevance':
      return t('search.sort.relevance');
    case 'newest':
      return t('search.sort.newest');
    case 'amount_asc':
      return t('search.sort.amountAsc', { label: amountLabel(kind, t) });
    case 'amount_desc':
      return t('search.sort.amountDesc', { label: amountLabel(kind, t) });
  }
}

/**
 * `/search`: full-text and faceted search over published listings. Everything that defines the
 * search (q, kind, filters, sort) is in the query string; typing only changes the box, and a
 * search, a filter or a sort pushes one history entry, so the back button restores the previous
 * search.
 */
export function SearchPage() {
  const t = useT();
  const format = useFormatters();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = useMemo(() => parseSearchParams(params), [params]);
  const results = useSearchResults(search);
  const [draft, setDraft] = useState(search.q);
  /** Small screens: the filter panel is folded away until asked for. */
  const [filtersOpen, setFiltersOpen] = useState(false);

  // The query in the URL changed (a search, the back button): the box shows it.
  useEffect(() => setDraft(search.q), [search.q]);

  const go = (next: SearchState) => {
    const href = searchHref(next);
    if (href === searchHref(search)) {
      results.retry();
      return;
    }
    void navigate(href, { preventScrollReset: true });
  };

  const onPick = (suggestion: Suggestion) => {
    if (suggestion.kind === 'LISTING') {
      void navigate(`/listings/${suggestion.id}`);
      return;
    }
    if (isConceptFacet(suggestion.scheme)) {
      setDraft(search.q);
      const scheme = suggestion.scheme;
      go(hasConcept(search, scheme, suggestion.id) ? search : toggleConcept(search, scheme, suggestion.id));
      return;
    }
    setDraft(suggestion.label);
    go({ ...search, q: suggestion.label });
  };

  const errors: ApiErrorSummary = useMemo(
    () =>
      summariseError(results.error, {
        knownPaths: FIELD_PATHS,
        networkMessage: t('error.network'),
        unknownMessage: t('error.unknown'),
      }),
    [results.error, t],
  );
  const fieldErrors = (path: (typeof FIELD_PATHS)[number]) => errors.fields[path] ?? [];
  const moreErrors = useMemo(
    () => summariseError(results.moreError, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') }),
    [results.moreError, t],
  );

  const amount = amountLabel(search.kind, t);
  const filters = filterCount(search);
  const showResults = results.edges.length > 0 && !results.error;
  const state = results.error ? 'error' : results.loading ? 'loading' : 'ready';

  return (
    <div className="page search-page" data-testid="search-page">
      <div className="search-head">
        <h1>{t('search.title')}</h1>
        <p className="page__lead">{t('search.lead')}</p>
        <SearchBox
          value={draft}
          onChange={setDraft}
          onSubmit={(text) => go({ ...search, q: text.trim() })}
          onPick={onPick}
          errors={fieldErrors('q')}
        />
        <nav className="kind-tabs" aria-label={t('search.kind.label')}>
          <ul className="kind-tabs__list">
            {KINDS.map(({ kind, testId }) => {
              const active = search.kind === kind;
              return (
                <li key={testId}>
                  <Link
                    to={searchHref({ ...search, kind })}
                    preventScrollReset
                    className={active ? 'kind-tabs__tab kind-tabs__tab--active' : 'kind-tabs__tab'}
                    aria-current={active ? 'page' : undefined}
                    data-testid={testId}
                  >
                    {kind ? t(`search.kind.${kind}`) : t('search.kind.all')}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>

      <div className="search-layout">
        <aside
          className={filtersOpen ? 'search-layout__filters search-layout__filters--open' : 'search-layout__filters'}
          aria-labelledby="search-filters-heading"
        >
          <h2 id="search-filters-heading" className="search-layout__heading">
            {t('search.filters')}
          </h2>
          <button
            type="button"
            className="button button--ghost button--small search-layout__toggle"
            aria-expanded={filtersOpen}
            aria-controls="search-filter-panel"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {filters > 0 ? t('search.filtersWithCount', { count: filters }) : t('search.filters')}
          </button>
          <FacetPanel
            id="search-filter-panel"
            search={search}
            facets={results.facets}
            counted={results.totalCount !== null && !results.error}
            onToggleConcept={(facet, id) => go(toggleConcept(search, facet, id))}
            onToggleVerified={() => go({ ...search, verifiedOnly: !search.verifiedOnly })}
          >
            <AmountFilter
              legend={amount}
              min={search.amountMin}
              max={search.amountMax}
              onApply={(min, max) => go({ ...search, amountMin: min, amountMax: max })}
              errors={{ min: fieldErrors('filters.amountMin'), max: fieldErrors('filters.amountMax') }}
            />
          </FacetPanel>
        </aside>

        <section
          className="search-layout__results"
          aria-labelledby="search-total"
          data-testid="search-results"
          data-state={state}
          data-query={toSearchParams(search).toString()}
          aria-busy={results.loading}
        >
          <div className="search-toolbar">
            <p className="search-toolbar__total" id="search-total" aria-live="polite" data-testid="search-total">
              {results.totalCount === null || results.error
                ? results.loading
                  ? t('search.loading')
                  : '\u00A0'
                : search.q
                  ? t('search.totalFor', { query: search.q, count: format.number(results.totalCount) })
                  : t('search.total', { count: format.number(results.totalCount) })}
            </p>
            <div className="field field--inline search-toolbar__sort">
              <label className="field__label" htmlFor="search-sort">
                {t('search.sort.label')}
              </label>
              <select
                id="search-sort"
                value={search.sort}
                onChange={(event) => go({ ...search, sort: event.target.value as SortKey })}
                data-testid="search-sort"
              >
                {SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {sortLabel(sort, search.kind, t)}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <FilterChips search={search} facets={results.facets} amountLabel={amount} onChange={go} />

          {results.error ? (
            <div className="alert alert--error search-error" role="alert" data-testid="search-error">
              <p className="alert__title">{t('search.error.title')}</p>
              {errors.general.length === 1 ? (
                <p>{errors.general[0]}</p>
              ) : errors.general.length > 1 ? (
                <ul className="search-error__messages">
                  {errors.general.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('search.error.seeFields')}</p>
              )}
              {!errors.codes.includes('BAD_USER_INPUT') ? (
                <button type="button" className="button button--ghost button--small" onClick={results.retry} data-testid="search-retry">
                  {t('search.error.retry')}
                </button>
              ) : null}
            </div>
          ) : showResults ? (
            <div className={results.stale ? 'listing-grid search-results search-results--stale' : 'listing-grid search-results'}>
              {results.edges.map((edge) => (
                <SearchResultCard key={edge.node.id} edge={edge} />
              ))}
            </div>
          ) : results.loading ? (
            <LoadingState label={t('search.loading')} />
          ) : (
            <EmptyState search={search} filters={filters} onChange={go} />
          )}

          {showResults && results.loading ? (
            <p className="visually-hidden" role="status">
              {t('search.loading')}
            </p>
          ) : null}
          {showResults && !results.stale ? (
            <>
              {results.moreError ? <FormAlert summary={moreErrors} testId="search-more-error" /> : null}
              {results.hasNextPage ? (
                <div className="list-more">
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={results.loadMore}
                    disabled={results.loadingMore}
                    data-testid="search-more"
                  >
                    {results.loadingMore ? t('common.loading') : t('search.more')}
                  </button>
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** No result: say so, and offer the ways to broaden the search that apply. */
function EmptyState({ search, filters, onChange }: { search: SearchState; filters: number; onChange: (next: SearchState) => void }) {
  const t = useT();
  const actions: Array<{ label: string; next: SearchState; testId: string }> = [];
  if (filters > 0)
    actions.push({
      label: t('search.empty.clearFilters', { count: filters }),
      next: withoutFilters(search),
      testId: 'search-empty-clear-filters',
    });
  if (search.kind) actions.push({ label: t('search.empty.allKinds'), next: { ...search, kind: null }, testId: 'search-empty-all-kinds' });
  if (search.q) actions.push({ label: t('search.empty.withoutQuery'), next: { ...search, q: '' }, testId: 'search-empty-without-query' });

  return (
    <div className="card search-empty" data-testid="search-empty">
      <h2 className="search-empty__title">{search.q ? t('search.empty.titleFor', { query: search.q }) : t('search.empty.title')}</h2>
      <p className="search-empty__lead">{actions.length > 0 ? t('search.empty.broaden') : t('search.empty.nothingYet')}</p>
      {actions.length > 0 ? (
        <div className="button-row">
          {actions.map((action) => (
            <button
              key={action.testId}
              type="button"
              className="button button--ghost button--small"
              onClick={() => onChange(action.next)}
              data-testid={action.testId}
            >
              {action.label}
            </button>
          ))}
        </div>
      ) : null}
      {search.q ? (
        <ul className="search-empty__tips">
          <li>{t('search.empty.tipWords')}</li>
          <li>{t('search.empty.tipLanguage')}</li>
          <li>{t('search.empty.tipChoseong')}</li>
        </ul>
      ) : null}
    </div>
  );
}
