import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';

export interface SessionSummary {
  startedAt: Date;
  lastRefreshedAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

/** SQL for a user's own data (download) and for deleting the account; identity owns these tables. Kept apart from IdentityRepository to keep that file small. */
@Injectable()
export class AccountDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async passwordHashOf(userId: string): Promise<{ email: string; passwordHash: string | null } | null> {
    const [row]: { email: string; password_hash: string | null }[] = await this.dataSource.query(
      `SELECT email, password_hash FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    return row ? { email: row.email, passwordHash: row.password_hash } : null;
  }

  /** The user's sign-ins (refresh families), newest first: dates only, never a token or its hash. */
  async sessions(userId: string, limit: number): Promise<SessionSummary[]> {
    const rows: { started_at: Date; last_refreshed_at: Date; expires_at: Date; ended_at: Date | null }[] = await this.dataSource.query(
      `SELECT min(created_at) AS started_at, max(created_at) AS last_refreshed_at, max(expires_at) AS expires_at, max(revoked_at) AS ended_at
         FROM refresh_tokens WHERE user_id = $1
        GROUP BY family_id ORDER BY min(created_at) DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({
      startedAt: r.started_at,
      lastRefreshedAt: r.last_refreshed_at,
      expiresAt: r.expires_at,
      endedAt: r.ended_at,
    }));
  }

  /**
   * The organizations in which the user is the only OWNER while others are members (deleting the account would
   * leave them without an owner), as {id, nameKo}. Locks the user's organizations first, so a concurrent change
   * of their members waits for this transaction.
   */
  async soleOwnerWithMembers(tx: EntityManager, userId: string): Promise<{ id: string; nameKo: string }[]> {
    await tx.query(
      `SELECT id FROM organizations WHERE id IN (SELECT organization_id FROM memberships WHERE user_id = $1) ORDER BY id FOR UPDATE`,
      [userId],
    );
    const rows: { id: string; name_ko: string }[] = await tx.query(
      `SELECT o.id, o.name_ko FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 AND m.role = 'OWNER'
          AND NOT EXISTS (SELECT 1 FROM memberships x WHERE x.organization_id = m.organization_id AND x.role = 'OWNER' AND x.user_id <> $1)
          AND EXISTS (SELECT 1 FROM memberships x WHERE x.organization_id = m.organization_id AND x.user_id <> $1)
        ORDER BY o.name_ko, o.id`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, nameKo: r.name_ko }));
  }

  /**
   * Anonymises the user row (the row stays so what they wrote keeps an author): the e-mail becomes a non-routable
   * unique address (RFC 2606 `.invalid`), name and roles are cleared, the password hash removed. Then their
   * memberships go (the caller ends the sessions through SessionService.revoke). Returns false when the user was already deleted.
   */
  async anonymise(tx: EntityManager, userId: string, at: Date): Promise<boolean> {
    const updated = updatedRows<{ id: string }>(
      await tx.query(
        `UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', display_name = '', password_hash = NULL,
              platform_roles = '{}', email_verified_at = NULL, signup_ip = NULL, deleted_at = $2, updated_at = $2
        WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
        [userId, at],
      ),
    );
    if (!updated.length) return false;
    await tx.query(`DELETE FROM memberships WHERE user_id = $1`, [userId]);
    return true;
  }
}
