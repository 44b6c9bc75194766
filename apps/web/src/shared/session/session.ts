import { stringifyDocument } from 'urql';
import type { AuthPayloadFieldsFragment, RefreshSessionMutation } from '@/generated/graphql';
import { getLocale } from '@/i18n';
import { RefreshSessionMutation as RefreshSessionDocument } from './operations';

/**
 * Session state, kept outside React so the GraphQL client's auth exchange can
 * read and refresh it.
 *
 * - The access token lives in memory only.
 * - The refresh token lives in localStorage (`aimatch.refreshToken`); tokens
 *   rotate, so every refresh stores the new refresh token it returns.
 * - Refreshes are single-flight (and serialised across tabs with the Web Locks
 *   API where available) so a rotated token is never presented twice.
 * - `epoch` changes whenever the signed-in identity changes (sign in, sign out,
 *   expiry): the app builds a fresh GraphQL client (and cache) per epoch.
 */
export const REFRESH_TOKEN_STORAGE_KEY = 'aimatch.refreshToken';
export const GRAPHQL_ENDPOINT = '/graphql';

export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated';

export interface SessionState {
  readonly status: SessionStatus;
  readonly accessToken: string | null;
  /** Epoch milliseconds, or null when unknown. */
  readonly accessTokenExpiresAt: number | null;
  /** Refresh this long before expiry (a quarter of the token's lifetime, at most 30 s). */
  readonly refreshMarginMs: number;
  readonly userId: string | null;
  readonly epoch: number;
}

/** `revoked`: the server ended this session (signed out elsewhere, password reset or changed on another device). */
export type SessionEndReason = 'signed-out' | 'expired' | 'revoked';

const ANONYMOUS: Omit<SessionState, 'epoch'> = {
  status: 'anonymous',
  accessToken: null,
  accessTokenExpiresAt: null,
  refreshMarginMs: 0,
  userId: null,
};

function readRefreshToken(): string | null {
  try {
    return window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, token);
    else window.localStorage.removeItem(REFRESH_TOKEN_STORAGE_KEY);
  } catch {
    // Without storage the session simply does not survive a reload.
  }
}

function parseInstant(value: string): number | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

let state: SessionState = {
  ...ANONYMOUS,
  status: readRefreshToken() ? 'restoring' : 'anonymous',
  epoch: 0,
};
const listeners = new Set<() => void>();
const endListeners = new Set<(reason: SessionEndReason) => void>();
let inFlightRefresh: Promise<boolean> | null = null;

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): SessionState {
  return state;
}

export function getRefreshToken(): string | null {
  return readRefreshToken();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called when a session ends without the user asking (refresh failed) or on sign-out. */
export function onSessionEnd(listener: (reason: SessionEndReason) => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/** Store the tokens of a successful signUp / signIn / refreshSession. */
export function startSession(payload: AuthPayloadFieldsFragment): void {
  writeRefreshToken(payload.refreshToken);
  const sameUser = state.status === 'authenticated' && state.userId === payload.me.user.id;
  const expiresAt = parseInstant(payload.accessTokenExpiresAt);
  setState({
    status: 'authenticated',
    accessToken: payload.accessToken,
    accessTokenExpiresAt: expiresAt,
    refreshMarginMs: expiresAt === null ? 0 : Math.max(0, Math.min(30_000, (expiresAt - Date.now()) / 4)),
    userId: payload.me.user.id,
    // A token rotation for the same user keeps the client (and its cache).
    epoch: sameUser ? state.epoch : state.epoch + 1,
  });
}

/** Drop the stored refresh token only (a reload from now on starts signed out). */
export function forgetStoredRefreshToken(): void {
  writeRefreshToken(null);
}

/** Forget every token. */
export function endSession(reason: SessionEndReason): void {
  const hadSession = state.status !== 'anonymous' || readRefreshToken() !== null;
  writeRefreshToken(null);
  setState({ ...ANONYMOUS, epoch: state.epoch + 1 });
  if (hadSession) endListeners.forEach((listener) => listener(reason));
}

/** True when the access token is missing or about to expire. */
export function accessTokenNeedsRefresh(now: number = Date.now()): boolean {
  if (state.status === 'restoring') return true;
  if (state.status !== 'authenticated') return false;
  if (!state.accessToken) return true;
  return state.accessTokenExpiresAt !== null && state.accessTokenExpiresAt - now < state.refreshMarginMs;
}

type RefreshOutcome = 'ok' | 'rejected' | 'unavailable';

async function callRefreshSession(refreshToken: string): Promise<RefreshOutcome> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        'Accept-Language': getLocale(),
      },
      body: JSON.stringify({
        operationName: 'RefreshSession',
        query: stringifyDocument(RefreshSessionDocument),
        variables: { refreshToken },
      }),
    });
  } catch {
    return 'unavailable';
  }
  type RefreshResponse = { data?: RefreshSessionMutation | null; errors?: unknown[] } | null;
  let body: RefreshResponse;
  try {
    body = (await response.json()) as RefreshResponse;
  } catch {
    body = null;
  }
  const payload = body?.data?.refreshSession;
  if (payload) {
    startSession(payload);
    return 'ok';
  }
  // A GraphQL answer without a payload means the token was refused; anything else
  // (proxy error, server down) is treated as temporary.
  if (body && Array.isArray(body.errors) && body.errors.length > 0) return 'rejected';
  if (response.status >= 400 && response.status < 500) return 'rejected';
  return 'unavailable';
}

async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && typeof locks.request === 'function') {
    return locks.request('aimatch.refreshSession', task);
  }
  return task();
}

/**
 * Exchange the stored refresh token for new tokens. Resolves true when the
 * session is (still) valid. Concurrent callers share one request.
 */
export function refreshSession(): Promise<boolean> {
  if (inFlightRefresh) return inFlightRefresh;
  const run = async (): Promise<boolean> => {
    const tokenBefore = readRefreshToken();
    if (!tokenBefore) {
      if (state.status !== 'anonymous') endSession('expired');
      return false;
    }
    return withRefreshLock(async () => {
      // Another tab may have rotated the token while we waited for the lock.
      const token = readRefreshToken();
      if (!token) {
        endSession('expired');
        return false;
      }
      const outcome = await callRefreshSession(token);
      if (outcome === 'ok') return true;
      if (outcome === 'rejected') {
        // Unless another tab rotated the token meanwhile, it is dead.
        if (readRefreshToken() === token) endSession('expired');
        else return refreshAfterRace();
        return false;
      }
      // Server unreachable: keep the refresh token for a later attempt.
      setState({ ...ANONYMOUS, epoch: state.status === 'authenticated' ? state.epoch + 1 : state.epoch });
      return false;
    });
  };
  inFlightRefresh = run().finally(() => {
    inFlightRefresh = null;
  });
  return inFlightRefresh;
}

async function refreshAfterRace(): Promise<boolean> {
  const token = readRefreshToken();
  if (!token) {
    endSession('expired');
    return false;
  }
  const outcome = await callRefreshSession(token);
  if (outcome === 'ok') return true;
  if (outcome === 'rejected') endSession('expired');
  return false;
}

/** Restore the session on app start when a refresh token is stored. */
export function restoreSession(): Promise<boolean> {
  if (state.status === 'authenticated') return Promise.resolve(true);
  if (!readRefreshToken()) {
    if (state.status === 'restoring') setState({ ...state, status: 'anonymous' });
    return Promise.resolve(false);
  }
  return refreshSession();
}

// Another tab signed out (token removed) or signed in (token appeared).
window.addEventListener('storage', (event) => {
  if (event.key !== REFRESH_TOKEN_STORAGE_KEY && event.key !== null) return;
  const token = readRefreshToken();
  if (!token && state.status !== 'anonymous') {
    setState({ ...ANONYMOUS, epoch: state.epoch + 1 });
    endListeners.forEach((listener) => listener('signed-out'));
  } else if (token && state.status === 'anonymous') {
    setState({ ...state, status: 'restoring' });
    void refreshSession();
  }
});
