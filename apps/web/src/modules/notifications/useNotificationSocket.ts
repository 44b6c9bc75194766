import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationPayload, ServerToClientEvents } from '@aimatch/contracts';
import { openRealtimeSocket } from '@/shared/realtime';
import { getSession, refreshSession, subscribeSession, useSession } from '@/shared/session';

/**
 * The default namespace of the tab's one WebSocket (the chat's `/chat` shares it), on which the
 * server pushes each new in-app notification (`notification`). Sends a refreshed token with `auth`
 * so the socket outlives the old one; reconnects with a refreshed token when refused.
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
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = openRealtimeSocket('/', {
      getToken: () => getSession().accessToken,
    });
    const reauthenticate = async () => {
      if (retries >= 3 || disposed) return;
      retries += 1;
      if ((await refreshSession()) && !disposed && !socket.connected) socket.connect();
    };
    let lastToken = getSession().accessToken;
    const unsubscribe = subscribeSession(() => {
      const { accessToken } = getSession();
      if (!accessToken || accessToken === lastToken) return;
      lastToken = accessToken;
      if (socket.connected) socket.emit('auth', { token: accessToken });
    });
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
      unsubscribe();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [active, userId, epoch]);
}
