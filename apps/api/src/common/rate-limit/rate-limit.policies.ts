import type { AppConfig } from '../../config/config.schema';

/**
 * Every rate limit of the API by name: how many points (calls) a key may spend per fixed window.
 * The key is what the caller passes (an address, a user id, an e-mail); the same name means the
 * same counter on every instance.
 */
export type RateLimitPolicy =
  /** GraphQL operations (HTTP requests through the guard) per client address. */
  | 'api'
  /** Sign-up and sign-in attempts per client address. */
  | 'auth-ip'
  /** Session refreshes per client address (its own budget: an office's failed sign-ins must not sign colleagues out). */
  | 'auth-refresh'
  /** Chat messages sent per user (counted after the payload is valid). */
  | 'chat-send'
  /** Chat edits and deletes per user. */
  | 'chat-edit'
  /** Socket handshakes (each namespace connect) per client address, checked before the token. */
  | 'socket-connect'
  /** Joining and leaving conversation rooms per user (a reconnect rejoins every opened thread). */
  | 'socket-join'
  /** `sync` pages per user (after every reconnect, per opened thread, 200 messages a page). */
  | 'socket-sync'
  /** Read receipts per user. */
  | 'socket-read'
  /** Typing signals per user that pass the per-conversation 300 ms throttle. */
  | 'socket-typing'
  /** Token refreshes on an open socket (`auth`) per user; access tokens live 15 minutes. */
  | 'socket-auth'
  /** `ping` round trips per user. */
  | 'socket-ping'
  /** File uploads (`POST /files`) per user. */
  | 'file-upload'
  /** Invitation e-mails sent again (`resendInvitation`) per invitation (helper M). */
  | 'invitation-resend'
  /** Verification e-mails re-sent per user (helper E). */
  | 'verify-email-resend'
  /** "Someone tried to sign up with your address" notices per account (more attempts answer the same, unmailed). */
  | 'signup-attempt-mail'
  /** Password-reset requests per client address (#13 R). */
  | 'password-reset-ip'
  /** Password-reset requests per e-mail address, whether or not it has an account (at most a few mails an hour to anyone). */
  | 'password-reset-email'
  /** Invitations to bid a demand's members send per hour (#14: inviting is a notice to another organization). */
  | 'bid-invitation'
  /** Files sent in chat messages per user (#14 F: each one is a download for the other side). */
  | 'chat-files';

export interface RateLimitRule {
  points: number;
  windowSeconds: number;
}

export function rateLimitRules(config: AppConfig): Record<RateLimitPolicy, RateLimitRule> {
  return {
    api: { points: config.RATE_LIMIT_API_PER_MINUTE, windowSeconds: 60 },
    'auth-ip': { points: config.RATE_LIMIT_AUTH_PER_IP_PER_MINUTE, windowSeconds: 60 },
    'auth-refresh': { points: config.RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE, windowSeconds: 60 },
    'chat-send': { points: config.CHAT_RATE_LIMIT_MESSAGES, windowSeconds: config.CHAT_RATE_LIMIT_WINDOW_SECONDS },
    'chat-edit': { points: 60, windowSeconds: 60 },
    'socket-connect': { points: 300, windowSeconds: 60 },
    'socket-join': { points: 300, windowSeconds: 60 },
    'socket-sync': { points: 600, windowSeconds: 60 },
    'socket-read': { points: 300, windowSeconds: 60 },
    'socket-typing': { points: 300, windowSeconds: 60 },
    'socket-auth': { points: 20, windowSeconds: 60 },
    'socket-ping': { points: 60, windowSeconds: 60 },
    'file-upload': { points: config.RATE_LIMIT_FILE_UPLOADS_PER_HOUR, windowSeconds: 3600 },
    'invitation-resend': { points: 3, windowSeconds: 3600 },
    'verify-email-resend': { points: 3, windowSeconds: 3600 },
    'signup-attempt-mail': { points: 3, windowSeconds: 3600 },
    'password-reset-ip': { points: config.RATE_LIMIT_PASSWORD_RESET_PER_IP_PER_HOUR, windowSeconds: 3600 },
    'password-reset-email': { points: config.RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_PER_HOUR, windowSeconds: 3600 },
    'bid-invitation': { points: 60, windowSeconds: 3600 },
    'chat-files': { points: 100, windowSeconds: 3600 },
  };
}

/**
 * Limits that count FAILURES and answer them with a growing wait instead of a hard block
 * (`RateLimiter.claimAttempt` / `recordFailure` / `clearFailures`, table `rate_backoffs`).
 */
export type BackoffPolicy =
  /** Failed sign-ins (wrong password or second factor) per account and client address (#13 M4). */
  'signin-account';

export interface BackoffRule {
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** The wait after the first failure past `freeFailures`; each further failure doubles it… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A key's failures are forgotten this long after its last failure (a success forgets them at once). */
  forgetAfterSeconds: number;
}

export function backoffRules(config: AppConfig): Record<BackoffPolicy, BackoffRule> {
  return {
    'signin-account': {
      freeFailures: config.RATE_LIMIT_SIGNIN_PER_ACCOUNT_PER_15_MINUTES,
      baseDelayMs: 1000,
      maxDelayMs: 15 * 60 * 1000,
      forgetAfterSeconds: 24 * 3600,
    },
  };
}

/** The wait before the attempt that follows failure number `failures` (none while within the free failures). */
export function backoffDelayMs(rule: BackoffRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(failures - rule.freeFailures, 30));
}
