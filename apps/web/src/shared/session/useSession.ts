import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type SessionState } from './session';

/** Current session state (re-renders on sign-in, sign-out, expiry and token refresh). */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
