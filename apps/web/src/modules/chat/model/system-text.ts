import type { Translate, UiLocale } from '@/i18n';
import { formatKrw, subjectParticle } from '@/shared/format';
import type { ChatMessage } from './types';

/** What a bid event's system message carries (see the bids module's chat payload). */
interface BidEventPayload {
  organizationId?: string;
  amountKrw?: number;
  durationWeeks?: number;
  revision?: number;
  /** Project steps (the projects module's chat payload): the milestone's 1-based number and title. */
  position?: number;
  milestoneTitle?: string;
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
  const milestone = typeof p.position === 'number' ? t('chat.system.milestone', { n: p.position, title: p.milestoneTitle ?? '' }) : '';
  const vars = { org, particle: subjectParticle(org), terms: terms ?? '', revision: p.revision ?? 1, milestone };
  switch (m.systemEvent) {
    case 'BID_SUBMITTED':
      if (!terms) return t('chat.system.bidSubmittedPlain', vars);
      return (p.revision ?? 1) > 1 ? t('chat.system.bidRevised', vars) : t('chat.system.bidSubmitted', vars);
    case 'BID_ACCEPTED':
      return terms ? t('chat.system.bidAccepted', vars) : t('chat.system.bidAcceptedPlain', vars);
    case 'MILESTONE_DELIVERED':
      return t('chat.system.milestoneDelivered', vars);
    case 'MILESTONE_ACCEPTED':
      return t('chat.system.milestoneAccepted', vars);
    case 'MILESTONE_REWORK_REQUESTED':
      return t('chat.system.milestoneRework', vars);
    case 'PROJECT_COMPLETION_PROPOSED':
      return t('chat.system.completionProposed', vars);
    case 'PROJECT_COMPLETION_WITHDRAWN':
      return t('chat.system.completionWithdrawn', vars);
    case 'PROJECT_COMPLETED':
      return t('chat.system.projectCompleted');
    default:
      return m.body ?? t('chat.system.other');
  }
}
