import {
  CHAT_NAMESPACE,
  type ChatClientToServerEvents,
  type ChatError,
  type ChatServerToClientEvents,
  ErrorCode,
} from '@aimatch/contracts';
import { localizeViolation, type MessageLocale } from '@aimatch/validation';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AccessTokenVerifier } from '../../common/auth/access-token.verifier';
import { Public } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { message as localized } from '../../common/errors/messages';
import type { Viewer } from '../../graphql/request-context';
import { ChatPublisher, conversationRoom, organizationRoom, userRoom } from './chat.publisher';
import { toPayload } from './chat.repository';
import { ChatService } from './chat.service';
import { authSchema, deleteSchema, joinSchema, parseOrThrow as parse, typingSchema } from './chat.schemas';

interface ChatSocketData {
  viewer: Viewer;
  token: string;
  expiry?: NodeJS.Timeout;
  typingAt?: Map<string, number>;
}
type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;
type ChatNsp = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

const TYPING_MIN_INTERVAL_MS = 300;

/** Seconds-since-epoch expiry of a JWT already verified by AccessTokenVerifier. */
function tokenExpiry(token: string): number {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp as number;
}

/**
 * The `/chat` namespace. The handshake's access token is checked in middleware (a refused
 * client gets `connect_error` with message UNAUTHENTICATED and `data: ChatError`); the socket is
 * closed at the token's expiry unless the client sends a fresher token with `auth`. Every event
 * payload is validated; failures answer in the ack as `{ error }` (or as `chat:error` when the
 * client gave no ack), and never disturb other sockets. Messages are acknowledged only after
 * they are stored, then broadcast to the conversation's room through the configured adapter.
 */
@Public()
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Chat');

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly chat: ChatService,
    private readonly publisher: ChatPublisher,
  ) {}

  afterInit(nsp: ChatNsp): void {
    this.publisher.attach(nsp as never);
    nsp.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      const refuse = (key: 'unauthenticated' | 'session-expired') => {
        const err = new Error(ErrorCode.UNAUTHENTICATED) as Error & { data?: ChatError };
        err.data = { code: ErrorCode.UNAUTHENTICATED, message: localized(key, 'ko') };
        next(err);
      };
      if (typeof token !== 'string' || token.length > 4096) return refuse('unauthenticated');
      this.verifier.verify(token).then(
        (viewer) => {
          socket.data.viewer = viewer;
          socket.data.token = token;
          next();
        },
        (err: unknown) => refuse(err instanceof AppError && err.messageKey === 'session-expired' ? 'session-expired' : 'unauthenticated'),
      );
    });
  }

  handleConnection(socket: ChatSocket): void {
    const { viewer } = socket.data;
    if (!viewer) {
      socket.disconnect(true);
      return;
    }
    this.scheduleExpiry(socket);
    void socket.join(userRoom(viewer.userId));
    // Announcements (`conversation:activity`) go to the rooms of the participant organizations.
    this.chat.organizationIdsOf(viewer.userId).then(
      (ids) => socket.join(ids.map(organizationRoom)),
      (err: unknown) => this.logger.warn(`organization rooms of ${viewer.userId}: ${String(err)}`),
    );

    this.on(socket, 'join', async (p) => {
      const { conversationId } = parse(joinSchema, p);
      const reply = await this.chat.join(socket.data.viewer, conversationId);
      await socket.join(conversationRoom(conversationId));
      return reply;
    });
    this.on(socket, 'leave', async (p) => {
      const { conversationId } = parse(joinSchema, p);
      await socket.leave(conversationRoom(conversationId));
      return { conversationId };
    });
    this.on(socket, 'send', async (p) => {
      const { message, duplicate } = await this.chat.send(socket.data.viewer, p, { broadcast: false });
      // Rebroadcast a duplicate too: the first attempt may have been stored by an instance that
      // died before its broadcast; clients drop what they already hold (by id).
      socket.to(conversationRoom(message.conversationId)).emit('message', toPayload(message));
      if (!duplicate) void this.chat.announce(message);
      return { id: message.id, seq: message.seq, createdAt: message.createdAt.toISOString(), ...(duplicate ? { duplicate } : {}) };
    });
    this.on(socket, 'edit', async (p) => toPayload(await this.chat.edit(socket.data.viewer, p)));
    this.on(socket, 'delete', async (p) => toPayload(await this.chat.remove(socket.data.viewer, parse(deleteSchema, p).messageId)));
    this.on(socket, 'sync', (p) => this.chat.sync(socket.data.viewer, p));
    this.on(socket, 'read', async (p) => {
      const reply = await this.chat.markRead(socket.data.viewer, p);
      const { userId } = socket.data.viewer;
      socket
        .to(conversationRoom(reply.conversationId))
        .emit('read', { conversationId: reply.conversationId, userId, seq: reply.lastReadSeq });
      this.publisher.toUser(userId, 'unread', { conversationId: reply.conversationId, unread: reply.unread });
      return reply;
    });
    this.on(socket, 'typing', async (p) => {
      const { conversationId, typing } = parse(typingSchema, p);
      // Only sockets that joined (as participants) may signal typing: no database hit per keystroke.
      if (!socket.rooms.has(conversationRoom(conversationId))) throw AppError.forbidden();
      const times = (socket.data.typingAt ??= new Map());
      const now = Date.now();
      if (now - (times.get(conversationId) ?? 0) < TYPING_MIN_INTERVAL_MS && typing !== false) return { ok: true };
      times.set(conversationId, now);
      socket
        .to(conversationRoom(conversationId))
        .emit('typing', { conversationId, userId: socket.data.viewer.userId, typing: typing ?? true });
      return { ok: true };
    });
    this.on(socket, 'auth', async (p) => {
      const { token } = parse(authSchema, p);
      const viewer = await this.verifier.verify(token);
      if (viewer.userId !== socket.data.viewer.userId) throw AppError.forbidden();
      socket.data.viewer = viewer;
      socket.data.token = token;
      this.scheduleExpiry(socket);
      return { expiresAt: new Date(tokenExpiry(token) * 1000).toISOString() };
    });
  }

  handleDisconnect(socket: ChatSocket): void {
    clearTimeout(socket.data.expiry);
  }

  private scheduleExpiry(socket: ChatSocket): void {
    clearTimeout(socket.data.expiry);
    // setTimeout overflows past 2^31-1 ms; access tokens live far shorter.
    const ms = Math.min(2 ** 31 - 1, Math.max(0, tokenExpiry(socket.data.token) * 1000 - Date.now()));
    socket.data.expiry = setTimeout(() => {
      socket.emit('session:expired');
      socket.disconnect(true);
    }, ms);
  }

  /** Binds one event: validates the shape of the call, answers through the ack or `chat:error`. */
  private on(socket: ChatSocket, event: keyof ChatClientToServerEvents, handler: (payload: unknown) => Promise<unknown>): void {
    (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(event, (...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
      const payload = args.length === 1 ? args[0] : undefined;
      handler(payload).then(
        (result) => ack?.(result),
        (err: unknown) => {
          const error = this.toChatError(err, socket.data.viewer);
          if (ack) ack({ error });
          else socket.emit('chat:error', { ...error, event });
        },
      );
    });
  }

  private toChatError(err: unknown, viewer: Viewer | undefined): ChatError {
    const locale: MessageLocale = viewer?.locale === 'EN' ? 'en' : 'ko';
    if (err instanceof AppError) {
      const error: ChatError = { ...err.messageParams, code: err.code, message: localized(err.messageKey, locale, err.messageParams) };
      if (err.violations.length)
        error.fields = err.violations.map((v) => ({ path: v.path, rule: v.rule, message: localizeViolation(v, locale) }));
      if (err.retryAfterSeconds !== undefined) error.retryAfter = err.retryAfterSeconds;
      return error;
    }
    this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return { code: ErrorCode.INTERNAL, message: localized('internal', locale) };
  }
}
