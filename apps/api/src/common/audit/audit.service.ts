import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../errors/app-error';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import { AuditLogEntity } from './audit-log.entity';
import { type AuditLogQuery, type AuditLogRow, AuditRepository } from './audit.repository';

export type { AuditLogRow } from './audit.repository';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/** The audit-log filter as callers pass it (strings and dates unvalidated). */
export interface AuditLogFilter {
  actorUserId?: string | null;
  action?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Longest accepted filter string (actions, subject types and ids are short identifiers). */
export const AUDIT_FILTER_MAX_LENGTH = 200;
/** Longest date range a query may span. */
export const AUDIT_MAX_RANGE_DAYS = 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff and security-relevant actions leave a row in the same transaction as the change. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    await tx.insert(AuditLogEntity, { ...entry, details: (entry.details ?? {}) as never, requestId: entry.requestId ?? null });
  }

  /** The audit log, newest first, for the staff console (the caller checks the staff role). Bad filters are typed input errors. */
  async list(filter: AuditLogFilter, first: number | undefined, after: string | null | undefined): Promise<Connection<AuditLogRow>> {
    const page = pageArgs(first, after);
    const query = validateFilter(filter);
    const cursor = page.after;
    if (cursor && (cursor.length !== 2 || typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string' || !/^\d+$/.test(cursor[1]))) {
      throw AppError.field('after', 'format', { format: 'cursor' });
    }
    if (cursor && Number.isNaN(Date.parse(cursor[0] as string))) throw AppError.field('after', 'format', { format: 'cursor' });
    const { rows, total } = await this.repository.list(query, page.limit, cursor as [string, string] | null);
    return toConnection(rows, page.limit, total, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }
}

function validateFilter(filter: AuditLogFilter): AuditLogQuery {
  const violations: Array<{ path: string; rule: string; params?: Record<string, string | number> }> = [];
  const text = (path: string, value: string | null | undefined): string | undefined => {
    if (value == null) return undefined;
    const trimmed = value.trim();
    if (trimmed.length > AUDIT_FILTER_MAX_LENGTH) {
      violations.push({ path: `filter.${path}`, rule: 'max-length', params: { max: AUDIT_FILTER_MAX_LENGTH } });
      return undefined;
    }
    return trimmed || undefined;
  };
  const query: AuditLogQuery = {
    action: text('action', filter.action),
    subjectType: text('subjectType', filter.subjectType),
    subjectId: text('subjectId', filter.subjectId),
  };
  const actor = text('actorUserId', filter.actorUserId);
  if (actor && !UUID.test(actor)) violations.push({ path: 'filter.actorUserId', rule: 'format', params: { format: 'uuid' } });
  else query.actorUserId = actor;
  const date = (path: string, value: Date | null | undefined): Date | undefined => {
    if (value == null) return undefined;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      violations.push({ path: `filter.${path}`, rule: 'format', params: { format: 'date-time' } });
      return undefined;
    }
    return value;
  };
  query.from = date('from', filter.from);
  query.to = date('to', filter.to);
  if (query.from && query.to) {
    if (query.to.getTime() <= query.from.getTime()) violations.push({ path: 'filter.to', rule: 'after', params: { field: 'from' } });
    else if (query.to.getTime() - query.from.getTime() > AUDIT_MAX_RANGE_DAYS * 86_400_000) {
      violations.push({ path: 'filter.to', rule: 'range', params: { maxDays: AUDIT_MAX_RANGE_DAYS } });
    }
  }
  if (violations.length) throw AppError.badInput(violations);
  return query;
}
