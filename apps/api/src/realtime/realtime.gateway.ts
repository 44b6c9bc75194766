import type { ClientToServerEvents, ServerToClientEvents } from '@aimatch/contracts';
import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AccessTokenVerifier } from '../common/auth/access-token.verifier';
import { Public } from '../common/auth/decorators';
import type { Viewer } from '../graphql/request-context';
import { RealtimePublisher, realtimeUserRoom } from './realtime.publisher';

type SocketData = { viewer?: Viewer; expiry?: NodeJS.Timeout };
type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The one WebSocket per client: every real-time push (chat, notifications) rides on it.
 * The handshake must carry a valid access token (`auth: { token }`): it is checked in a
 * socket.io middleware, before the connection exists, so no event can arrive unauthenticated
 * (a refused client gets `connect_error` "UNAUTHENTICATED"). The socket is closed when the
 * token expires. Each socket joins its user's room, where notifications are pushed.
 */
@Public()
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly publisher: RealtimePublisher,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>): void {
    this.publisher.attach(server as never);
    server.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      if (typeof token !== 'string' || token.length > 4096) return next(new Error('UNAUTHENTICATED'));
      this.verifier.verify(token).then(
        (viewer) => {
          socket.data.viewer = viewer;
          next();
        },
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
  }

  handleConnection(socket: ClientSocket): void {
    const token = (socket.handshake.auth as { token: string }).token;
    const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp as number;
    socket.data.expiry = setTimeout(
      () => {
        socket.emit('session:expired');
        socket.disconnect(true);
      },
      Math.max(0, exp * 1000 - Date.now()),
    );
    socket.on('ping', (ack) => typeof ack === 'function' && ack({ at: new Date().toISOString() }));
    // Notifications (`notification`) go to the user's room.
    if (socket.data.viewer) void socket.join(realtimeUserRoom(socket.data.viewer.userId));
  }

  handleDisconnect(socket: ClientSocket): void {
    clearTimeout(socket.data.expiry);
  }
}
