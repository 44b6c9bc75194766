import { Module } from '@nestjs/common';
import { RealtimeModule } from '../../realtime/realtime.publisher';
import { Mailer } from './mailer';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** In-app notifications per user, pushed live over the client's socket and e-mailed through the outbox mailer, per the user's preferences. */
@Module({
  imports: [RealtimeModule],
  providers: [NotificationsService, NotificationsResolver, Mailer],
  exports: [NotificationsService, Mailer],
})
export class NotificationsModule {}
