import { Module } from '@nestjs/common';
import { RealtimeSessions } from './realtime-sessions';
import { RealtimeGateway } from './realtime.gateway';

/**
 * The socket.io transport's shared part: the default namespace and the one session handling
 * (handshake, expiry, `auth`, limits) that every namespace's gateway uses. Only the API (not the CLI) loads it.
 */
@Module({ providers: [RealtimeSessions, RealtimeGateway], exports: [RealtimeSessions] })
export class RealtimeGatewayModule {}
