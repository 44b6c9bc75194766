import type { Translate, UiLocale } from '@/i18n';

/** Korean amounts read in 만/억 units: 150,000,000 → "1억 5,000만". */
function koreanAmount(value: number): string {
  const group = new Intl.NumberFormat('ko-KR');
  if (value < 10_000) return group.format(value);
  const eok = Math.floor(value / 100_000_000);
  const man = Math.floor((value % 100_000_000) / 10_000);
  const rest = value % 10_000;
  const parts: string[] = [];
  if (eok > 0) parts.push(`${group.format(eok)}억`);
  if (man > 0) parts.push(`${group.format(man)}만`);
  if (rest > 0) parts.push(group.format(rest));
  return parts.join(' ');
}

/** An amount in KRW for reading: `1억 5,000만 원` / `KRW 150M`. */
export function formatKrw(value: number, locale: UiLocale): string {
  if (locale === 'ko') return `${koreanAmount(value)}원`;
  const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  return `KRW ${compact.format(value)}`;
}

/** A budget or price range; null when neither end is given. */
export function formatKrwRange(
  min: number | null | undefined,
  max: number | null | undefined,
  locale: UiLocale,
  t: Translate,
): string | null {
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (has(min) && has(max))
    return min === max ? formatKrw(min, locale) : t('money.range', { min: formatKrw(min, locale), max: formatKrw(max, locale) });
  if (has(min)) return t('money.from', { min: formatKrw(min, locale) });
  if (has(max)) return t('money.upTo', { max: formatKrw(max, locale) });
  return null;
}

/** Digits grouped by thousands as the user types (`1234567` → `1,234,567`); other text is left alone. */
export function groupDigits(value: string): string {
  const digits = value.replace(/[\s,]/g, '');
  if (!/^\d+$/.test(digits)) return value;
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
