import type { Translate } from '@/i18n';

/** How long an item has waited, e.g. "2일 3시간" / "5시간 10분" (never negative). */
export function waitingSince(iso: string, t: Translate, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  return days > 0 ? t('curation.waitingDays', { days, hours: hours % 24 }) : t('curation.waitingHours', { hours, minutes: minutes % 60 });
}

/** A similarity in [0, 1] as a whole percentage. */
export function percent(similarity: number): string {
  return `${Math.round(Math.min(1, Math.max(0, similarity)) * 100)}%`;
}
