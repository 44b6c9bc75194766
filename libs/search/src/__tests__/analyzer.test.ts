import { describe, expect, it } from '@jest/globals';
import { analyzeSearchText, conceptsInQuery, MATCH_RANK, searchConcepts } from '../analyzer';
import { loadShippedVocabulary } from '../contract/search-index.contract';

const vocabulary = loadShippedVocabulary();
const ids = (q: string, scheme?: string) =>
  searchConcepts(q, vocabulary, scheme ? { schemes: [scheme] } : {}).map((m) => m.id.replace(/^urn:aimatch:/, ''));

describe('the one query analyzer: concepts a typed query points to', () => {
  it('is spacing-insensitive and strips particles', () => {
    expect(ids('불량검출', 'task')[0]).toBe('task:visual-inspection');
    expect(ids('불량 검출을', 'task')[0]).toBe('task:visual-inspection');
    expect(ids('예지', 'task')).toContain('task:predictive-maintenance');
  });

  it('finds a concept by the words of its definition (이물, foreign)', () => {
    expect(ids('이물', 'task')).toContain('task:visual-inspection');
    expect(ids('foreign', 'task')).toContain('task:visual-inspection');
  });

  it('falls back to the head of a compound the vocabulary does not spell out (이물질)', () => {
    const found = searchConcepts('이물질', vocabulary, { schemes: ['task'] });
    expect(found.map((m) => m.id)).toContain('urn:aimatch:task:visual-inspection');
  });

  it('reads choseong, typos and transpositions', () => {
    expect(ids('ㅂㄹㄱㅊ', 'task')).toContain('task:visual-inspection');
    expect(ids('예지보졘', 'task')).toContain('task:predictive-maintenance');
    expect(ids('tranlsation', 'task')).toContain('task:translation');
    expect(searchConcepts('tranlsation', vocabulary, { schemes: ['task'] })[0].rank).toBe(MATCH_RANK.typo);
  });

  it('reads English written in Hangul (오씨알, 알에이지) and Hangul loanwords (디지털트윈)', () => {
    expect(ids('오씨알', 'task')[0]).toBe('task:document-ai');
    expect(ids('알에이지', 'task')[0]).toBe('task:retrieval-rag');
    expect(analyzeSearchText('디지털트윈').variants).toContain('digital twin');
    expect(analyzeSearchText('digital twin').variants).toContain('디지털 트윈');
  });

  it('finds nothing for gibberish and for an empty query', () => {
    expect(ids('ㅁㄴㅇㄹ qwzx')).toEqual([]);
    expect(ids('qwzxv')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('leaves deprecated concepts out unless asked', () => {
    const all = searchConcepts('검사', vocabulary, { includeDeprecated: true });
    expect(all.length).toBeGreaterThanOrEqual(searchConcepts('검사', vocabulary).length);
  });
});

describe('concepts a search query names', () => {
  it('in any spelling, with a misspelt word of a longer name', () => {
    expect(conceptsInQuery('오씨알 도입', vocabulary)).toContain('urn:aimatch:task:document-ai');
    expect(conceptsInQuery('tranlsation', vocabulary)).toContain('urn:aimatch:task:translation');
    expect(conceptsInQuery('predictve maintenance', vocabulary)).toContain('urn:aimatch:task:predictive-maintenance');
    expect(conceptsInQuery('ㅁㄴㅇㄹ qwzx', vocabulary)).toEqual([]);
  });
});
