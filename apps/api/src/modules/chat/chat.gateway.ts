import { CHAT_NAMESPACE, type ChatClientToServerEvents, type ChatServerToClientEvents } from '@aimatch/contracts';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { Public } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { type RealtimeSocketData, RealtimeSessions } from '../../realtime/realtime-sessions';
import { ChatPublisher, conversationRoom, organizationRoom, userRoom } from './chat.publisher';
import { toPayload } from './chat.repository';
import { ChatService } from './chat.service';
import { deleteSchema, joinSchema, parseOrThrow as parse, typingSchema } from './chat.schemas';

interface ChatSocketData extends RealtimeSocketData {
  typingAt?: Map<string, number>;
}
type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;
type ChatNsp = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

const TYPING_MIN_INTERVAL_MS = 300;

/**
 * The `/chat` namespace, on the client's one WebSocket beside the default namespace. The
 * handshake (access token, connection caps), the expiry, the `auth` refresh, the per-event rate
 * limits and the error answers are RealtimeSessions' (shared with the default namespace). Every
 * event payload is validated; failures answer in the ack as `{ error }` (or as `chat:error` when
 * the client gave no ack), and never disturb other sockets. Messages are acknowledged only after
 * they are stored, then broadcast to the conversation's room through the configured adapter.
 */
@Public()
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Chat');

  constructor(
    private readonly sessions: RealtimeSessions,
    private readonly limiter: RateLimiter,
    private readonly chat: ChatService,
    private readonly publisher: ChatPublisher,
  ) {}

  afterInit(nsp: ChatNsp): void {
    this.publisher.attach(nsp as never);
    this.sessions.authenticate(nsp);
  }

  handleConnection(socket: ChatSocket): void {
    const { viewer } = socket.data;
    if (!viewer) {
      socket.disconnect(true);
      return;
    }
    const events = this.sessions.open(socket, (error, event) => socket.emit('chat:error', { ...error, event }));
    void socket.join(userRoom(viewer.userId));
    // Announcements (`conversation:activity`) go to the rooms of the participant organizations.
    this.chat.organizationIdsOf(viewer.userId).then(
      (ids) => socket.join(ids.map(organizationRoom)),
      (err: unknown) => this.logger.warn(`organization rooms of ${viewer.userId}: ${String(err)}`),
    );

    events.on('join', 'socket-join', async (p) => {
      const { conversationId } = parse(joinSchema, p);
      const reply = await this.chat.join(socket.data.viewer, conversationId);
      await socket.join(conversationRoom(conversationId));
      return reply;
    });
    events.on('leave', 'socket-join', async (p) => {
      const { conversationId } = parse(joinSchema, p);
      await socket.leave(conversationRoom(conversationId));
      return { conversationId };
    });
    // `chat-send` is counted by ChatService.send once the payload is valid (also for other callers).
    events.on('send', null, async (p) => {
      const { message, duplicate } = await this.chat.send(socket.data.viewer, p, { broadcast: false });
      // Rebroadcast a duplicate too: the first attempt may have been stored by an instance that
      // died before its broadcast; clients drop what they already hold (by id).
      socket.to(conversationRoom(message.conversationId)).emit('message', toPayload(message));
      if (!duplicate) void this.chat.announce(message);
      return { id: message.id, seq: message.seq, createdAt: message.createdAt.toISOString(), ...(duplicate ? { duplicate } : {}) };
    });
    events.on('edit', 'chat-edit', async (p) => toPayload(await this.chat.edit(socket.data.viewer, p)));
    events.on('delete', 'chat-edit', async (p) => toPayload(await this.chat.remove(socket.data.viewer, parse(deleteSchema, p).messageId)));
    events.on('sync', 'socket-sync', (p) => this.chat.sync(socket.data.viewer, p));
    events.on('read', 'socket-read', async (p) => {
      const reply = await this.chat.markRead(socket.data.viewer, p);
      const { userId } = socket.data.viewer;
      socket
        .to(conversationRoom(reply.conversationId))
        .emit('read', { conversationId: reply.conversationId, userId, seq: reply.lastReadSeq });
      this.publisher.toUser(userId, 'unread', { conversationId: reply.conversationId, unread: reply.unread });
      return reply;
    });
    // `socket-typing` is counted after the per-conversation throttle, so keystrokes it drops cost no query.
    events.on('typing', null, async (p) => {
      const { conversationId, typing } = parse(typingSchema, p);
      // Only sockets that joined (as participants) may signal typing: no database hit per keystroke.
      if (!socket.rooms.has(conversationRoom(conversationId))) throw AppError.forbidden();
      const times = (socket.data.typingAt ??= new Map());
      const now = Date.now();
      if (now - (times.get(conversationId) ?? 0) < TYPING_MIN_INTERVAL_MS && typing !== false) return { ok: true };
      times.set(conversationId, now);
      await this.limiter.consume('socket-typing', socket.data.viewer.userId);
      socket
        .to(conversationRoom(conversationId))
        .emit('typing', { conversationId, userId: socket.data.viewer.userId, typing: typing ?? true });
      return { ok: true };
    });
  }
}
