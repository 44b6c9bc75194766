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

/** `abcdefghij`, `0123456789`, `9876543210`: a run of consecutive code points. */
function isSequence(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  if (Math.abs(step) !== 1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}
