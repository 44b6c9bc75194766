// One embedded PostgreSQL for the whole run, in a throw-away directory, started the way `npm start` starts it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return; // an external server was given
  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-test-'));
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: 0,
    settings: { max_connections: '300', fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  (globalThis as { __AIMATCH_PG__?: unknown }).__AIMATCH_PG__ = { pg, dataDir };
  process.env.TEST_DATABASE_URL = pg.url('postgres');
}
