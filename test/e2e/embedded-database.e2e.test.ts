import { afterAll, describe, expect, it } from '@jest/globals';
import { testConfig } from '@aimatch/api-testing';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { APP_ROLE, ensureDatabase, reachable, resolveDatabase, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

async function currentRole(url: string): Promise<{ user: string; superuser: boolean }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT current_user AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
    return rows[0] as { user: string; superuser: boolean };
  } finally {
    await client.end();
  }
}

/** #13 M7: the development database has generated passwords and the app is no superuser. */
describe('embedded PostgreSQL credentials', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'aimatch-pgcred-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('generates the passwords into DATA_DIR (0600) and runs the app, migrations included, as a non-superuser', async () => {
    const dir = dataDir();
    const database = await resolveDatabase({ DATA_DIR: dir, EMBEDDED_PG_PORT: 0 });
    try {
      const file = join(dir, 'pg-secrets.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const secrets = JSON.parse(readFileSync(file, 'utf8')) as { superuser: string; app: string };
      expect(secrets.superuser).not.toBe('aimatch-embedded');
      expect(secrets.superuser.length).toBeGreaterThanOrEqual(24);
      expect(await currentRole(database.url)).toEqual({ user: APP_ROLE, superuser: false });
      const port = database.embedded!.port;
      expect(await reachable(`postgres://postgres:aimatch-embedded@127.0.0.1:${port}/postgres`)).toBe(false);

      const app = await createApp({ ...testConfig(database.url), DATA_DIR: dir });
      await app.init();
      await app.close();
    } finally {
      await database.embedded?.stop();
    }
  });

  it('rotates the source-code password of a cluster made by an older version and keeps its data', async () => {
    const dir = dataDir();
    // What older versions did: superuser with the constant password, tables owned by it.
    const old = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
    const oldUrl = old.url('aimatch');
    await ensureDatabase(oldUrl);
    const client = new Client({ connectionString: oldUrl });
    await client.connect();
    await client.query("CREATE TABLE kept (id int PRIMARY KEY, note text); INSERT INTO kept VALUES (1, '남아 있음')");
    await client.end();
    await old.stop();

    const database = await resolveDatabase({ DATA_DIR: dir, EMBEDDED_PG_PORT: 0 });
    try {
      expect(await currentRole(database.url)).toEqual({ user: APP_ROLE, superuser: false });
      const app = new Client({ connectionString: database.url });
      await app.connect();
      const { rows } = await app.query('SELECT note FROM kept');
      await app.query("INSERT INTO kept VALUES (2, '새 행')");
      await app.end();
      expect(rows).toEqual([{ note: '남아 있음' }]);
      expect(await reachable(`postgres://postgres:aimatch-embedded@127.0.0.1:${database.embedded!.port}/postgres`)).toBe(false);
    } finally {
      await database.embedded?.stop();
    }
  });
});
