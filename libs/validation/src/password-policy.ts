import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aimatch/contracts';
import type { RuleViolation } from './violation';

/**
 * Password rules after NIST SP 800-63B / OWASP ASVS: length over composition, a deny list of
 * the most common choices, nothing derived from the account's e-mail. Up to 128 characters so
 * that pass-phrases fit (argon2 hashes any length in constant memory).
 */
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aimatch/contracts';

const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  '1234567890',
  '12345678',
  '123456789',
  '0123456789',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1qaz2wsx',
  'iloveyou',
  'admin1234',
  'administrator',
  'welcome1',
  'letmein',
  'abc123456',
  'aimatch',
  'aimatch123',
  'sunshine',
  'football',
  'princess',
  'dragon',
  'asdfghjkl',
  'zxcvbnm',
  'q1w2e3r4',
  'qwer1234',
  'asdf1234',
]);

export function checkPassword(password: string, email: string, path = 'password'): RuleViolation[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return [{ path, rule: 'password-length', params: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } }];
  }
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return [{ path, rule: 'password-contains-email' }];
  if (COMMON.has(lower) || new Set(lower).size <= 2 || isSequence(lower)) {
    return [{ path, rule: 'password-common' }];
  }
  return [];
}

/**
 * `checkPassword` and, when it passes, a guessability estimate by zxcvbn (zxcvbn-ts): keyboard
 * walks (qwerty12345, 1q2w3e4r5t6y), dictionary words with digits and substitutions, dates,
 * repeats, and Korean typed on the English layout (dkssud = 안녕). Asynchronous because the
 * dictionaries (~1.5 MB) are imported on first use, not by everything that imports this library.
 */
export async function checkPasswordStrength(password: string, email: string, path = 'password'): Promise<RuleViolation[]> {
  const quick = checkPassword(password, email, path);
  if (quick.length) return quick;
  const [emailLocal, domain] = email.toLowerCase().split('@');
  const { score } = (await strength()).check(password, [emailLocal ?? '', domain ?? '', 'aimatch']);
  return score < MIN_STRENGTH ? [{ path, rule: 'password-guessable' }] : [];
}

/** zxcvbn's scale 0–4: 3 is "safely unguessable: moderate protection from offline slow-hash attacks" (argon2id here). */
export const MIN_STRENGTH = 3;

/**
 * Korean words people use as passwords, romanised and as typed on the English layout of a
 * 두벌식 keyboard (`dkssud` is 안녕 typed without switching to Korean).
 */
const KOREAN_PASSWORD_WORDS = [
  'dkssud',
  'dkssudgktpdy',
  'tkfkd',
  'tkfkdgo',
  'tkfkdgody',
  'qlalfqjsgh',
  'rhksflwk',
  'gksrnr',
  'eogksalsrnr',
  'dlsrhdwlsmd',
  'wjdqh',
  'annyeong',
  'annyeonghaseyo',
  'saranghae',
  'saranghaeyo',
  'daehanminguk',
  'hanguk',
  'seoul',
  'busan',
  'aimatch',
  'matching',
];

interface StrengthEstimator {
  check(password: string, userInputs: string[]): { score: number };
}
let estimator: Promise<StrengthEstimator> | undefined;
/** Built once on first use: importing the dictionaries takes ~150 ms; a check then takes 2–40 ms. */
function strength(): Promise<StrengthEstimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, korean: KOREAN_PASSWORD_WORDS },
      graphs: common.adjacencyGraphs,
    });
  })();
  return estimator;
}

/** `abcdefghij`, `0123456789`, `9876543210`: a run of consecutive code points. */
function isSequence(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  if (Math.abs(step) !== 1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}
