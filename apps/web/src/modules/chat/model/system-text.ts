import type { Translate, UiLocale } from '@/i18n';
import { formatKrw, subjectParticle } from '@/shared/format';
import type { ChatMessage } from './types';

/** What a bid event's system message carries (see the bids module's chat payload). */
interface BidEventPayload {
  organizationId?: string;
  amountKrw?: number;
  durationWeeks?: number;
  revision?: number;
}

/**
 * A system message in words, in the reader's language: "(주)푸드아이가 1억 1,000만원·14주 입찰을
 * 제출했습니다" rather than BID_SUBMITTED. `organizationName` names a participant organization
 * (null when it is not one); an event this client does not know reads as a generic notice.
 */
export function systemMessageText(
  m: Pick<ChatMessage, 'systemEvent' | 'systemPayload' | 'body'>,
  organizationName: (id: string) => string | null,
  locale: UiLocale,
  t: Translate,
): string {
  const p = (m.systemPayload ?? {}) as BidEventPayload;
  const org = (p.organizationId && organizationName(p.organizationId)) || t('chat.system.bidder');
  const terms =
    typeof p.amountKrw === 'number' && typeof p.durationWeeks === 'number'
      ? t('chat.system.terms', { amount: formatKrw(p.amountKrw, locale), weeks: p.durationWeeks })
      : null;
  const vars = { org, particle: subjectParticle(org), terms: terms ?? '', revision: p.revision ?? 1 };
  switch (m.systemEvent) {
    case 'BID_SUBMITTED':
      if (!terms) return t('chat.system.bidSubmittedPlain', vars);
      return (p.revision ?? 1) > 1 ? t('chat.system.bidRevised', vars) : t('chat.system.bidSubmitted', vars);
    case 'BID_ACCEPTED':
      return terms ? t('chat.system.bidAccepted', vars) : t('chat.system.bidAcceptedPlain', vars);
    default:
      return m.body ?? t('chat.system.other');
  }
}
