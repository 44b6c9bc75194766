import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { TransactionService } from '../../database/transaction.service';
import type { Viewer } from '../../graphql/request-context';
import { BidsService } from '../bids/bids.service';
import { ChatService } from '../chat/chat.service';
import { AccountDataService } from '../identity/account-data.service';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ReviewsService } from '../reviews/reviews.service';

/** At most this many rows of each kind in a download (newest first); a section says `truncated` when there were more. */
export const MAX_EXPORTED_ROWS = 1000;

interface Section<T> {
  items: T[];
  truncated: boolean;
}

function section<T>(rows: T[]): Section<T> {
  return { items: rows.slice(0, MAX_EXPORTED_ROWS), truncated: rows.length > MAX_EXPORTED_ROWS };
}

/**
 * The signed-in user's own account: the personal data download and the deletion of the account. Above the feature
 * modules (like modules/console): it asks each table's owner through its service for the user's rows and holds
 * the one transaction of a deletion; nothing imports it.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly accountData: AccountDataService,
    private readonly chat: ChatService,
    private readonly notifications: NotificationsService,
    private readonly reviews: ReviewsService,
    private readonly bids: BidsService,
    private readonly listings: ListingsService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Everything the service keeps about the viewer as one JSON document: profile, memberships, consent history,
   * sign-ins (dates only, no tokens), notifications and preferences, the messages and reviews they wrote, and the
   * listings and bids they created (as references). Only the viewer's own rows; each section capped.
   */
  async personalData(viewer: Viewer): Promise<string> {
    const over = MAX_EXPORTED_ROWS + 1;
    const [identity, messages, notifications, reviews, bids, listings] = await Promise.all([
      this.accountData.personalData(viewer.userId),
      this.chat.messagesWrittenBy(viewer.userId, over),
      this.notifications.personalData(viewer.userId, over),
      this.reviews.reviewsWrittenBy(viewer.userId, over),
      this.bids.bidsCreatedBy(viewer.userId, over),
      this.listings.listingsCreatedBy(viewer.userId, over),
    ]);
    const document = {
      format: 'aimatch-personal-data',
      version: 1,
      exportedAt: this.clock.now(),
      profile: identity.profile,
      memberships: identity.memberships,
      consents: identity.consents,
      sessions: identity.sessions,
      notifications: section(notifications.notifications),
      notificationPreferences: notifications.preferences,
      messages: section(messages),
      reviews: section(reviews),
      listings: section(listings),
      bids: section(bids),
    };
    return JSON.stringify(document, null, 2);
  }

  /**
   * Deletes the viewer's account after checking their password, in one transaction: identity anonymises the user
   * (refused with CONFLICT `last-owner` while they are the only owner of an organization with other members),
   * removes the memberships and ends every session; notifications deletes their notifications and preferences.
   * Messages, reviews, listings and bids stay (their author reads "탈퇴한 사용자"). Audited as `account.deleted`.
   */
  async deleteAccount(viewer: Viewer, password: string, ip: string): Promise<void> {
    await this.accountData.confirmPassword(viewer.userId, password, ip);
    await this.transactions.run(async (tx) => {
      await this.accountData.deleteInTransaction(tx, viewer.userId);
      await this.notifications.deleteAllOfUser(tx, viewer.userId);
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'account.deleted',
        subjectType: 'user',
        subjectId: viewer.userId,
      });
    });
  }
}
