import { parseKrw } from '@aimatch/contracts';

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

/**
 * A typed KRW amount (digits, or Korean units: "1억5천", "8천만", "1,200만원", "3.5억") → won;
 * '' → null; anything else (or a negative, fractional or too large amount) → 'invalid'.
 */
export function parseKrwInput(value: string, max?: number): number | null | 'invalid' {
  const parsed = parseKrw(value, max === undefined ? {} : { max });
  return typeof parsed === 'string' ? 'invalid' : parsed;
}

/** What a KRW input keeps of a keystroke: plain digits without separators, Korean text as typed. */
export function krwInputText(typed: string): string {
  const compact = typed.replace(/[\s,]/g, '');
  return /^\d*$/.test(compact) ? compact : typed;
}

/** A website as typed: a missing scheme becomes https:// ("example.co.kr" → "https://example.co.kr"). */
export function withScheme(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || /^[a-z][a-z\d+.-]*:(?!\d)/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, '')}`;
}

/** A website for the API: '' → undefined; with https:// added when missing; not an http(s) URL with a dotted host → 'invalid'. */
export function parseWebsite(value: string): string | undefined | 'invalid' {
  const url = withScheme(value);
  if (url === '') return undefined;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !/^[^.\s]+(\.[^.\s]+)+$/.test(parsed.hostname)) return 'invalid';
    return url;
  } catch {
    return 'invalid';
  }
}
