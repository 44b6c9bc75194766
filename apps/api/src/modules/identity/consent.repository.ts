import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ConsentRow {
  kind: string;
  version: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
}

/** SQL of `user_consents` (identity owns the table); kept apart from IdentityRepository to keep that file small. */
@Injectable()
export class ConsentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, userId: string, consents: { kind: string; version: string }[], address: string | null, at: Date) {
    for (const c of consents) {
      await tx.query(`INSERT INTO user_consents (user_id, kind, version, granted_at, address) VALUES ($1, $2, $3, $4, $5)`, [
        userId,
        c.kind,
        c.version,
        at,
        address,
      ]);
    }
  }

  /** Every consent the user gave, oldest first, withdrawn ones included. */
  async history(userId: string, manager: EntityManager = this.dataSource.manager): Promise<ConsentRow[]> {
    const rows: { kind: string; version: string; granted_at: Date; withdrawn_at: Date | null }[] = await manager.query(
      `SELECT kind, version, granted_at, withdrawn_at FROM user_consents WHERE user_id = $1 ORDER BY granted_at, kind, id`,
      [userId],
    );
    return rows.map((r) => ({ kind: r.kind, version: r.version, grantedAt: r.granted_at, withdrawnAt: r.withdrawn_at }));
  }

  /** Stamps the user's active consents of `kind` as withdrawn; never deletes them. */
  async withdraw(tx: EntityManager, userId: string, kind: string, at: Date): Promise<void> {
    await tx.query(`UPDATE user_consents SET withdrawn_at = $3 WHERE user_id = $1 AND kind = $2 AND withdrawn_at IS NULL`, [
      userId,
      kind,
      at,
    ]);
  }
}
