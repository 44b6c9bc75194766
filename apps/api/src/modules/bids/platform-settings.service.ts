import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { TransactionService } from '../../database/transaction.service';
import type { RequestContext } from '../../graphql/request-context';

export interface PlatformSettings {
  /** Only organizations the association VERIFIED may bid (lead and consortium partners). Default: true. */
  bidsVerifiedOrganizationsOnly: boolean;
}

const KEY = 'bids.verifiedOrganizationsOnly';

/** Settings staff change at run time, one row per key in `platform_settings`; every change is audited. */
@Injectable()
export class PlatformSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<PlatformSettings> {
    const rows: Array<{ value: unknown }> = await this.dataSource.query('SELECT value FROM platform_settings WHERE key = $1', [KEY]);
    return { bidsVerifiedOrganizationsOnly: rows.length ? rows[0].value !== false : true };
  }

  async setBidsVerifiedOnly(rc: RequestContext, required: boolean): Promise<PlatformSettings> {
    await this.transactions.run(async (tx) => {
      const [before] = await tx.query('SELECT value FROM platform_settings WHERE key = $1 FOR UPDATE', [KEY]);
      await tx.query(
        `INSERT INTO platform_settings (key, value, updated_by_id, updated_at) VALUES ($1, $2::jsonb, $3, date_trunc('milliseconds', now()))
         ON CONFLICT (key) DO UPDATE SET value = $2::jsonb, updated_by_id = $3, updated_at = date_trunc('milliseconds', now())`,
        [KEY, JSON.stringify(required), rc.viewer!.userId],
      );
      await this.audit.record(tx, {
        actorUserId: rc.viewer!.userId,
        action: 'platform-setting.changed',
        subjectType: 'platform_setting',
        subjectId: KEY,
        details: { from: before?.value ?? null, to: required },
        requestId: rc.requestId,
      });
    });
    return this.get();
  }
}
