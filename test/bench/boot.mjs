// What the measurement scripts share: loading the built API (`npm run build:api` first; the npm
// scripts do it) and running the app on a throw-away embedded PostgreSQL that is removed afterwards.
import { createRequire } from 'node:module';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const require = createRequire(resolve('package.json'));

/** A module of the build, by its path below dist/apps/api (e.g. `libs/matching/src/index.js`). */
export const dist = (path) => require(resolve('dist/apps/api', path));

/** A module of the API app, by its path below apps/api/src in the build. */
export const api = (path) => dist(`apps/api/src/${path}`);

/**
 * Boots the app (initialised, not listening) on a fresh embedded PostgreSQL with `env` over the
 * process environment and quiet logs, runs `work(app)`, then closes everything and deletes the data.
 */
export async function withThrowawayApp(env, work) {
  const { createApp } = api('app.factory.js');
  const { loadConfig } = api('config/load-config.js');
  const { resolveDatabase } = api('database/embedded-postgres.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-bench-'));
  chmodSync(dataDir, 0o755);
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', LOG_LEVEL: 'silent', ...env });
  const db = await resolveDatabase(config);
  const app = await createApp({ ...config, DATABASE_URL: db.url });
  try {
    await app.init();
    return await work(app);
  } finally {
    await app.close();
    await db.embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
