import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { ChatPublisher } from './chat.publisher';
import { ChatRepository } from './chat.repository';
import { ChatResolver } from './chat.resolver';
import { ChatService } from './chat.service';
import { ChatMessageFieldsResolver } from './chat-message-fields.resolver';

/** Conversations and messages between organizations (GraphQL here; the `/chat` socket.io gateway is registered with the transports in AppModule). */
@Module({
  imports: [IdentityModule, ListingsModule, FilesModule],
  providers: [ChatRepository, ChatService, ChatPublisher, ChatResolver, ChatMessageFieldsResolver],
  exports: [ChatService, ChatPublisher],
})
export class ChatModule {}
