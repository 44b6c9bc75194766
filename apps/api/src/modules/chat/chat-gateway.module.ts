import { Module } from '@nestjs/common';
import { RealtimeGatewayModule } from '../../realtime/realtime-gateway.module';
import { ChatGateway } from './chat.gateway';
import { ChatModule } from './chat.module';

/** The `/chat` socket.io namespace: a transport, so only the API (not the CLI) loads it. */
@Module({ imports: [ChatModule, RealtimeGatewayModule], providers: [ChatGateway] })
export class ChatGatewayModule {}
