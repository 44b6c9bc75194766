/**
 * English written in Hangul and back: Korean users type acronyms as they are read (오씨알 = OCR,
 * 알에이지 = RAG, 엠이에스 = MES) and loanwords in Hangul (디지털트윈 = digital twin), and type
 * English for what a listing wrote in Hangul (digital twin → 디지털 트윈). `transliterations`
 * gives a normalised text's other spellings; search, suggest and the concept picker try each.
 * Conservative by construction: a Hangul word is read as letters only when it is nothing but
 * letter names (at least two letters), and as loanwords only when it splits wholly into words
 * of the table below.
 */
import { normalize } from './normalize';
import { stripParticle } from './particles';

/** How Latin letters are read aloud in Korean (the usual spellings, several for some letters). */
const LETTER_NAMES: Record<string, readonly string[]> = {
  a: ['에이'],
  b: ['비'],
  c: ['씨', '시'],
  d: ['디'],
  e: ['이'],
  f: ['에프'],
  g: ['지', '쥐'],
  h: ['에이치', '에치'],
  i: ['아이'],
  j: ['제이'],
  k: ['케이'],
  l: ['엘'],
  m: ['엠'],
  n: ['엔'],
  o: ['오'],
  p: ['피'],
  q: ['큐'],
  r: ['알'],
  s: ['에스'],
  t: ['티'],
  u: ['유'],
  v: ['브이', '비'],
  w: ['더블유'],
  x: ['엑스'],
  y: ['와이'],
  z: ['제트', '지', '즈'],
};

/**
 * Loanwords of the marketplace's domain, Hangul ↔ English (normalised, lower case). Several Hangul
 * spellings may map to one English word; the first is the one written for English input.
 */
const LOANWORDS: ReadonlyArray<readonly [string, string]> = [
  ['디지털', 'digital'],
  ['디지탈', 'digital'],
  ['트윈', 'twin'],
  ['스마트', 'smart'],
  ['팩토리', 'factory'],
  ['머신', 'machine'],
  ['비전', 'vision'],
  ['러닝', 'learning'],
  ['딥', 'deep'],
  ['챗봇', 'chatbot'],
  ['로봇', 'robot'],
  ['로보틱스', 'robotics'],
  ['클라우드', 'cloud'],
  ['플랫폼', 'platform'],
  ['데이터', 'data'],
  ['데이타', 'data'],
  ['센서', 'sensor'],
  ['카메라', 'camera'],
  ['엣지', 'edge'],
  ['에지', 'edge'],
  ['컴퓨팅', 'computing'],
  ['컴퓨터', 'computer'],
  ['모니터링', 'monitoring'],
  ['시뮬레이션', 'simulation'],
  ['메타버스', 'metaverse'],
  ['드론', 'drone'],
  ['블록체인', 'blockchain'],
  ['빅데이터', 'big data'],
  ['키오스크', 'kiosk'],
  ['에이전트', 'agent'],
  ['자율주행', 'autonomous driving'],
  ['파운데이션', 'foundation'],
  ['모델', 'model'],
  ['트랜스포머', 'transformer'],
  ['솔루션', 'solution'],
  ['시스템', 'system'],
  ['매칭', 'matching'],
  ['마케팅', 'marketing'],
  ['콜센터', 'call center'],
  ['보이스', 'voice'],
  ['텍스트', 'text'],
  ['이미지', 'image'],
  ['비디오', 'video'],
  ['라이다', 'lidar'],
  ['레이더', 'radar'],
  ['서버', 'server'],
  ['온프레미스', 'on-premise'],
];

const EN_OF_KO = new Map<string, string>();
const KO_OF_EN = new Map<string, string>();
for (const [ko, en] of LOANWORDS) {
  if (!EN_OF_KO.has(ko)) EN_OF_KO.set(ko, en);
  if (!KO_OF_EN.has(en)) KO_OF_EN.set(en, ko);
}
const LONGEST_KO = Math.max(...LOANWORDS.map(([ko]) => ko.length));

/** Letter names by their Hangul spelling (에이 → a, 씨 → c, 시 → c, …). */
const LETTER_OF_NAME = new Map<string, string>();
for (const [letter, names] of Object.entries(LETTER_NAMES))
  for (const n of names) if (!LETTER_OF_NAME.has(n)) LETTER_OF_NAME.set(n, letter);
const LONGEST_NAME = Math.max(...[...LETTER_OF_NAME.keys()].map((n) => n.length));

const HANGUL_WORD = /^[가-힣]+$/;
const LATIN_WORD = /^[a-z]+$/;

/**
 * Splits a whole Hangul word into pieces of `table` (longest first, with backtracking); null when
 * it does not split wholly. At most `maxPieces` pieces.
 */
function segment(word: string, table: ReadonlyMap<string, string>, longest: number, maxPieces: number): string[] | null {
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === word.length) return [];
    if (memo.has(i)) return memo.get(i)!;
    let result: string[] | null = null;
    for (let len = Math.min(longest, word.length - i); len >= 1 && !result; len--) {
      const piece = table.get(word.slice(i, i + len));
      if (piece === undefined) continue;
      const rest = from(i + len);
      if (rest && rest.length + 1 <= maxPieces) result = [piece, ...rest];
    }
    memo.set(i, result);
    return result;
  };
  return from(0);
}

/** A Hangul word read as Latin letters (오씨알 → ocr, 알에이지 → rag), or null. Two to six letters. */
export function lettersOfHangul(word: string): string | null {
  if (!HANGUL_WORD.test(word)) return null;
  const letters = segment(word, LETTER_OF_NAME, LONGEST_NAME, 6);
  return letters && letters.length >= 2 ? letters.join('') : null;
}

/** A Latin acronym as it is read in Hangul (ocr → 오씨알), the first spelling of each letter. */
export function hangulOfLetters(acronym: string): string | null {
  if (!LATIN_WORD.test(acronym) || acronym.length < 2 || acronym.length > 6) return null;
  return [...acronym].map((c) => LETTER_NAMES[c][0]).join('');
}

/** A Hangul word as English loanwords (디지털트윈 → digital twin), or null. */
export function englishOfHangul(word: string): string | null {
  if (!HANGUL_WORD.test(word)) return null;
  const pieces = segment(word, EN_OF_KO, LONGEST_KO, 4);
  return pieces && pieces.length > 0 ? pieces.join(' ') : null;
}

/** A Hangul loanword for one English word (twin → 트윈), or null. */
export function hangulOfEnglish(word: string): string | null {
  return KO_OF_EN.get(word) ?? null;
}

/** The other spellings of one normalised word: English of a Hangul word (particle stripped), Hangul of an English word. */
export function wordTransliterations(word: string): string[] {
  const out: string[] = [];
  const ko = KO_OF_EN.get(word);
  if (ko) out.push(ko);
  const stem = stripParticle(word);
  const en = englishOfHangul(stem) ?? lettersOfHangul(stem);
  if (en) out.push(en);
  return out.filter((w) => w !== word);
}

/**
 * Other spellings of a text, each normalised, the text itself excluded: (1) Hangul words read as
 * English, the particle stripped first (오씨알을 → ocr, 디지털트윈의 → digital twin); (2) runs of
 * English loanwords written in Hangul (digital twin → 디지털 트윈). Words without another spelling
 * stay as they are. At most two variants: all-English and all-Hangul.
 */
export function transliterations(text: string): string[] {
  const normalized = normalize(text);
  if (!normalized) return [];
  const words = normalized.split(' ');
  let changedToLatin = false;
  const latin = words.map((w) => {
    const stem = stripParticle(w);
    const en = englishOfHangul(stem) ?? lettersOfHangul(stem);
    if (en === null) return w;
    changedToLatin = true;
    return en;
  });
  let changedToHangul = false;
  const hangul = words.map((w) => {
    const ko = KO_OF_EN.get(w);
    if (ko === undefined) return w;
    changedToHangul = true;
    return ko;
  });
  // Two English words that are one loanword in Hangul (big data → 빅데이터).
  for (let i = 0; i + 1 < words.length; i++) {
    const ko = KO_OF_EN.get(`${words[i]} ${words[i + 1]}`);
    if (ko !== undefined) {
      hangul.splice(i, 2, ko, '');
      changedToHangul = true;
    }
  }
  const out = new Set<string>();
  if (changedToLatin) out.add(latin.join(' '));
  if (changedToHangul) out.add(hangul.filter(Boolean).join(' '));
  out.delete(normalized);
  return [...out];
}
