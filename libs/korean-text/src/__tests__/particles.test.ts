import { describe, expect, it } from '@jest/globals';
import { isParticle, PARTICLES, stripParticle } from '../particles';

describe('stripParticle strips one particle or ending', () => {
  it.each([
    // particle, word, stem
    ['은', '공장은', '공장'],
    ['는', '데이터는', '데이터'],
    ['이', '공장이', '공장'],
    ['가', '데이터가', '데이터'],
    ['가 (after a vowel)', '검사가', '검사'],
    ['을', '분석을', '분석'],
    ['을', '예지보전을', '예지보전'],
    ['를', '데이터를', '데이터'],
    ['의', '검사의', '검사'],
    ['의', '스마트공장의', '스마트공장'],
    ['에', '공장에', '공장'],
    ['에서', '공장에서', '공장'],
    ['에게', '고객에게', '고객'],
    ['께', '담당자께', '담당자'],
    ['으로', '머신러닝으로', '머신러닝'],
    ['로', '데이터로', '데이터'],
    ['로 (after ㄹ)', '모델로', '모델'],
    ['와', '데이터와', '데이터'],
    ['과', '공장과', '공장'],
    ['도', '데이터도', '데이터'],
    ['만', '공장만', '공장'],
    ['까지', '연동까지', '연동'],
    ['부터', '설계부터', '설계'],
    ['보다', '기존보다', '기존'],
    ['처럼', '사람처럼', '사람'],
    ['이나', '공장이나', '공장'],
    ['나', '데이터나', '데이터'],
    ['랑', '데이터랑', '데이터'],
    ['이랑', '공장이랑', '공장'],
    ['하고 (particle)', '공장하고', '공장'],
    ['에서의', '공장에서의', '공장'],
    ['으로의', '현장으로의', '현장'],
    ['로의', '클라우드로의', '클라우드'],
    ['와의', '고객사와의', '고객사'],
    ['과의', '기업과의', '기업'],
    ['에는', '공장에는', '공장'],
    ['에서는', '현장에서는', '현장'],
    ['으로는', '영상으로는', '영상'],
    ['로는', '데이터로는', '데이터'],
    ['이라', '공장이라', '공장'],
    ['라', '데이터라', '데이터'],
    ['이다', '공장이다', '공장'],
    ['입니다', '기업입니다', '기업'],
    ['합니다', '분석합니다', '분석'],
    ['하는', '분석하는', '분석'],
    ['하고 (ending)', '예측하고', '예측'],
    ['하고싶다', '연동하고싶다', '연동'],
    ['해요', '분석해요', '분석'],
    ['하기', '개발하기', '개발'],
    ['된', '자동화된', '자동화'],
    ['되는', '연동되는', '연동'],
    ['할', '검사할', '검사'],
    ['에서도 (longest match)', '공장에서도', '공장'],
    ['들을 (plural + particle)', '데이터들을', '데이터'],
    ['한 음절 어간', '물을', '물'],
  ])('%s: %p → %p', (_particle, word, stem) => {
    expect(stripParticle(word)).toBe(stem);
  });
});

describe('stripParticle leaves real words alone', () => {
  it.each([
    ['이미지', 'ends in 지, not a particle: never 이미'],
    ['데이터', 'no particle'],
    ['머신러닝', 'no particle'],
    ['설비', 'no particle'],
    ['센서', 'no particle'],
    ['서비스', 'no particle'],
    ['평가', '가 cannot follow 평 (final consonant)'],
    ['효과', '과 cannot follow 효 (no final consonant)'],
    ['경로', '로 cannot follow 경 (final ㅇ)'],
    ['차이', '이 cannot follow 차 (no final consonant)'],
    ['사이', '이 cannot follow 사'],
    ['마을', '을 cannot follow 마'],
    ['라이다', '3 syllables keep a stem of ≥ 2 (not 라)'],
    ['물에서', '3 syllables keep a stem of ≥ 2 (not 물)'],
    ['추가', 'listed noun'],
    ['결과', 'listed noun'],
    ['회로', 'listed noun'],
    ['속도', 'listed noun'],
    ['정확도', 'listed noun'],
    ['회의', 'listed noun'],
    ['카메라', 'listed noun'],
    ['인프라', 'listed noun'],
    ['역할', 'listed noun'],
    ['함께', 'listed noun'],
    ['길이', 'listed noun'],
    ['하나', 'listed noun'],
    ['에서', 'a bare particle has no stem'],
    ['이', 'a bare particle has no stem'],
    ['ocr', 'not Hangul'],
    ['', 'empty'],
  ])('%p stays (%s)', (word) => {
    expect(stripParticle(word)).toBe(word);
  });

  it('strips only one particle: a listed noun keeps its own ending under a particle', () => {
    expect(stripParticle('평가를')).toBe('평가');
    expect(stripParticle('추가로')).toBe('추가');
    expect(stripParticle('결과를')).toBe('결과');
    expect(stripParticle('정확도를')).toBe('정확도');
    expect(stripParticle('회의에서')).toBe('회의');
    expect(stripParticle('이미지를')).toBe('이미지');
  });

  it('accepts either form after a non-Hangul stem (pronunciation unknown)', () => {
    expect(stripParticle('MES와')).toBe('MES');
    expect(stripParticle('AI가')).toBe('AI');
    expect(stripParticle('OCR을')).toBe('OCR');
  });
});

describe('particle list', () => {
  it('contains every particle and ending the product promises, longest first', () => {
    const promised = [
      '은',
      '는',
      '이',
      '가',
      '을',
      '를',
      '의',
      '에',
      '에서',
      '에게',
      '께',
      '으로',
      '로',
      '와',
      '과',
      '도',
      '만',
      '까지',
      '부터',
      '보다',
      '처럼',
      '이나',
      '나',
      '랑',
      '이랑',
      '하고',
      '에서의',
      '으로의',
      '로의',
      '와의',
      '과의',
      '에는',
      '에서는',
      '으로는',
      '로는',
      '이라',
      '라',
      '이다',
      '입니다',
      '합니다',
      '하는',
      '싶다',
      '싶어요',
      '해요',
      '하기',
      '된',
      '되는',
      '할',
    ];
    for (const p of promised) expect(isParticle(p)).toBe(true);
    for (let i = 1; i < PARTICLES.length; i++) expect(PARTICLES[i - 1].length).toBeGreaterThanOrEqual(PARTICLES[i].length);
    expect(isParticle('공장')).toBe(false);
  });
});
