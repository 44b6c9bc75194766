import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface TwoFactorRow {
  secretCiphertext: string;
  enabledAt: Date | null;
  lastUsedStep: number | null;
}

/** SQL of `user_two_factor`, `user_recovery_codes` and `refresh_tokens.mfa_at` (identity owns them); apart from IdentityRepository to keep that file small. */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<TwoFactorRow | null> {
    const rows: Array<{ secretCiphertext: string; enabledAt: Date | null; lastUsedStep: string | null }> = await manager.query(
      `SELECT secret_ciphertext AS "secretCiphertext", enabled_at AS "enabledAt", last_used_step AS "lastUsedStep"
         FROM user_two_factor WHERE user_id = $1`,
      [userId],
    );
    const row = rows[0];
    return row ? { ...row, lastUsedStep: row.lastUsedStep === null ? null : Number(row.lastUsedStep) } : null;
  }

  /** Stores a new pending secret (replacing an earlier pending one); false when two-factor is already enabled. */
  async savePending(tx: EntityManager, userId: string, secretCiphertext: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO user_two_factor AS f (user_id, secret_ciphertext) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_ciphertext = $2, last_used_step = NULL, created_at = now()
         WHERE f.enabled_at IS NULL
       RETURNING user_id`,
      [userId, secretCiphertext],
    );
    return rows.length === 1;
  }

  /** Records that a code of `step` was used, unless one of that step or a later one already was (a code works once); true when this one counts. */
  async useStep(tx: EntityManager, userId: string, step: number): Promise<boolean> {
    const [rows] = await tx.query(
      `UPDATE user_two_factor SET last_used_step = $2
        WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2) RETURNING user_id`,
      [userId, step],
    );
    return (rows as unknown[]).length === 1;
  }

  /** Enables the pending secret; false when it was enabled meanwhile. */
  async enable(tx: EntityManager, userId: string, at: Date): Promise<boolean> {
    const [rows] = await tx.query(
      'UPDATE user_two_factor SET enabled_at = $2 WHERE user_id = $1 AND enabled_at IS NULL RETURNING user_id',
      [userId, at],
    );
    return (rows as unknown[]).length === 1;
  }

  /** Replaces the user's recovery codes (keyed hashes). */
  async replaceRecoveryCodes(tx: EntityManager, userId: string, codeHashes: string[]): Promise<void> {
    await tx.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
    await tx.query('INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [userId, codeHashes]);
  }

  /** Uses one recovery code; false when it is unknown or already used. */
  async useRecoveryCode(tx: EntityManager, userId: string, codeHash: string, at: Date): Promise<boolean> {
    const [rows] = await tx.query(
      `UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash, at],
    );
    return (rows as unknown[]).length === 1;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return rows[0].n;
  }

  /** Removes the user's second factor and recovery codes, and the second-factor mark of their sessions. */
  async reset(tx: EntityManager, userId: string): Promise<boolean> {
    const [, deleted] = await tx.query<[unknown, number]>('DELETE FROM user_two_factor WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
    await tx.query('UPDATE refresh_tokens SET mfa_at = NULL WHERE user_id = $1 AND mfa_at IS NOT NULL', [userId]);
    return deleted > 0;
  }

  /** Marks a session (every link of the refresh family) as having passed the second factor. */
  async markSession(tx: EntityManager, familyId: string, at: Date): Promise<void> {
    await tx.query('UPDATE refresh_tokens SET mfa_at = $2 WHERE family_id = $1 AND mfa_at IS NULL', [familyId, at]);
  }
}
