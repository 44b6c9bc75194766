import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { TransactionService } from '../../database/transaction.service';
import type { RequestContext } from '../../graphql/request-context';
import { PlatformSettingsRepository } from './platform-settings.repository';

export interface PlatformSettings {
  /** Only organizations the association VERIFIED may bid (lead and consortium partners). Default: true. */
  bidsVerifiedOrganizationsOnly: boolean;
}

const KEY = 'bids.verifiedOrganizationsOnly';

/** Settings staff change at run time, one row per key in `platform_settings`; every change is audited. */
@Injectable()
export class PlatformSettingsService {
  constructor(
    private readonly repository: PlatformSettingsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<PlatformSettings> {
    const row = await this.repository.value(KEY);
    return { bidsVerifiedOrganizationsOnly: row ? row.value !== false : true };
  }

  async setBidsVerifiedOnly(rc: RequestContext, required: boolean): Promise<PlatformSettings> {
    await this.transactions.run(async (tx) => {
      const before = await this.repository.value(KEY, tx);
      await this.repository.upsert(tx, KEY, required, rc.viewer!.userId);
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
