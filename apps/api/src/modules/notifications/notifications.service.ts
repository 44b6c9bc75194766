import { type NotificationLink, type NotificationPayload, NotificationType } from '@aimatch/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { RealtimePublisher } from '../../realtime/realtime.publisher';
import { IdentityService } from '../identity/identity.service';
import { Mailer } from '../../common/mail/mailer';
import { notificationMailBody, notificationText } from './notification-texts';
import { type NotificationPreference, type NotificationRow, NotificationsRepository } from './notifications.repository';

export type { NotificationPreference, NotificationRow };

export interface NotifyOptions {
  /** The object the notification is about (the web links to it). */
  link?: NotificationLink | null;
  /**
   * Idempotency key of the cause (e.g. `review-received:<reviewId>`): a recipient is notified
   * once per key, however often the event that causes it is handled.
   */
  sourceKey?: string | null;
  /** Members not to notify (e.g. the user who acted). */
  exceptUserIds?: string[];
}

const MAX_MARK = 100;
/** Web routes of the linked objects, for the e-mail's link. */
const LINK_PATHS: Record<string, string> = {
  LISTING: 'listings',
  BID: 'bids',
  REVIEW: 'reviews',
  ORGANIZATION: 'organizations',
  VERIFICATION_REQUEST: 'staff/verification',
};
const NOTIFICATION_TYPES = Object.values(NotificationType) as string[];

/**
 * In-app notifications per user, written in the transaction of what caused them (at most once
 * per recipient and source key) with the channels the recipient chose for the type. Two outbox
 * events per notification carry it further after commit: `notification.created` pushes it to the
 * user's sockets (`notification`, once: `pushed_at`), `notification.email` hands it to the
 * mailer (one `.eml` per notification id).
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly identity: IdentityService,
    private readonly transactions: TransactionService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly publisher: RealtimePublisher,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('notification.created', (e) => this.push(e));
    this.dispatcher.register('notification.email', (e) => this.email(e));
  }

  /** One notification for every member of the organization (as their preferences allow); returns how many were created. */
  async notifyOrganization(
    tx: EntityManager,
    organizationId: string,
    type: string,
    payload: Record<string, unknown>,
    options: NotifyOptions = {},
  ): Promise<number> {
    return this.insert(tx, await this.identity.memberUserIds(organizationId, tx), type, payload, options);
  }

  /** One notification for each of these users (as their preferences allow); returns how many were created. */
  async notifyUsers(
    tx: EntityManager,
    userIds: string[],
    type: string,
    payload: Record<string, unknown>,
    options: NotifyOptions = {},
  ): Promise<number> {
    if (userIds.length === 0) return 0;
    return this.insert(tx, await this.identity.existingUserIds(userIds, tx), type, payload, options);
  }

  private async insert(
    tx: EntityManager,
    userIds: string[],
    type: string,
    payload: Record<string, unknown>,
    options: NotifyOptions,
  ): Promise<number> {
    if (userIds.length === 0) return 0;
    const rows = await this.repository.insertForRecipients(tx, {
      userIds,
      type,
      payload,
      link: options.link ?? null,
      sourceKey: options.sourceKey ?? null,
      exceptUserIds: options.exceptUserIds ?? [],
    });
    await this.outbox.enqueue(
      tx,
      ...rows.flatMap((r) => [
        ...(r.inApp
          ? [
              {
                aggregateType: 'user',
                aggregateId: r.userId,
                eventType: 'notification.created',
                payload: { notificationId: r.id, userId: r.userId, type },
              },
            ]
          : []),
        ...(r.email
          ? [
              {
                aggregateType: 'user',
                aggregateId: r.userId,
                eventType: 'notification.email',
                payload: { notificationId: r.id, userId: r.userId, type },
              },
            ]
          : []),
      ]),
    );
    return rows.length;
  }

  /** `notification.created`: pushes the notification to the user's sockets, once (a retry after the push does nothing). */
  private async push(event: OutboxEventEntity): Promise<void> {
    const id = String(event.payload.notificationId);
    const row = await this.repository.markPushed(id);
    if (!row) return;
    const unread = await this.repository.unreadCount(row.userId);
    const payload: NotificationPayload = {
      id: row.id,
      type: row.type,
      payload: row.payload,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      unreadCount: unread,
    };
    this.publisher.toUser(row.userId, 'notification', payload);
  }

  /** `notification.email`: one message per notification (the mailer keys it by the notification id). */
  private async email(event: OutboxEventEntity): Promise<void> {
    const id = String(event.payload.notificationId);
    const row = await this.repository.findForEmail(id);
    if (!row || row.emailedAt) return;
    const [user] = await this.identity.users([row.userId]);
    // A deleted account has no address to write to (its e-mail is a non-routable placeholder).
    if (!user || user.deletedAt) return;
    const locale = user.locale === 'EN' ? 'en' : 'ko';
    const base = this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    const url = row.link ? `${base.replace(/\/$/, '')}/${LINK_PATHS[row.link.type] ?? 'notifications'}/${row.link.id}` : null;
    const file = await this.mailer.send({
      id: row.id,
      to: user.email,
      toName: user.displayName,
      subject: `[aimatch] ${notificationText(row.type, row.payload, locale)}`.slice(0, 200),
      text: notificationMailBody(row.type, row.payload, locale, url),
      date: row.createdAt,
    });
    await this.repository.markEmailed(row.id);
    this.logger.debug(`e-mail for notification ${row.id} (${row.type}) → ${file}`);
  }

  async list(
    viewer: Viewer,
    first?: number,
    after?: string | null,
    unreadOnly = false,
    types: string[] | null = null,
  ): Promise<Connection<NotificationRow> & { unreadCount: number }> {
    const { limit, after: key } = pageArgs(first, after);
    if (types && (types.length > 20 || types.some((x) => !/^[A-Z_]{1,64}$/.test(x)))) {
      throw AppError.field('types', 'format', { format: 'NOTIFICATION_TYPE' });
    }
    if (
      key &&
      (typeof key[0] !== 'string' || typeof key[1] !== 'string' || Number.isNaN(Date.parse(key[0])) || !/^[0-9a-f-]{36}$/i.test(key[1]))
    ) {
      throw AppError.field('after', 'format', { format: 'cursor' });
    }
    const { rows, total, unreadCount } = await this.repository.page(
      viewer.userId,
      limit,
      key ? [String(key[0]), String(key[1])] : null,
      unreadOnly,
      types && types.length ? types : null,
    );
    return { ...toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]), unreadCount };
  }

  /** Marks the viewer's notifications read: these ids, or all of them for an empty list. Returns how many changed. */
  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    if (ids.length > MAX_MARK) throw AppError.field('ids', 'max-items', { max: MAX_MARK });
    const bad = ids.findIndex((id) => !/^[0-9a-f-]{36}$/i.test(id));
    if (bad >= 0) throw AppError.field(`ids.${bad}`, 'format', { format: 'uuid' });
    return this.repository.markRead(viewer.userId, ids);
  }

  /** The viewer's channels for every notification type (on unless turned off). */
  async preferences(viewer: Viewer): Promise<NotificationPreference[]> {
    const rows = await this.repository.storedPreferences(viewer.userId);
    const stored = new Map(rows.map((r) => [r.type, r]));
    return NOTIFICATION_TYPES.map((type) => stored.get(type) ?? { type, email: true, inApp: true });
  }

  /** Sets the channels of the given types (others keep theirs); all or nothing. Returns every type's channels. */
  async updatePreferences(viewer: Viewer, preferences: NotificationPreference[]): Promise<NotificationPreference[]> {
    if (preferences.length > NOTIFICATION_TYPES.length)
      throw AppError.field('preferences', 'max-items', { max: NOTIFICATION_TYPES.length });
    const seen = new Set<string>();
    preferences.forEach((p, i) => {
      if (!NOTIFICATION_TYPES.includes(p.type))
        throw AppError.field(`preferences.${i}.type`, 'enum', { allowed: NOTIFICATION_TYPES.join(', ') });
      if (seen.has(p.type)) throw AppError.field(`preferences.${i}.type`, 'duplicate');
      seen.add(p.type);
    });
    if (preferences.length) {
      await this.transactions.run((tx) => this.repository.upsertPreferences(tx, viewer.userId, preferences));
    }
    return this.preferences(viewer);
  }

  /** The user's notifications (newest first, at most `limit`) and stored preferences, for the personal data download. */
  async personalData(userId: string, limit: number): Promise<{ notifications: NotificationRow[]; preferences: NotificationPreference[] }> {
    const [notifications, preferences] = await Promise.all([
      this.repository.ofUser(userId, limit),
      this.repository.storedPreferences(userId),
    ]);
    return { notifications, preferences };
  }

  /** Deletes every notification and preference of the user inside the caller's transaction (account deletion). */
  deleteAllOfUser(tx: EntityManager, userId: string): Promise<void> {
    return this.repository.deleteOfUser(tx, userId);
  }
}
