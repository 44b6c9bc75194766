import { describe, expect, it } from '@jest/globals';
import { meilisearchSettings, meilisearchSynonyms } from '../adapters/meilisearch/settings';
import { toMeiliDocument } from '../adapters/meilisearch/documents';
import { meilisearchQueryText } from '../adapters/meilisearch/query';
import { planQuery } from '../query-planner';
import { buildSearchDocument } from '../document';
import { loadShippedVocabulary, sampleListing } from '../contract/search-index.contract';

describe('meilisearchSettings', () => {
  it('is the expected settings object', () => {
    expect(meilisearchSettings({ synonyms: [] })).toEqual({
      searchableAttributes: ['termsA', 'conceptTokens', 'termsB', 'termsC'],
      filterableAttributes: ['kind', 'visibility', 'verified', 'concepts', 'conceptsX', 'amountMin', 'amountMax', 'choseongKeys'],
      sortableAttributes: ['publishedAt', 'amountMin', 'amountMax', 'id'],
      displayedAttributes: ['*'],
      rankingRules: ['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness', 'publishedAt:desc'],
      distinctAttribute: null,
      synonyms: {},
      stopWords: [],
      nonSeparatorTokens: ['_'],
      typoTolerance: {
        enabled: true,
        disableOnAttributes: ['conceptTokens'],
        disableOnNumbers: true,
        minWordSizeForTypos: { oneTypo: 7, twoTypos: 9 },
      },
      faceting: { maxValuesPerFacet: 1000 },
      pagination: { maxTotalHits: 10_000 },
      prefixSearch: 'disabled',
      facetSearch: false,
    });
  });

  it('ranks title terms, then concept tokens, then other B terms, then the body', () => {
    const s = meilisearchSettings({ synonyms: [] });
    expect(s.searchableAttributes!.indexOf('termsA')).toBeLessThan(s.searchableAttributes!.indexOf('conceptTokens'));
    expect(s.searchableAttributes!.indexOf('conceptTokens')).toBeLessThan(s.searchableAttributes!.indexOf('termsB'));
    expect(s.searchableAttributes!.at(-1)).toBe('termsC');
    expect(s.searchableAttributes).not.toContain('choseong');
  });

  it('names only fields that stored documents have', () => {
    const vocabulary = loadShippedVocabulary();
    const doc = toMeiliDocument(buildSearchDocument(sampleListing({ title: '스마트 공장', amount: [1, 2] }), vocabulary));
    const s = meilisearchSettings({ synonyms: [] });
    const fields = [
      ...s.searchableAttributes!,
      ...s.filterableAttributes!,
      ...s.sortableAttributes!,
      ...s.typoTolerance!.disableOnAttributes!,
    ];
    for (const f of fields) expect(Object.keys(doc)).toContain(f);
    for (const rule of s.rankingRules!.filter((r) => r.includes(':'))) expect(Object.keys(doc)).toContain(rule.split(':')[0]);
  });

  it('allows no typo on any Hangul query word (they are bigrams: at most 6 jamo after NFKD)', () => {
    const vocabulary = loadShippedVocabulary();
    const { oneTypo } = meilisearchSettings({ synonyms: [] }).typoTolerance!.minWordSizeForTypos!;
    const queries = [
      '스마트공장의 불량검출',
      '설비 예지보전 솔루션을 찾습니다',
      '컴퓨터비전 기반 품질검사 자동화',
      '빵 공장',
      '물류창고 재고관리 최적화 플랫폼',
      '딥러닝으로 결함을 찾고 싶어요',
    ];
    let checked = 0;
    for (const q of queries) {
      const plan = planQuery(q, vocabulary)!;
      for (const word of meilisearchQueryText(plan)
        .split(' ')
        .filter((w) => /[\uac00-\ud7a3]/.test(w))) {
        expect(word.normalize('NFKD').length).toBeLessThan(oneTypo!);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('returns fresh arrays (a caller cannot change the next settings)', () => {
    const a = meilisearchSettings({ synonyms: [] });
    a.rankingRules!.push('x');
    expect(meilisearchSettings({ synonyms: [] }).rankingRules).not.toContain('x');
  });
});

describe('meilisearchSynonyms', () => {
  it('makes every normalised entry of a group a synonym of the others', () => {
    expect(meilisearchSynonyms([['예지보전', 'Predictive  Maintenance', 'PdM']])).toEqual({
      pdm: ['predictive maintenance', '예지보전'],
      'predictive maintenance': ['pdm', '예지보전'],
      예지보전: ['pdm', 'predictive maintenance'],
    });
  });

  it('merges groups that share an entry and drops empty and one-entry groups', () => {
    expect(meilisearchSynonyms([['ocr', '문자 인식'], ['OCR', 'text recognition'], ['', '  '], ['solo'], ['Same', 'same']])).toEqual({
      ocr: ['text recognition', '문자 인식'],
      'text recognition': ['ocr'],
      '문자 인식': ['ocr'],
    });
  });

  it('passes IndexSettings.synonyms through', () => {
    expect(meilisearchSettings({ synonyms: [['AI', '인공지능']] }).synonyms).toEqual({ ai: ['인공지능'], 인공지능: ['ai'] });
  });
});
