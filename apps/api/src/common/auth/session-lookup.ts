import type { Locale, PlatformRole } from '@aimatch/contracts';

/**
 * The port through which the access-token check reads the session behind a token. common/auth sits
 * below the feature modules, so it declares what it needs and identity (which owns users and
 * sessions) provides it under this token.
 */
export const SESSION_LOOKUP = Symbol('SessionLookup');

export interface SessionLookup {
  /** The user's current roles and locale while the session (refresh family) is live; null for an unknown user or a signed-out session. */
  activeSession(userId: string, sessionId: string): Promise<{ roles: PlatformRole[]; locale: Locale } | null>;
}
