import type { ClientToServerEvents, ServerToClientEvents } from '@aimatch/contracts';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Public } from '../common/auth/decorators';
import { type RealtimeSocketData, RealtimeSessions } from './realtime-sessions';
import { RealtimePublisher, realtimeUserRoom } from './realtime.publisher';

type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RealtimeSocketData>;

/**
 * The default namespace of the client's one WebSocket (the chat's `/chat` namespace rides on the
 * same connection): each socket joins its user's room, where notifications are pushed. The
 * handshake, expiry, `auth` refresh and event limits are RealtimeSessions', shared with `/chat`.
 */
@Public()
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly sessions: RealtimeSessions,
    private readonly publisher: RealtimePublisher,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RealtimeSocketData>): void {
    this.publisher.attach(server as never);
    this.sessions.authenticate(server);
  }

  handleConnection(socket: ClientSocket): void {
    const events = this.sessions.open(socket);
    events.on('ping', 'socket-ping', () => Promise.resolve({ at: new Date().toISOString() }));
    // Notifications (`notification`) go to the user's room.
    void socket.join(realtimeUserRoom(socket.data.viewer.userId));
  }
}
