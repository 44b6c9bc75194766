import { describe, expect, it } from '@jest/globals';
import { checkPassword } from '../password-policy';

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
