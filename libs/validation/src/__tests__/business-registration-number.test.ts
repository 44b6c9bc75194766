import { describe, expect, it } from '@jest/globals';
import {
  businessRegistrationCheckDigit,
  formatBusinessRegistrationNumber,
  isValidBusinessRegistrationNumber,
  normalizeBusinessRegistrationNumber,
} from '../business-registration-number';

describe('business registration number (사업자등록번호)', () => {
  it.each([
    ['220-88-12340', true],
    ['2208812340', true],
    ['123-45-67891', true],
    ['123-45-67890', false],
    ['2208812341', false],
  ])('%s checksum valid: %s', (input, valid) => {
    expect(isValidBusinessRegistrationNumber(normalizeBusinessRegistrationNumber(input)!)).toBe(valid);
  });

  it('applies the 9th digit ×5 carry of the national rule', () => {
    // 9th digit 9: 9*5 = 45 → adds 4 beyond the weighted sum.
    expect(businessRegistrationCheckDigit('000000009')).toBe((10 - ((9 * 5 + 4) % 10)) % 10);
  });

  it.each(['12345', '12a4567890', '123-45-678901', ''])('rejects the shape %p', (input) => {
    expect(normalizeBusinessRegistrationNumber(input)).toBeNull();
  });

  it('formats as XXX-XX-XXXXX', () => {
    expect(formatBusinessRegistrationNumber('2208812340')).toBe('220-88-12340');
  });
});
