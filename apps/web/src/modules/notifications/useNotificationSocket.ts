import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useSession } from '@/shared/session';
import { getSession, refreshSession } from '@/shared/session';
// Types only, shared with the API (nothing of its code reaches the bundle).
import type { NotificationPayload } from '@aimatch/contracts';
import type { ServerToClientEvents } from '@aimatch/contracts';

/**
 * The default-namespace socket of the signed-in session, on which the server pushes each new
 * in-app notification (`notification`). Reconnects with a refreshed token when refused.
 */
export function useNotificationSocket(onNotification: (n: NotificationPayload) => void): void {
  const { status, userId, epoch } = useSession();
  const handler = useRef(onNotification);
  handler.current = onNotification;
  const active = status === 'authenticated' && userId !== null;

  useEffect(() => {
    if (!active) return;
    let disposed = false;
    let retries = 0;
    const socket: Socket<ServerToClientEvents> = io('/', {
      auth: (cb) => cb({ token: getSession().accessToken ?? '' }),
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      // Its own connection: the chat store opens and closes the `/chat` one on its own schedule.
      forceNew: true,
    });
    const reauthenticate = async () => {
      if (retries >= 3 || disposed) return;
      retries += 1;
      if ((await refreshSession()) && !disposed && !socket.connected) socket.connect();
    };
    socket.on('connect', () => {
      retries = 0;
    });
    socket.on('connect_error', (err) => {
      if (err.message === 'UNAUTHENTICATED') void reauthenticate();
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') void reauthenticate();
    });
    socket.on('notification', (n) => handler.current(n));
    return () => {
      disposed = true;
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [active, userId, epoch]);
}
