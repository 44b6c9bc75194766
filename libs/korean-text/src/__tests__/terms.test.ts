import { describe, expect, it } from '@jest/globals';
import { analyzeQuery, bigrams, createMatcher, indexTerms, matches } from '../terms';

describe('matches: what the product promises', () => {
  it.each([
    ['스마트공장의', '스마트 공장'],
    ['스마트공장의', '스마트공장 구축'],
    ['스마트 공장', '스마트공장'],
    ['불량검출', '불량 검출'],
    ['불량검출', '불량을 검출하는 비전 시스템'],
    ['ㅂㄹㄱㅊ', '불량검출'],
    ['ㅂㄹ ㄱㅊ', '불량 검출 솔루션'],
    ['ㅅㅁㅌ', '스마트공장'],
    ['OCR', '문서 ocr 자동화'],
    ['ocr', 'OCR 솔루션'],
    ['Ｏｃｒ', 'OCR'],
    ['예지보전을', '예지 보전'],
    ['예지보전을', '설비 예지보전 플랫폼'],
    ['공장에서', '공장'],
    ['공장', '스마트공장'],
    ['데이터를', '데이터'],
    ['이미지를', '이미지 분석'],
    ['머신러닝으로', '머신러닝'],
    ['검사의', '비전 검사'],
    ['예측하고', '수요 예측'],
    ['정확도를', '검출 정확도 99%'],
    ['공장들의', '공장'],
    ['café', 'Cafe 운영 데이터'],
    ['opc-ua', 'OPC UA 연동'],
    ['OPC UA', 'opc-ua 게이트웨이'],
    ['opcua', 'OPC-UA 게이트웨이'],
    ['AI가', 'AI'],
    ['MES와', 'MES 연동'],
    ['python3.11', 'Python3.11 기반'],
    ['AI 기반 불량검출을 MES와 연동', 'ai 기반 불량 검출 시스템과 MES 연동을 지원합니다'],
    ['AI 기반 불량검출을 MES와 연동', '불량 검출 ai, MES 연동'], // 기반 is a stop word in queries
    ['불량검출이 필요합니다', '불량 검출'],
  ])('%p finds %p', (query, text) => {
    expect(matches(query, text)).toBe(true);
  });

  it.each([
    ['스마트공장', '스마트폰 공정', 'no 트공 nor 공장: AND of bigrams rejects it'],
    ['불량검출', '불량 검사', 'no 검출'],
    ['예지보전', '예지 능력', 'no 보전'],
    ['공장', '공정', 'different word'],
    ['데이터', '데이 센터', 'no 이터'],
    ['ocr', 'osr 모듈', 'Latin words match whole'],
    ['ai', 'said email', 'ai is not a substring match'],
    ['mes', 'messaging', 'whole words only'],
    ['ㅅㅁㅌ', '스마일 팩토리', 'ㅅㅁㅇㅍㅌㄹ has no ㅅㅁㅌ'],
    ['ㅂㄹㄱㅊ', '불량 검사', 'ㅂㄹㄱㅅ'],
    ['물', '물류 센터', 'a 1-syllable term matches a word or stem, not inside a compound'],
    ['', '스마트 공장', 'empty query matches nothing'],
    ['   ', '스마트 공장', 'blank query matches nothing'],
    ['스마트공장', '', 'empty text'],
  ])('%p does not find %p (%s)', (query, text) => {
    expect(matches(query, text)).toBe(false);
  });

  it.each([
    // Spacing insensitivity (a bigram across one space) has a price: these are found although a
    // reader would say no. Documented so that nobody "fixes" a test into a lie.
    ['검사기', '검사 기준', '검사 + 사기 (across the space)'],
    ['이미지', '이미 지원했다', '이미 + 미지 (across the space)'],
    ['스마트공장', '스마트 공장은 없고 공장 스마트화', 'terms may come from different places'],
  ])('honest false positive: %p finds %p (%s)', (query, text) => {
    expect(matches(query, text)).toBe(true);
  });
});

describe('indexTerms', () => {
  it.each([
    ['OCR', ['ocr']],
    ['ocr', ['ocr']],
    ['Ｏｃｒ', ['ocr']],
    ['OPC-UA', ['opc', 'ua', 'opcua']],
    ['node.js', ['node', 'js', 'nodejs']],
    ['v1.2 3.5 C++ C#', ['v1.2', '3.5', 'c++', 'c#']],
    ['공장이', ['공장이', '공장', '장이']],
    ['물을', ['물을', '물']],
    ['물', ['물']],
    ['MES와', ['mes']],
    ['AI기반', ['ai', '기반']],
    ['3D프린팅', ['3d', '프린팅', '프린', '린팅']],
    ['스마트 공장', ['스마트', '스마', '마트', '트공', '공장']],
    ['불량을 검출', ['불량을', '불량', '량을', '을검', '량검', '검출']],
    ['스마트, 공장', ['스마트', '스마', '마트', '공장']], // no bigram across punctuation
    ['ㅋㅋ 공장', ['ㅋㅋ', '공장']],
    ['', []],
  ])('%p → %p', (text, expected) => {
    expect(indexTerms(text)).toEqual(expected);
  });

  it('is deduplicated and order-stable', () => {
    const terms = indexTerms('공장 공장의 공장에서 OCR ocr');
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms).toEqual(indexTerms('공장 공장의 공장에서 OCR ocr'));
    expect(terms[0]).toBe('공장');
  });

  it('leaves out overlong whole words but keeps their bigrams', () => {
    const long = 'x'.repeat(100);
    expect(indexTerms(long)).toEqual([]);
    const hangul = '가나'.repeat(40);
    const terms = indexTerms(hangul);
    expect(terms).not.toContain(hangul);
    expect(terms).toEqual(expect.arrayContaining(['가나', '나가']));
  });
});

describe('analyzeQuery', () => {
  it('turns a Hangul word into the bigrams of its stem', () => {
    expect(analyzeQuery('스마트공장의')).toEqual({
      normalized: '스마트공장의',
      terms: ['스마', '마트', '트공', '공장'],
      stems: ['스마트공장'],
      latin: [],
      choseong: null,
    });
  });

  it('keeps Latin words whole, drops particles glued to them and stop words', () => {
    expect(analyzeQuery('AI 기반 불량검출을 MES와 연동하고 싶다')).toEqual({
      normalized: 'ai 기반 불량검출을 mes와 연동하고 싶다',
      terms: ['ai', '불량', '량검', '검출', 'mes', '연동'],
      stems: ['기반', '불량검출', '연동'],
      latin: ['ai', 'mes'],
      choseong: null,
    });
  });

  it('keeps a 1-syllable stem as a unigram', () => {
    expect(analyzeQuery('물을').terms).toEqual(['물']);
    expect(analyzeQuery('칩').terms).toEqual(['칩']);
  });

  it('splits a compound into its parts', () => {
    expect(analyzeQuery('OPC-UA').terms).toEqual(['opc', 'ua']);
    expect(analyzeQuery('OPC-UA').latin).toEqual(['opc', 'ua']);
  });

  it('keeps stop words in latin and stems, in order, for matching multi-word names', () => {
    const a = analyzeQuery('Internet of Things 플랫폼');
    expect(a.terms).toEqual(['internet', 'things', '플랫', '랫폼']);
    expect(a.latin).toEqual(['internet', 'of', 'things']);
    expect(a.stems).toEqual(['플랫폼']);
  });

  it('keeps stop words when there is nothing else', () => {
    expect(analyzeQuery('기반').terms).toEqual(['기반']);
    expect(analyzeQuery('the').terms).toEqual(['the']);
  });

  it('recognises a choseong query', () => {
    expect(analyzeQuery(' ㅂㄹ ㄱㅊ ')).toEqual({ normalized: 'ㅂㄹ ㄱㅊ', terms: [], stems: [], latin: [], choseong: 'ㅂㄹㄱㅊ' });
    expect(analyzeQuery('ﾡﾵ').choseong).toBe('ㄱㅅ');
    expect(analyzeQuery('공장').choseong).toBeNull();
  });

  it('gives OCR, ocr and Ｏｃｒ the same term', () => {
    expect(analyzeQuery('OCR').terms).toEqual(['ocr']);
    expect(analyzeQuery('ocr').terms).toEqual(['ocr']);
    expect(analyzeQuery('Ｏｃｒ').terms).toEqual(['ocr']);
  });

  it('every query term of a word is among the index terms of the same word', () => {
    const words = [
      '스마트공장의',
      '불량검출을',
      '예지보전',
      '데이터를',
      '머신러닝으로',
      '공장에서는',
      '추가로',
      '정확도',
      'OPC-UA',
      '물을',
      '카메라를',
    ];
    for (const w of words) {
      const index = new Set(indexTerms(w));
      for (const t of analyzeQuery(w).terms) expect(index).toContain(t);
    }
  });
});

describe('createMatcher', () => {
  it('matches texts and precomputed term sets', () => {
    const m = createMatcher('불량검출');
    expect(m.test('불량 검출')).toBe(true);
    expect(m.testTerms(new Set(indexTerms('비전 불량검출')))).toBe(true);
    expect(m.testTerms(new Set(indexTerms('불량 검사')))).toBe(false);
    const c = createMatcher('ㅂㄹㄱㅊ');
    expect(c.testTerms(new Set(), 'ㅂㄹㄱㅊㅅㅅㅌ')).toBe(true);
    expect(c.testTerms(new Set())).toBe(false);
  });
});

describe('bigrams', () => {
  it.each([
    ['스마트공장', ['스마', '마트', '트공', '공장']],
    ['공장', ['공장']],
    ['물', ['물']],
    ['', []],
  ])('%p → %p', (word, expected) => {
    expect(bigrams(word)).toEqual(expected);
  });
});
