import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { OutboxDispatcher } from '../../src/database/outbox/outbox.dispatcher';
import type { AppConfig } from '../../src/config/config.schema';
import { loadConfig } from '../../src/config/load-config';
import { createTestDatabase } from './template-database';

export interface GqlError {
  message: string;
  path?: Array<string | number>;
  extensions: {
    code: string;
    fields?: Array<{ path: string; rule: string; message: string }>;
    retryAfter?: number;
    requestId?: string;
    [detail: string]: unknown;
  };
}
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  headers: Record<string, unknown>;
}
export interface GqlOptions {
  token?: string;
  locale?: 'ko' | 'en';
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL when the app listens on a real port (e2e, browser). */
  url?: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** Secrets and limits for tests: rate limits are high unless a test asks for its own. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_ACCESS_SECRET: 'test-access-secret-0123456789abcdef0123456789',
    JWT_REFRESH_SECRET: 'test-refresh-secret-0123456789abcdef012345678',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_API_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: '60000',
    // No timers: a test runs a scheduled job when it means to, with JobScheduler.runNow.
    SCHEDULER_ENABLED: 'false',
    SEED_DEMO: 'false',
    // The outbox mailer's .eml files go to a fresh directory per app in the system's temp directory
    // (not the repository's .data): account mail is named after the outbox event id, which every
    // test database numbers from 1, and the mailer skips a file that already exists.
    MAIL_DIR: env.MAIL_DIR ?? mkdtempSync(join(tmpdir(), 'aimatch-test-mail-')),
    // Uploaded files (local adapter) likewise.
    FILES_DIR: join(tmpdir(), 'aimatch-test-files'),
    // No search snapshots in the repository's .data (the snapshot tests turn them on in a temp DATA_DIR).
    SEARCH_SNAPSHOT: 'false',
    ...env,
  });
}

/**
 * Boots the real app (createApp, as `npm start` does) on a fresh database. With `listen` it
 * serves on a free loopback port and requests go over real HTTP.
 */
export async function bootTestApp(options: { listen?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const app = await createApp(config);
  let url: string | undefined;
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  }

  const gql: TestApp['gql'] = async (query, variables, opts = {}) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': opts.locale ?? 'ko',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    };
    const payload = JSON.stringify({ query, variables });
    if (url) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: payload });
      const body = (await res.json()) as { data: any; errors?: GqlError[] };
      return { status: res.status, ...body, data: body.data ?? null, headers: Object.fromEntries(res.headers) };
    }
    const res = await app.inject({ method: 'POST', url: '/graphql', headers, payload });
    const body = res.json<{ data: any; errors?: GqlError[] }>();
    return { status: res.statusCode, ...body, data: body.data ?? null, headers: res.headers };
  };

  return {
    app,
    config,
    url,
    gql,
    close: async () => {
      await app.close();
      await db.drop();
      if (!options.env?.MAIL_DIR && config.MAIL_DIR) rmSync(config.MAIL_DIR, { recursive: true, force: true });
    },
  };
}

/** Waits until the outbox has nothing left to handle (indexing, notifications), waking the dispatcher. */
export async function settleOutbox(t: TestApp, timeoutMs = 10_000): Promise<void> {
  const ds = t.app.get(DataSource);
  const dispatcher = t.app.get(OutboxDispatcher);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await ds.query(
      'SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL AND parked_at IS NULL AND available_at <= now()',
    );
    if (n === 0) return;
    if (Date.now() > until) throw new Error(`outbox still has ${n} pending events`);
    dispatcher.wake();
    await new Promise((r) => setTimeout(r, 20));
  }
}
