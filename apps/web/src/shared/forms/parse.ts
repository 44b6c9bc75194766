/** A 1–4 digit year; '' → undefined; anything else → 'invalid'. */
export function parseYear(value: string): number | undefined | 'invalid' {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/** Empty optional text → undefined (omitted from the input). */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Digits with optional thousands separators → number; '' → null. */
export function parseAmount(value: string): number | null | 'invalid' {
  const compact = value.replace(/[\s,]/g, '');
  if (compact === '') return null;
  if (!/^\d{1,16}$/.test(compact)) return 'invalid';
  return Number(compact);
}
