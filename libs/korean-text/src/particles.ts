/**
 * Particles (조사) and common endings (어미) at the end of a Hangul word, and the one-step
 * stripper. Three guards keep real words intact:
 *  1. form agreement: 이/은/을/과/으로/이나/이랑/이라 only after a final consonant (공장이),
 *     가/는/를/와/나/랑/라 only after a vowel (데이터를), 로 after a vowel or ㄹ: so 평가, 효과,
 *     경로, 차이 are never split;
 *  2. a minimum stem: ≥ 2 syllables when the word has ≥ 3, ≥ 1 otherwise (라이다 stays);
 *  3. a list of nouns that merely end like a particle (추가, 결과, 회로, 속도, 카메라 …).
 */
import { isSyllableCode, jongseongIndex } from './hangul';

/** Where a particle may follow: any syllable, one with a final consonant, one without, one without or with ㄹ. */
const Form = { Any: 0, AfterConsonant: 1, AfterVowel: 2, AfterVowelOrRieul: 3 } as const;
type Form = (typeof Form)[keyof typeof Form];

const A = Form.Any;
const C = Form.AfterConsonant;
const V = Form.AfterVowel;
const VR = Form.AfterVowelOrRieul;

const PARTICLE_FORMS: Array<[string, Form]> = [
  // case particles
  ['은', C],
  ['는', V],
  ['이', C],
  ['가', V],
  ['을', C],
  ['를', V],
  ['의', A],
  ['에', A],
  ['께', A],
  ['로', VR],
  ['으로', C],
  ['와', V],
  ['과', C],
  ['도', A],
  ['만', A],
  ['나', V],
  ['이나', C],
  ['랑', V],
  ['이랑', C],
  ['라', V],
  ['이라', C],
  ['에서', A],
  ['에게', A],
  ['에게서', A],
  ['한테', A],
  ['께서', A],
  ['까지', A],
  ['부터', A],
  ['보다', A],
  ['처럼', A],
  ['마다', A],
  ['조차', A],
  ['밖에', A],
  ['하고', A],
  ['들', A],
  // stacked particles
  ['에서의', A],
  ['으로의', C],
  ['로의', VR],
  ['와의', V],
  ['과의', C],
  ['에의', A],
  ['에는', A],
  ['에서는', A],
  ['으로는', C],
  ['로는', VR],
  ['에도', A],
  ['에서도', A],
  ['으로도', C],
  ['로도', VR],
  ['에만', A],
  ['에선', A],
  ['이란', C],
  ['란', V],
  ['이라는', C],
  ['라는', V],
  ['이라고', C],
  ['라고', V],
  ['이며', C],
  ['이고', C],
  // copula and common verb endings on 하다/되다 nouns (예측하고 → 예측, 자동화된 → 자동화)
  ['이다', A],
  ['입니다', A],
  ['이에요', C],
  ['예요', V],
  ['합니다', A],
  ['하는', A],
  ['하기', A],
  ['해요', A],
  ['하다', A],
  ['한다', A],
  ['했다', A],
  ['했습니다', A],
  ['하여', A],
  ['해서', A],
  ['하며', A],
  ['하면', A],
  ['하고자', A],
  ['하려는', A],
  ['하던', A],
  ['했던', A],
  ['할', A],
  ['된', A],
  ['되는', A],
  ['된다', A],
  ['됩니다', A],
  ['되어', A],
  ['되고', A],
  ['되며', A],
  ['싶다', A],
  ['싶어요', A],
  ['싶습니다', A],
  ['하고싶다', A],
  ['하고싶어요', A],
  ['하고싶습니다', A],
];

// Plural 들 followed by a particle: 공장들의 → 공장.
for (const p of [
  '은',
  '이',
  '을',
  '과',
  '로',
  '의',
  '에',
  '도',
  '만',
  '에서',
  '에게',
  '이나',
  '처럼',
  '과의',
  '로의',
  '에서의',
  '에는',
  '에서는',
]) {
  PARTICLE_FORMS.push(['들' + p, A]);
}

/**
 * Nouns that end like a particle or ending and must not be split (whole-word match). Only words
 * the form check lets through need to be here: 평가 (평 has a final consonant, so 가 cannot be a
 * particle) does not.
 */
const NOT_A_PARTICLE = new Set([
  // …가 after a vowel
  '추가',
  '부가',
  '대가',
  '고가',
  '저가',
  '주가',
  '시가',
  '휴가',
  '여가',
  '호가',
  '자가',
  '재가',
  '투자가',
  '작가',
  '교가',
  // …이 after a consonant
  '길이',
  '높이',
  '깊이',
  '넓이',
  '놀이',
  '먹이',
  '손잡이',
  '떡볶이',
  // …과 after a consonant
  '결과',
  '성과',
  '학과',
  '통과',
  '경과',
  '간과',
  '인과',
  '일과',
  '전과',
  '공과',
  '생과',
  '외과',
  '내과',
  '안과',
  '치과',
  // …로 after a vowel or ㄹ
  '회로',
  '도로',
  '미로',
  '수로',
  '고로',
  '기로',
  '해로',
  '활로',
  '선로',
  '철로',
  '항로',
  '전기로',
  '가열로',
  '건조로',
  '열처리로',
  '용해로',
  '소성로',
  '소결로',
  '전로',
  // …의
  '회의',
  '정의',
  '논의',
  '문의',
  '주의',
  '합의',
  '협의',
  '건의',
  '강의',
  '모의',
  '동의',
  '편의',
  '제의',
  '질의',
  '토의',
  '심의',
  '결의',
  '창의',
  '임의',
  '예의',
  '수의',
  '거의',
  '호의',
  '고의',
  '민의',
  '본의',
  '의의',
  // …도
  '정도',
  '속도',
  '온도',
  '습도',
  '강도',
  '각도',
  '밀도',
  '농도',
  '빈도',
  '고도',
  '제도',
  '지도',
  '시도',
  '용도',
  '태도',
  '한도',
  '진도',
  '순도',
  '조도',
  '감도',
  '척도',
  '명도',
  '채도',
  '경도',
  '위도',
  '전도',
  '반도',
  '의도',
  '난도',
  '과도',
  '적도',
  '부도',
  '포도',
  '수도',
  '보도',
  '구도',
  '유도',
  '염도',
  '탁도',
  '점도',
  '당도',
  '산도',
  '광도',
  '휘도',
  '심도',
  '선도',
  '주도',
  '신도',
  '인도',
  '식도',
  '정확도',
  '만족도',
  '해상도',
  '신뢰도',
  '난이도',
  '중요도',
  '정밀도',
  '선명도',
  '유사도',
  '복잡도',
  '완성도',
  '성숙도',
  '숙련도',
  '인지도',
  '활용도',
  '기여도',
  '집중도',
  '민감도',
  '선호도',
  '적합도',
  '관련도',
  '충실도',
  '가용도',
  '청정도',
  '혼잡도',
  '평탄도',
  '진직도',
  '진원도',
  '조명도',
  '투명도',
  '오염도',
  '피로도',
  '위험도',
  '심각도',
  '난도',
  // …만
  '불만',
  '미만',
  '이만',
  '오만',
  '태만',
  '비만',
  '충만',
  '풍만',
  '간만',
  '만만',
  '천만',
  '백만',
  '수만',
  // …나 / …라 / …랑 / …와 after a vowel
  '하나',
  '코로나',
  '안테나',
  '바나나',
  '카메라',
  '인프라',
  '울트라',
  '엑스트라',
  '오케스트라',
  '키메라',
  '사랑',
  '노랑',
  '파랑',
  '기와',
  // …께 / …할 / …들 / …도 others
  '함께',
  '역할',
  '분할',
  '관할',
  '직할',
  '그들',
  '너희들',
]);

/** Particle → its form rule; the candidate list per last syllable, longest first. */
const FORM_OF = new Map<string, Form>(PARTICLE_FORMS);
const BY_LAST_SYLLABLE = new Map<number, string[]>();
for (const [p] of PARTICLE_FORMS) {
  const last = p.charCodeAt(p.length - 1);
  const list = BY_LAST_SYLLABLE.get(last) ?? [];
  if (!list.includes(p)) list.push(p);
  BY_LAST_SYLLABLE.set(last, list);
}
for (const list of BY_LAST_SYLLABLE.values()) list.sort((a, b) => b.length - a.length);

/** Every particle and ending the stripper knows, longest first. */
export const PARTICLES: readonly string[] = [...FORM_OF.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** True when `word` is nothing but a particle or ending (와, 에서의, 합니다): e.g. glued to a Latin word (MES와). */
export function isParticle(word: string): boolean {
  return FORM_OF.has(word);
}

function formAllows(form: Form, before: number): boolean {
  if (form === Form.Any) return true;
  const jong = jongseongIndex(before);
  if (jong < 0) return true; // not a syllable (MES와, AI가): pronunciation unknown, accept either form
  if (form === Form.AfterConsonant) return jong !== 0;
  if (form === Form.AfterVowel) return jong === 0;
  return jong === 0 || jong === 8; // ㄹ
}

/**
 * Strips one trailing particle or ending from a Hangul word, longest match first (공장에서는 →
 * 공장, 데이터를 → 데이터, 예측하고 → 예측, 머신러닝으로 → 머신러닝). The stem keeps ≥ 2
 * characters when the word has ≥ 3, ≥ 1 otherwise; the particle must agree with the stem's final
 * sound (see the module comment); listed nouns (추가, 결과, 카메라 …) stay whole. Returns the word
 * unchanged when nothing applies (이미지, 데이터, 머신러닝, 설비). Expects normalised text; a stem
 * may end in a non-Hangul character (MES와 → MES).
 */
export function stripParticle(word: string): string {
  const n = word.length;
  if (n < 2) return word;
  const last = word.charCodeAt(n - 1);
  if (!isSyllableCode(last)) return word;
  const candidates = BY_LAST_SYLLABLE.get(last);
  if (candidates === undefined || NOT_A_PARTICLE.has(word)) return word;
  const minStem = n >= 3 ? 2 : 1;
  for (const p of candidates) {
    const stemLength = n - p.length;
    if (stemLength < minStem || !word.endsWith(p)) continue;
    if (!formAllows(FORM_OF.get(p)!, word.charCodeAt(stemLength - 1))) continue;
    return word.slice(0, stemLength);
  }
  return word;
}

/**
 * Words that carry no search meaning on their own; dropped from queries (never from the index)
 * unless the query has nothing else: "AI 기반 불량검출이 필요합니다" asks for ai + 불량검출.
 */
const QUERY_STOPWORDS = new Set([
  '및',
  '등',
  '또는',
  '그리고',
  '혹은',
  '또',
  '위한',
  '위해',
  '위하여',
  '대한',
  '대해',
  '대하여',
  '통한',
  '통해',
  '통하여',
  '관련',
  '관련된',
  '기반',
  '있는',
  '있다',
  '있습니다',
  '있어요',
  '없는',
  '필요',
  '필요한',
  '원합니다',
  '원해요',
  '원하는',
  '희망',
  '이',
  '그',
  '저',
  '우리',
  '저희',
  '것',
  '수',
  '좀',
  '더',
  '같은',
  '어떤',
  '무슨',
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'with',
  'in',
  'on',
  'to',
  'by',
  'based',
  'using',
  'via',
]);

/** True when a (normalised, stripped) query word is a stop word or a bare particle/ending. */
export function isQueryStopword(word: string): boolean {
  return QUERY_STOPWORDS.has(word) || FORM_OF.has(word);
}
