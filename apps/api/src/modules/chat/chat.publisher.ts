import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';

export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents>;

export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const organizationRoom = (organizationId: string) => `org:${organizationId}`;

/**
 * The socket emits of the chat, behind one class so that services stay free of socket.io. The
 * gateway hands it the `/chat` namespace; through the configured adapter an emit reaches the
 * room's sockets on every instance. Without a namespace (CLI, tests without sockets) emits are dropped.
 */
@Injectable()
export class ChatPublisher {
  private namespace?: ChatNamespace;

  attach(namespace: ChatNamespace): void {
    this.namespace = namespace;
  }

  toConversation<E extends keyof ChatServerToClientEvents>(
    conversationId: string,
    event: E,
    payload: Parameters<ChatServerToClientEvents[E]>[0],
  ): void {
    (this.namespace?.to(conversationRoom(conversationId)).emit as ((e: E, p: unknown) => void) | undefined)?.(event, payload);
  }

  toUser<E extends keyof ChatServerToClientEvents>(userId: string, event: E, payload: Parameters<ChatServerToClientEvents[E]>[0]): void {
    (this.namespace?.to(userRoom(userId)).emit as ((e: E, p: unknown) => void) | undefined)?.(event, payload);
  }

  /**
   * To the members of these organizations (each socket joins its user's organizations' rooms),
   * except the sockets in `exceptRoom` (e.g. those that joined the conversation and get `message`).
   */
  toOrganizations<E extends keyof ChatServerToClientEvents>(
    organizationIds: string[],
    event: E,
    payload: Parameters<ChatServerToClientEvents[E]>[0],
    exceptRoom?: string,
  ): void {
    if (!organizationIds.length || !this.namespace) return;
    const target = this.namespace.to(organizationIds.map(organizationRoom));
    ((exceptRoom ? target.except(exceptRoom) : target).emit as (e: E, p: unknown) => void)(event, payload);
  }

  /** Takes the user's sockets (on every instance, through the adapter) out of these rooms. */
  leaveRooms(userId: string, rooms: string[]): void {
    if (rooms.length) this.namespace?.in(userRoom(userId)).socketsLeave(rooms);
  }
}
