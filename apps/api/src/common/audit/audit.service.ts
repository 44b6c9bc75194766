import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/** Staff and security-relevant actions leave a row in the same transaction as the change. */
@Injectable()
export class AuditService {
  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    await tx.insert(AuditLogEntity, { ...entry, details: (entry.details ?? {}) as never, requestId: entry.requestId ?? null });
  }
}
