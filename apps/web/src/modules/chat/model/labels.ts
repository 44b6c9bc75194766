import type { SimpleMessageKey, UiLocale } from '@/i18n';
import { organizationName } from '@/modules/organization';
import type { ConversationSummary } from './types';

export const contextKey = (type: ConversationSummary['contextType']): SimpleMessageKey => `chat.context.${type}`;

/** The other organizations of a conversation, in the UI language. */
export function counterpartNames(c: ConversationSummary, myOrganizationIds: ReadonlySet<string>, locale: UiLocale): string {
  const others = c.participants.filter((p) => !myOrganizationIds.has(p.id));
  return (others.length ? others : c.participants).map((p) => organizationName(p, locale)).join(', ');
}

export function contextTitle(c: ConversationSummary, locale: UiLocale): string | null {
  return (locale === 'en' && c.contextTitleEn) || c.contextTitle || null;
}

/** Where the context lives in the app (demands and listings share the detail page). */
export function contextPath(c: Pick<ConversationSummary, 'contextType' | 'contextId'>): string | null {
  return c.contextType === 'BID' ? null : `/listings/${c.contextId}`;
}
