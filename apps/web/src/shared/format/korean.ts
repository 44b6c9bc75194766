/**
 * The subject particle after a name: 이 after a final consonant (받침), 가 after a vowel, and
 * "이(가)" when the name does not end in a Hangul syllable (ACME, 3M) so the sentence stays right.
 */
export function subjectParticle(word: string): '이' | '가' | '이(가)' {
  const last = word.trim().at(-1);
  const code = last ? last.charCodeAt(0) - 0xac00 : -1;
  if (code < 0 || code > 11_171) return '이(가)';
  return code % 28 === 0 ? '가' : '이';
}
