import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { StaffAccountService } from '../../../modules/identity/staff-account.service';

/** audit_log is append-only in the database itself; only the foreign key's ON DELETE SET NULL of the actor gets through. */
describe('audit_log is append-only', () => {
  let t: TestApp;
  let ds: DataSource;
  let actorId: string;
  let rowId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    const email = `audit-${Date.now()}@aimatch.or.kr`;
    await t.app.get(StaffAccountService).createOrPromote({ email, admin: false });
    actorId = (await ds.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;
    const [row] = await ds.query(
      `INSERT INTO audit_log (actor_user_id, action, subject_type, subject_id, details) VALUES ($1, 'test.acted', 'organization', 'x', '{"reason":"r"}') RETURNING id::text AS id`,
      [actorId],
    );
    rowId = row.id;
  });
  afterAll(() => t.close());

  const row = async () => (await ds.query(`SELECT actor_user_id AS "actor", action, details FROM audit_log WHERE id = $1`, [rowId]))[0];

  it('refuses UPDATE, DELETE and TRUNCATE and leaves the row as it was', async () => {
    await expect(ds.query(`UPDATE audit_log SET action = 'test.rewritten' WHERE id = $1`, [rowId])).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE audit_log SET details = '{}' WHERE id = $1`, [rowId])).rejects.toThrow(/append-only/);
    // Clearing the actor by hand while the user still exists is refused too.
    await expect(ds.query(`UPDATE audit_log SET actor_user_id = NULL WHERE id = $1`, [rowId])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_log WHERE id = $1`, [rowId])).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await row()).toEqual({ actor: actorId, action: 'test.acted', details: { reason: 'r' } });
  });

  it('lets the foreign key clear the actor when the user is deleted, and nothing else changes', async () => {
    await ds.query(`DELETE FROM users WHERE id = $1`, [actorId]);
    expect(await row()).toEqual({ actor: null, action: 'test.acted', details: { reason: 'r' } });
  });
});
