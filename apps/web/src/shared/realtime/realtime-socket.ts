import { Manager, type Socket } from 'socket.io-client';
import { endSession } from '@/shared/session';

/**
 * The tab's one WebSocket. Every real-time feature opens its socket.io namespace here (the
 * notifications `/`, the chat `/chat`): namespaces share one Manager, so they ride on one
 * connection, reconnect together and never open a second WebSocket. A namespace's socket is kept
 * by the Manager and reused when its feature starts again (after sign-out and sign-in, say); the
 * connection closes when every namespace has disconnected.
 *
 * `shared/` sits below the feature modules, so the caller passes how to read the current access
 * token; it is read at every (re)connect of its namespace, so a refreshed token is used.
 */
export interface RealtimeSocketOptions {
  /** The current access token, or null when there is none. */
  getToken: () => string | null;
}

let manager: Manager | null = null;
const tokenOf = new Map<string, () => string | null>();
/** The server revoked this session (signed out elsewhere, password reset or changed, a stolen refresh token): sign out here too, with a notice. */
const onRevoked = () => endSession('revoked');

function theManager(): Manager {
  if (!manager) {
    manager = new Manager(window.location.origin, {
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    // The browser lost the network: drop the connection now rather than wait for the heartbeat
    // to time out; the Manager reconnects every namespace still open when it can.
    window.addEventListener('offline', () => manager?.engine?.close());
  }
  return manager;
}

/** The namespace's socket on the tab's one connection, connecting (again) if it is not. */
export function openRealtimeSocket<S extends object, C extends object>(namespace: string, options: RealtimeSocketOptions): Socket<S, C> {
  tokenOf.set(namespace, options.getToken);
  const socket = theManager().socket(namespace, {
    auth: (cb) => cb({ token: tokenOf.get(namespace)?.() ?? '' }),
  });
  // `session:revoked` (the server closes the connection next): once per socket, which the Manager
  // reuses and whose listeners a feature removes when it stops, so it is added at every open.
  socket.off('session:revoked', onRevoked);
  socket.on('session:revoked', onRevoked);
  return socket;
}
