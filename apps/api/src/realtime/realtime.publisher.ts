import { CHAT_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@aimatch/contracts';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import type { Server } from 'socket.io';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Each socket on the default namespace joins its user's room. */
export const realtimeUserRoom = (userId: string) => `user:${userId}`;

/** Each socket of every namespace joins its session's room (the refresh family id), so that a revoked session's sockets can be closed. */
export const realtimeSessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The namespaces whose sockets belong to a session (all of them). */
const SESSION_NAMESPACES = ['/', CHAT_NAMESPACE];
/** The server-side (instance to instance) event of endSessions. */
const END_SESSIONS_EVENT = 'aimatch:end-sessions';

/**
 * Emits on the default namespace (the client's one WebSocket) without services knowing
 * socket.io. The gateway attaches the server; through the configured adapter an emit reaches the
 * user's sockets on every instance. Without a server (CLI, tests without sockets) emits are dropped.
 */
@Injectable()
export class RealtimePublisher {
  private server?: RealtimeServer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    // Another instance's endSessions (server-side events arrive only from the other instances).
    (server.sockets as unknown as EventEmitter).on(END_SESSIONS_EVENT, (ids: unknown) => {
      if (Array.isArray(ids)) this.endSessionsHere(ids.filter((id): id is string => typeof id === 'string'));
    });
  }

  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    (this.server?.to(realtimeUserRoom(userId)).emit as ((e: E, ...p: unknown[]) => void) | undefined)?.(event, ...payload);
  }

  /**
   * Ends the sockets of revoked sessions on every namespace and every instance: `session:revoked`
   * first, so that the client signs out cleanly, then the connection is closed. The other
   * instances are asked with one server-side event (through the postgres adapter) and do the same
   * locally: the adapter publishes each emit and each disconnectSockets as its own NOTIFY on a
   * pooled connection, so sent separately the close could overtake the notice.
   */
  endSessions(sessionIds: string[]): void {
    if (!this.server || !sessionIds.length) return;
    this.endSessionsHere(sessionIds);
    if (this.config.CHAT_ADAPTER === 'postgres') this.server.serverSideEmit(END_SESSIONS_EVENT as never, sessionIds);
  }

  private endSessionsHere(sessionIds: string[]): void {
    const rooms = sessionIds.map(realtimeSessionRoom);
    const here = SESSION_NAMESPACES.map((name) => this.server!.of(name).local);
    // Every namespace is told before any closes: closing one closes the WebSocket under all of them.
    for (const nsp of here) nsp.to(rooms).emit('session:revoked');
    for (const nsp of here) nsp.in(rooms).disconnectSockets(true);
  }
}

/** Global so that the gateway (transport) and the domain modules share one publisher. */
@Global()
@Module({ providers: [RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimeModule {}
