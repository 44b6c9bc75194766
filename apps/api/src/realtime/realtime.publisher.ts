import type { ClientToServerEvents, ServerToClientEvents } from '@aimatch/contracts';
import { Global, Injectable, Module } from '@nestjs/common';
import type { Server } from 'socket.io';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Each socket on the default namespace joins its user's room. */
export const realtimeUserRoom = (userId: string) => `user:${userId}`;

/**
 * Emits on the default namespace (the client's one WebSocket) without services knowing
 * socket.io. The gateway attaches the server; through the configured adapter an emit reaches the
 * user's sockets on every instance. Without a server (CLI, tests without sockets) emits are dropped.
 */
@Injectable()
export class RealtimePublisher {
  private server?: RealtimeServer;

  attach(server: RealtimeServer): void {
    this.server = server;
  }

  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    (this.server?.to(realtimeUserRoom(userId)).emit as ((e: E, ...p: unknown[]) => void) | undefined)?.(event, ...payload);
  }
}

/** Global so that the gateway (transport) and the domain modules share one publisher. */
@Global()
@Module({ providers: [RealtimePublisher], exports: [RealtimePublisher] })
export class RealtimeModule {}
