import type { NotificationLink } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';

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

const ROW = `id, type, payload, read_at AS "readAt", created_at AS "createdAt",
  CASE WHEN link_type IS NULL THEN NULL ELSE json_build_object('type', link_type, 'id', link_id) END AS link`;

/** Notifications and notification preferences in PostgreSQL (plain SQL). Recipients come from identity, through the service. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One notification per recipient with the channels of the recipient's preference for the type
   * (both when none is stored; none at all when both are off), once per recipient and source key.
   * Returns the rows created.
   */
  insertForRecipients(
    tx: EntityManager,
    n: {
      userIds: string[];
      type: string;
      payload: Record<string, unknown>;
      link: NotificationLink | null;
      sourceKey: string | null;
      exceptUserIds: string[];
    },
  ): Promise<Array<{ id: string; userId: string; inApp: boolean; email: boolean }>> {
    return tx.query(
      `INSERT INTO notifications (user_id, type, payload, link_type, link_id, source_key, in_app, email)
       SELECT r.user_id, $2, $3::jsonb, $4, $5, $6, COALESCE(p.in_app, true), COALESCE(p.email, true)
         FROM (SELECT DISTINCT user_id FROM unnest($1::uuid[]) AS u(user_id)) r
         LEFT JOIN notification_preferences p ON p.user_id = r.user_id AND p.type = $2
        WHERE (p.user_id IS NULL OR p.in_app OR p.email) AND NOT (r.user_id = ANY($7::uuid[]))
        ORDER BY r.user_id
       ON CONFLICT (user_id, source_key) DO NOTHING
       RETURNING id, user_id AS "userId", in_app AS "inApp", email`,
      [n.userIds, n.type, JSON.stringify(n.payload), n.link?.type ?? null, n.link?.id ?? null, n.sourceKey, n.exceptUserIds],
    );
  }

  /** Marks an in-app notification pushed; returns it only the first time. */
  async markPushed(id: string): Promise<(NotificationRow & { userId: string }) | null> {
    const [row] = updatedRows<NotificationRow & { userId: string }>(
      await this.dataSource.query(
        `UPDATE notifications SET pushed_at = now() WHERE id = $1 AND pushed_at IS NULL AND in_app
         RETURNING user_id AS "userId", ${ROW}`,
        [id],
      ),
    );
    return row ?? null;
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }] = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND in_app AND read_at IS NULL',
      [userId],
    );
    return unread;
  }

  /** A notification that has the e-mail channel, with its recipient and whether it was e-mailed already. */
  async findForEmail(id: string): Promise<(NotificationRow & { userId: string; emailedAt: Date | null }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ROW}, user_id AS "userId", emailed_at AS "emailedAt" FROM notifications WHERE id = $1 AND email`,
      [id],
    );
    return row ?? null;
  }

  async markEmailed(id: string): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL', [id]);
  }

  /** A page of the user's in-app notifications, newest first, with the total and the unread count (of these types when given). */
  async page(
    userId: string,
    limit: number,
    after: [string, string] | null,
    unreadOnly: boolean,
    types: string[] | null = null,
  ): Promise<{ rows: NotificationRow[]; total: number; unreadCount: number }> {
    const params: unknown[] = [userId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    let typed = '';
    const countParams: unknown[] = [userId];
    let countTyped = '';
    if (types) {
      params.push(types);
      typed = `AND type = ANY($${params.length}::text[])`;
      countParams.push(types);
      countTyped = 'AND type = ANY($2::text[])';
    }
    const unread = unreadOnly ? 'AND read_at IS NULL' : '';
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${ROW} FROM notifications
        WHERE user_id = $1 AND in_app ${typed} ${unread} ${keyset} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const [{ total, unreadCount }] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE true ${unread})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS "unreadCount"
         FROM notifications WHERE user_id = $1 AND in_app ${countTyped}`,
      countParams,
    );
    return { rows, total, unreadCount };
  }

  /** Marks the user's unread notifications read: these ids, or all for an empty list. Returns how many changed. */
  async markRead(userId: string, ids: string[]): Promise<number> {
    const rows = updatedRows(
      await this.dataSource.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${ids.length ? 'AND id = ANY($2)' : ''} RETURNING id`,
        ids.length ? [userId, ids] : [userId],
      ),
    );
    return rows.length;
  }

  /** The user's stored channel choices (types without one are on). */
  storedPreferences(userId: string): Promise<NotificationPreference[]> {
    return this.dataSource.query('SELECT type, email, in_app AS "inApp" FROM notification_preferences WHERE user_id = $1', [userId]);
  }

  async upsertPreferences(tx: EntityManager, userId: string, preferences: NotificationPreference[]): Promise<void> {
    await tx.query(
      `INSERT INTO notification_preferences (user_id, type, email, in_app)
       SELECT $1, p.type, p.email, p.in_app FROM unnest($2::text[], $3::boolean[], $4::boolean[]) AS p(type, email, in_app)
       ON CONFLICT (user_id, type) DO UPDATE SET email = EXCLUDED.email, in_app = EXCLUDED.in_app, updated_at = now()`,
      [userId, preferences.map((p) => p.type), preferences.map((p) => p.email), preferences.map((p) => p.inApp)],
    );
  }

  /** The user's notifications, newest first (the personal data download). */
  async ofUser(userId: string, limit: number): Promise<NotificationRow[]> {
    return this.dataSource.query(`SELECT ${ROW} FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [
      userId,
      limit,
    ]);
  }

  /** Deletes the user's notifications and preferences inside `tx` (account deletion). */
  async deleteOfUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
  }
}
