import type { ClientToServerEvents, ServerToClientEvents } from '@aimatch/contracts';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { AccessTokenVerifier } from '../common/auth/access-token.verifier';
import { Public } from '../common/auth/decorators';
import type { Viewer } from '../graphql/request-context';

type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { viewer?: Viewer; expiry?: NodeJS.Timeout }>;

/**
 * The one WebSocket per client: every real-time push (chat, notifications) rides on it.
 * The handshake must carry a valid access token (`auth: { token }`); the socket is closed
 * when that token expires.
 */
@Public()
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Realtime');

  constructor(private readonly verifier: AccessTokenVerifier) {}

  async handleConnection(socket: ClientSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    try {
      if (typeof token !== 'string') throw new Error('no token');
      socket.data.viewer = await this.verifier.verify(token);
      const exp = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp as number;
      socket.data.expiry = setTimeout(() => {
        socket.emit('session:expired');
        socket.disconnect(true);
      }, Math.max(0, exp * 1000 - Date.now()));
      socket.on('ping', (ack) => typeof ack === 'function' && ack({ at: new Date().toISOString() }));
    } catch {
      this.logger.debug(`rejected socket ${socket.id}`);
      socket.emit('session:expired');
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: ClientSocket): void {
    clearTimeout(socket.data.expiry);
  }
}
