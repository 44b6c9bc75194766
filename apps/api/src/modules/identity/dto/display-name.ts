import type { MessageLocale } from '@aimatch/validation';

/** What a deleted account's name reads as, wherever a user's name is shown. */
export const DELETED_USER_NAME: Record<MessageLocale, string> = { ko: '탈퇴한 사용자', en: 'Deleted user' };

/**
 * The one display-name resolution: a user's own name, or "탈퇴한 사용자" / "Deleted user" once the account is
 * deleted (its row stays, anonymised, so messages and reviews keep an author). Every field that shows a
 * user's name goes through here.
 */
export function displayNameOf(user: { displayName: string; deletedAt?: Date | null }, locale: MessageLocale): string {
  return user.deletedAt ? DELETED_USER_NAME[locale] : user.displayName;
}
