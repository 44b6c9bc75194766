import { type NotificationLink, type NotificationPayload, NotificationType } from '@aimatch/contracts';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { updatedRows } from '../../database/updated-rows';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';
import { RealtimePublisher } from '../../realtime/realtime.publisher';
import { Mailer } from './mailer';
import { notificationMailBody, notificationText } from './notification-texts';

export interface NotificationRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  link: NotificationLink | null;
  readAt: Date | null;
  createdAt: Date;
}

export interface NotificationPreference {
  type: string;
  email: boolean;
  inApp: boolean;
}

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
const LINK_PATHS: Record<string, string> = { LISTING: 'listings', BID: 'bids', REVIEW: 'reviews', ORGANIZATION: 'organizations' };
const NOTIFICATION_TYPES = Object.values(NotificationType) as string[];
const ROW = `id, type, payload, read_at AS "readAt", created_at AS "createdAt",
  CASE WHEN link_type IS NULL THEN NULL ELSE json_build_object('type', link_type, 'id', link_id) END AS link`;

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
    private readonly dataSource: DataSource,
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
    return this.insert(
      tx,
      'SELECT DISTINCT user_id FROM memberships WHERE organization_id = $1::uuid',
      organizationId,
      type,
      payload,
      options,
    );
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
    return this.insert(tx, 'SELECT DISTINCT u.id AS user_id FROM users u WHERE u.id = ANY($1::uuid[])', userIds, type, payload, options);
  }

  private async insert(
    tx: EntityManager,
    recipients: string,
    recipientParam: unknown,
    type: string,
    payload: Record<string, unknown>,
    options: NotifyOptions,
  ): Promise<number> {
    const link = options.link ?? null;
    const rows: Array<{ id: string; userId: string; inApp: boolean; email: boolean }> = await tx.query(
      `INSERT INTO notifications (user_id, type, payload, link_type, link_id, source_key, in_app, email)
       SELECT r.user_id, $2, $3::jsonb, $4, $5, $6, COALESCE(p.in_app, true), COALESCE(p.email, true)
         FROM (${recipients}) r
         LEFT JOIN notification_preferences p ON p.user_id = r.user_id AND p.type = $2
        WHERE (p.user_id IS NULL OR p.in_app OR p.email) AND NOT (r.user_id = ANY($7::uuid[]))
        ORDER BY r.user_id
       ON CONFLICT (user_id, source_key) DO NOTHING
       RETURNING id, user_id AS "userId", in_app AS "inApp", email`,
      [
        recipientParam,
        type,
        JSON.stringify(payload),
        link?.type ?? null,
        link?.id ?? null,
        options.sourceKey ?? null,
        options.exceptUserIds ?? [],
      ],
    );
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
    const [row] = updatedRows<NotificationRow & { userId: string }>(
      await this.dataSource.query(
        `UPDATE notifications SET pushed_at = now() WHERE id = $1 AND pushed_at IS NULL AND in_app
         RETURNING user_id AS "userId", ${ROW}`,
        [id],
      ),
    );
    if (!row) return;
    const [{ unread }] = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND in_app AND read_at IS NULL',
      [row.userId],
    );
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
    const [row]: Array<NotificationRow & { to: string; name: string; locale: 'KO' | 'EN'; emailedAt: Date | null }> =
      await this.dataSource.query(
        `SELECT n.id, n.type, n.payload, n.created_at AS "createdAt", n.link_type, n.link_id, n.emailed_at AS "emailedAt",
              CASE WHEN n.link_type IS NULL THEN NULL ELSE json_build_object('type', n.link_type, 'id', n.link_id) END AS link,
              u.email AS to, u.display_name AS name, u.locale
         FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1 AND n.email`,
        [id],
      );
    if (!row || row.emailedAt) return;
    const locale = row.locale === 'EN' ? 'en' : 'ko';
    const base = this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    const url = row.link ? `${base.replace(/\/$/, '')}/${LINK_PATHS[row.link.type] ?? 'notifications'}/${row.link.id}` : null;
    const file = await this.mailer.send({
      id: row.id,
      to: row.to,
      toName: row.name,
      subject: `[aimatch] ${notificationText(row.type, row.payload, locale)}`.slice(0, 200),
      text: notificationMailBody(row.type, row.payload, locale, url),
      date: row.createdAt,
    });
    await this.dataSource.query('UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL', [row.id]);
    this.logger.debug(`e-mail for notification ${row.id} (${row.type}) → ${file}`);
  }

  async list(
    viewer: Viewer,
    first?: number,
    after?: string | null,
    unreadOnly = false,
  ): Promise<Connection<NotificationRow> & { unreadCount: number }> {
    const { limit, after: key } = pageArgs(first, after);
    const params: unknown[] = [viewer.userId, limit + 1];
    let keyset = '';
    if (key) {
      if (
        typeof key[0] !== 'string' ||
        typeof key[1] !== 'string' ||
        Number.isNaN(Date.parse(key[0])) ||
        !/^[0-9a-f-]{36}$/i.test(key[1])
      ) {
        throw AppError.field('after', 'format', { format: 'cursor' });
      }
      params.push(key[0], key[1]);
      keyset = 'AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${ROW} FROM notifications
        WHERE user_id = $1 AND in_app ${unread} ${keyset} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const [{ total, unreadCount }] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE true ${unread})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS "unreadCount"
         FROM notifications WHERE user_id = $1 AND in_app`,
      [viewer.userId],
    );
    return { ...toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]), unreadCount };
  }

  /** Marks the viewer's notifications read: these ids, or all of them for an empty list. Returns how many changed. */
  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    if (ids.length > MAX_MARK) throw AppError.field('ids', 'max-items', { max: MAX_MARK });
    const bad = ids.findIndex((id) => !/^[0-9a-f-]{36}$/i.test(id));
    if (bad >= 0) throw AppError.field(`ids.${bad}`, 'format', { format: 'uuid' });
    const rows = updatedRows(
      await this.dataSource.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${ids.length ? 'AND id = ANY($2)' : ''} RETURNING id`,
        ids.length ? [viewer.userId, ids] : [viewer.userId],
      ),
    );
    return rows.length;
  }

  /** The viewer's channels for every notification type (on unless turned off). */
  async preferences(viewer: Viewer): Promise<NotificationPreference[]> {
    const rows: NotificationPreference[] = await this.dataSource.query(
      'SELECT type, email, in_app AS "inApp" FROM notification_preferences WHERE user_id = $1',
      [viewer.userId],
    );
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
      await this.transactions.run((tx) =>
        tx.query(
          `INSERT INTO notification_preferences (user_id, type, email, in_app)
           SELECT $1, p.type, p.email, p.in_app FROM unnest($2::text[], $3::boolean[], $4::boolean[]) AS p(type, email, in_app)
           ON CONFLICT (user_id, type) DO UPDATE SET email = EXCLUDED.email, in_app = EXCLUDED.in_app, updated_at = now()`,
          [viewer.userId, preferences.map((p) => p.type), preferences.map((p) => p.email), preferences.map((p) => p.inApp)],
        ),
      );
    }
    return this.preferences(viewer);
  }
}
