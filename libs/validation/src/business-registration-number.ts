/**
 * Korean business registration number (사업자등록번호): 10 digits `XXX-XX-XXXXX`; the last digit
 * is a check digit computed with weights 1,3,7,1,3,7,1,3,5 (National Tax Service rule).
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** Strips spaces and dashes; returns the 10 digits or null when the shape is wrong. */
export function normalizeBusinessRegistrationNumber(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(compact) ? compact : null;
}

export function businessRegistrationCheckDigit(first9: string): number {
  const d = [...first9].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * WEIGHTS[i];
  sum += Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export function isValidBusinessRegistrationNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  return businessRegistrationCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

export function formatBusinessRegistrationNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
