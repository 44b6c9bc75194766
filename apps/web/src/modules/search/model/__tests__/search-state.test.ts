import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_SEARCH,
  filterCount,
  parseSearchParams,
  searchHref,
  toggleConcept,
  toSearchParams,
  toSearchVariables,
  withoutFilters,
  type SearchState,
} from '../search-state';

const TASK = 'urn:aimatch:task:visual-inspection';
const REGION = 'urn:aimatch:region:gyeonggi';
const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('search URL ↔ state', () => {
  it('reads every part of the URL', () => {
    const state = parse(
      `q=%EB%B6%88%EB%9F%89+%EA%B2%80%EC%B6%9C&kind=SUPPLY&task=${TASK}&region=${REGION}&verified=1&min=1000000&max=5000000&sort=newest`,
    );
    expect(state).toMatchObject({
      q: '불량 검출',
      kind: 'SUPPLY',
      verifiedOnly: true,
      amountMin: 1_000_000,
      amountMax: 5_000_000,
      sort: 'newest',
    });
    expect(state.concepts.task).toEqual([TASK]);
    expect(state.concepts.region).toEqual([REGION]);
    expect(state.concepts.industry).toEqual([]);
  });

  it('falls back to defaults for values it does not know', () => {
    const state = parse('kind=BOTH&sort=random&min=-5&max=1e9&verified=yes');
    expect(state).toMatchObject({ kind: null, sort: 'relevance', amountMin: null, amountMax: null, verifiedOnly: false });
  });

  it('drops duplicate and empty concept values and keeps at most 20', () => {
    const many = Array.from({ length: 25 }, (_, i) => `task=urn:t${i}`).join('&');
    expect(parse(`task=${TASK}&task=${TASK}&task=`).concepts.task).toEqual([TASK]);
    expect(parse(many).concepts.task).toHaveLength(20);
  });

  it('writes a canonical URL: fixed order, defaults left out, query trimmed', () => {
    const state: SearchState = {
      ...EMPTY_SEARCH,
      sort: 'amount_desc',
      amountMax: 9_000_000,
      verifiedOnly: true,
      concepts: { ...EMPTY_SEARCH.concepts, region: [REGION], task: [TASK] },
      kind: 'DEMAND',
      q: '  수요 예측 ',
    };
    expect(toSearchParams(state).toString()).toBe(
      `q=%EC%88%98%EC%9A%94+%EC%98%88%EC%B8%A1&kind=DEMAND&task=${encodeURIComponent(TASK)}&region=${encodeURIComponent(REGION)}&verified=1&max=9000000&sort=amount_desc`,
    );
    expect(searchHref(EMPTY_SEARCH)).toBe('/search');
  });

  it('round-trips: the state read from its own URL is the same state', () => {
    const state = toggleConcept(
      toggleConcept({ ...EMPTY_SEARCH, q: '챗봇', amountMin: 0, sort: 'newest' }, 'industry', 'urn:i1'),
      'task',
      TASK,
    );
    expect(parseSearchParams(toSearchParams(state))).toEqual(state);
  });

  it('toggles concept filters and counts and clears filters (kind and query stay)', () => {
    const on = toggleConcept({ ...EMPTY_SEARCH, q: 'x', kind: 'SUPPLY', verifiedOnly: true }, 'task', TASK);
    expect(on.concepts.task).toEqual([TASK]);
    expect(filterCount(on)).toBe(2);
    expect(toggleConcept(on, 'task', TASK).concepts.task).toEqual([]);
    const cleared = withoutFilters({ ...on, amountMin: 5 });
    expect(filterCount(cleared)).toBe(0);
    expect(cleared).toMatchObject({ q: 'x', kind: 'SUPPLY' });
  });

  it('turns the state into searchListings variables, without empty filters', () => {
    expect(toSearchVariables({ ...EMPTY_SEARCH, q: '   ' })).toEqual({
      kind: null,
      q: null,
      filters: null,
      facets: ['TASK', 'INDUSTRY', 'REGION', 'DEPLOYMENT', 'CERTIFICATION', 'VERIFIED'],
      sort: 'RELEVANCE',
    });
    const supply = toSearchVariables({ ...parse(`kind=SUPPLY&task=${TASK}&min=100`), sort: 'amount_asc' });
    expect(supply.filters).toEqual({ tasks: [TASK], amountMin: 100 });
    // Regions do not apply to supply listings; certifications not to demands.
    expect(supply.facets).not.toContain('REGION');
    expect(toSearchVariables({ ...EMPTY_SEARCH, kind: 'DEMAND' }).facets).not.toContain('CERTIFICATION');
    expect(supply.sort).toBe('AMOUNT_ASC');
  });
});
