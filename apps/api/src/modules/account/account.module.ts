import { Module } from '@nestjs/common';
import { BidsModule } from '../bids/bids.module';
import { ChatModule } from '../chat/chat.module';
import { IdentityModule } from '../identity/identity.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';

/**
 * The signed-in user's own account across modules: the personal data download and account deletion. Above the
 * feature modules (like modules/console): it calls each table owner's service; nothing imports it.
 */
@Module({
  imports: [IdentityModule, ChatModule, NotificationsModule, ReviewsModule, BidsModule, ListingsModule],
  providers: [AccountService, AccountResolver],
})
export class AccountModule {}
