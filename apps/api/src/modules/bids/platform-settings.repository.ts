import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** `platform_settings`: one JSON value per key, with who changed it last. */
@Injectable()
export class PlatformSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored value (undefined when the key was never set); locked FOR UPDATE in `tx` when given. */
  async value(key: string, tx?: EntityManager): Promise<{ value: unknown } | undefined> {
    const rows: Array<{ value: unknown }> = tx
      ? await tx.query('SELECT value FROM platform_settings WHERE key = $1 FOR UPDATE', [key])
      : await this.dataSource.query('SELECT value FROM platform_settings WHERE key = $1', [key]);
    return rows[0];
  }

  async upsert(tx: EntityManager, key: string, value: unknown, userId: string): Promise<void> {
    await tx.query(
      `INSERT INTO platform_settings (key, value, updated_by_id, updated_at) VALUES ($1, $2::jsonb, $3, date_trunc('milliseconds', now()))
       ON CONFLICT (key) DO UPDATE SET value = $2::jsonb, updated_by_id = $3, updated_at = date_trunc('milliseconds', now())`,
      [key, JSON.stringify(value), userId],
    );
  }
}
