import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditLogRow {
  id: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
}

/** A validated audit-log filter: every field optional; `from` inclusive, `to` exclusive. */
export interface AuditLogQuery {
  actorUserId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
}

const COLUMNS = `id::text AS id, actor_user_id AS "actorUserId", action, subject_type AS "subjectType", subject_id AS "subjectId",
  details, request_id AS "requestId", created_at AS "createdAt"`;

/** Reads of the audit log (it is written through AuditService.record in the caller's transaction). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first (created_at, id), keyset after `after` = [createdAt ISO, id]; `limit` rows plus the total. */
  async list(filter: AuditLogQuery, limit: number, after: [string, string] | null): Promise<{ rows: AuditLogRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorUserId) add('actor_user_id = ?::uuid', filter.actorUserId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.subjectType) add('subject_type = ?', filter.subjectType);
    if (filter.subjectId) add('subject_id = ?', filter.subjectId);
    if (filter.from) add('created_at >= ?', filter.from);
    if (filter.to) add('created_at < ?', filter.to);
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM audit_log ${base}`,
      params,
    );
    const pageParams = [...params];
    let keyset = '';
    if (after) {
      pageParams.push(after[0], after[1]);
      keyset = `${base ? ' AND' : 'WHERE'} (created_at, id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::bigint)`;
    }
    pageParams.push(limit + 1);
    const rows = await this.dataSource.query<AuditLogRow[]>(
      `SELECT ${COLUMNS} FROM audit_log ${base}${keyset} ORDER BY created_at DESC, id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, total };
  }
}
