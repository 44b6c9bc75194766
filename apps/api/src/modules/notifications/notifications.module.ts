import { Module } from '@nestjs/common';
import { RealtimeModule } from '../../realtime/realtime.publisher';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** In-app notifications per user, pushed live over the client's socket and e-mailed through the outbox mailer, per the user's preferences. */
@Module({
  imports: [RealtimeModule, IdentityModule],
  providers: [NotificationsRepository, NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
