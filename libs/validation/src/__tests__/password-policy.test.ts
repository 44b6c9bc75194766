import { describe, expect, it } from '@jest/globals';
import { checkPassword, checkPasswordStrength } from '../password-policy';

describe('checkPassword', () => {
  it.each([
    ['short', 'password-length'],
    ['x'.repeat(129), 'password-length'],
    ['Password123', 'password-common'],
    ['0123456789', 'password-common'],
    ['abababababab', 'password-common'],
    ['minji.kim-2026', 'password-contains-email'],
  ])('%p breaks %s', (password, rule) => {
    expect(checkPassword(password, 'minji.kim@example.kr')).toEqual([expect.objectContaining({ path: 'password', rule })]);
  });

  it.each(['correct-horse-battery-9', '우리공장불량검출AI도입', 'a'.repeat(3) + 'bcdefghij' + '!'.repeat(50)])('accepts %p', (password) => {
    expect(checkPassword(password, 'minji.kim@example.kr')).toEqual([]);
  });

  it('counts characters, not bytes, so Korean pass-phrases of 10 syllables pass', () => {
    expect(checkPassword('가나다라마바사아자차', 'a@b.kr')).toEqual([]);
  });
});

describe('checkPasswordStrength', () => {
  it.each([['qwerty12345'], ['1q2w3e4r5t6y'], ['dkssudgktpdy'], ['tkfkdgo1234'], ['비밀번호123456'], ['password!2026'], ['minji1234567']])(
    '%p is refused as password-guessable',
    async (password) => {
      expect(await checkPasswordStrength(password, 'minji.kim@example.kr')).toEqual([{ path: 'password', rule: 'password-guessable' }]);
    },
  );

  it('reports the quick rules first, on the caller’s path', async () => {
    expect(await checkPasswordStrength('short', 'a@b.kr', 'newPassword')).toEqual([
      expect.objectContaining({ path: 'newPassword', rule: 'password-length' }),
    ]);
  });

  it.each(['correct-horse-battery-9', '우리공장불량검출AI도입', 'violet tugboat orbit 71'])('accepts %p', async (password) => {
    expect(await checkPasswordStrength(password, 'minji.kim@example.kr')).toEqual([]);
  });
});
