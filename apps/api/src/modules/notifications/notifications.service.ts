import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxService } from '../../database/outbox/outbox.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { Viewer } from '../../graphql/request-context';

export interface NotificationRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

const MAX_MARK = 100;

/**
 * In-app notifications per user, written inside the transaction of what caused them, with an
 * e-mail event on the outbox for each. No mail server runs here: the `notification.email`
 * handler logs the message it would send (a mail transport plugs in at that handler).
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('notification.email', async (e: OutboxEventEntity) => {
      this.logger.log(`e-mail to user ${String(e.payload.userId)}: ${String(e.payload.type)} ${String(e.payload.title ?? '')}`);
    });
  }

  /** One notification (and e-mail event) for every member of the organization; returns how many. */
  async notifyOrganization(tx: EntityManager, organizationId: string, type: string, payload: Record<string, unknown>): Promise<number> {
    const users: Array<{ id: string }> = await tx.query(
      `INSERT INTO notifications (user_id, type, payload)
       SELECT m.user_id, $2, $3::jsonb FROM memberships m WHERE m.organization_id = $1
       RETURNING user_id AS id`,
      [organizationId, type, JSON.stringify(payload)],
    );
    await this.outbox.enqueue(
      tx,
      ...users.map((u) => ({ aggregateType: 'user', aggregateId: u.id, eventType: 'notification.email', payload: { userId: u.id, type, ...payload } })),
    );
    return users.length;
  }

  async list(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<NotificationRow> & { unreadCount: number }> {
    const { limit, after: key } = pageArgs(first, after);
    const params: unknown[] = [viewer.userId, limit + 1];
    let keyset = '';
    if (key) {
      params.push(key[0], key[1]);
      keyset = 'AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT id, type, payload, read_at AS "readAt", created_at AS "createdAt" FROM notifications
        WHERE user_id = $1 ${keyset} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const [{ total, unread }] = await this.dataSource.query(
      'SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1',
      [viewer.userId],
    );
    return { ...toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]), unreadCount: unread };
  }

  /** Marks the viewer's notifications read: these ids, or all of them for an empty list. Returns how many changed. */
  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    if (ids.length > MAX_MARK) throw AppError.field('ids', 'max-items', { max: MAX_MARK });
    const bad = ids.findIndex((id) => !/^[0-9a-f-]{36}$/i.test(id));
    if (bad >= 0) throw AppError.field(`ids.${bad}`, 'format', { format: 'uuid' });
    const rows = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${ids.length ? 'AND id = ANY($2)' : ''} RETURNING id`,
      ids.length ? [viewer.userId, ids] : [viewer.userId],
    );
    return rows.length;
  }
}
