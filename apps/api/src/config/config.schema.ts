/** Every setting of the api, validated once at start. Each has an embedded default for development. */
import proxyaddr from '@fastify/proxy-addr';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));
const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(fallback);
const list = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

/**
 * TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed, as addresses or CIDRs, or
 * proxy-addr's names `loopback`, `linklocal`, `uniquelocal` (comma-separated). Unset or `false`:
 * nobody (the peer address is the client). `true` (every peer, so any client picks its own
 * address) and hop counts (Fastify cannot check the peer with a count and ignores it) are refused.
 */
const trustedProxies = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const raw = (v ?? '').trim();
    if (raw === '' || raw === 'false' || raw === '0' || raw === 'no') return [];
    if (raw === 'true' || raw === '1' || raw === 'yes' || /^\d+$/.test(raw)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'name the trusted proxies (addresses, CIDRs, loopback, uniquelocal); true or a hop count would let any client pick its address',
      });
      return z.NEVER;
    }
    const entries = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      proxyaddr.compile(entries);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
    return entries;
  });

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000, 0, 65535),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: int(54329, 0, 65535),
  JWT_ACCESS_SECRET: z.string().min(32).optional(),
  JWT_REFRESH_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: int(900, 30, 86_400),
  REFRESH_TOKEN_TTL_SECONDS: int(30 * 86_400, 300, 365 * 86_400),
  REFRESH_REUSE_GRACE_SECONDS: int(10, 0, 60),
  INVITATION_TTL_SECONDS: int(7 * 86_400, 300, 90 * 86_400),
  ARGON2_MEMORY_KIB: int(19_456, 19_456),
  ARGON2_TIME_COST: int(2, 2),
  ARGON2_PARALLELISM: int(1, 1, 8),
  CORS_ORIGINS: list,
  TRUST_PROXY: trustedProxies,
  BODY_LIMIT_BYTES: int(1_048_576, 1024, 50 * 1_048_576),
  GRAPHQL_INTROSPECTION: bool(true),
  GRAPHQL_SUGGESTIONS: bool(true),
  // graphql-armor's default is 6; cursor connections spend two levels (edges, node) before a
  // listing's submodel and its concept labels, so 8 is the smallest that serves the web client.
  GRAPHQL_MAX_DEPTH: int(8, 2, 20),
  GRAPHQL_MAX_ALIASES: int(15, 1, 100),
  GRAPHQL_MAX_TOKENS: int(1000, 50, 10_000),
  GRAPHQL_MAX_CHARS: int(15_000, 500, 200_000),
  GRAPHQL_MAX_COST: int(5000, 100, 100_000),
  RATE_LIMIT_API_PER_MINUTE: int(600, 1),
  RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: int(20, 1),
  RATE_LIMIT_SIGNIN_PER_ACCOUNT_PER_15_MINUTES: int(10, 1),
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: int(120, 1),
  OUTBOX_POLL_MS: int(1000, 10, 60_000),
  SEED_DEMO: bool(true),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,100}$/)
    .default('listings'),
  /** Embedded engine when MEILI_URL is unset: in-process index fed from PostgreSQL (memory) or PostgreSQL full-text (postgres); chosen by `npm run bench:search`. */
  SEARCH_ENGINE: z.enum(['memory', 'postgres']).default('memory'),
  /** K: candidates retrieval hands to the matcher for re-ranking (all of them when the pool is smaller). */
  MATCHING_CANDIDATES: int(200, 10, 2000),
  /** Chat fan-out across API instances: in-process (one instance) or @socket.io/postgres-adapter on DATABASE_URL. */
  CHAT_ADAPTER: z.enum(['memory', 'postgres']).default('memory'),
  /** Per-user chat send limit: at most this many messages per window. */
  CHAT_RATE_LIMIT_MESSAGES: int(20, 1, 10_000),
  CHAT_RATE_LIMIT_WINDOW_SECONDS: int(10, 1, 3600),
  /** Concurrent WebSockets (each carries every namespace) per user and per client address, counted per instance. */
  SOCKET_MAX_CONNECTIONS_PER_USER: int(20, 1, 10_000),
  SOCKET_MAX_CONNECTIONS_PER_ADDRESS: int(200, 1, 100_000),
  /** Outbox mailer: RFC 822 `.eml` files in this directory (default `<DATA_DIR>/mail`) unless SMTP_URL is set. */
  MAIL_DIR: z.string().optional(),
  MAIL_FROM: z.string().default('aimatch <no-reply@aimatch.local>'),
  /** Production mail transport: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; unset writes .eml files to MAIL_DIR. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//i.test(u), { message: 'SMTP_URL must start with smtp:// or smtps://' })
    .optional(),
  /**
   * Scheduled jobs run on timers (JobScheduler): off in tests and one-off CLI commands, which
   * trigger a job by name with `runNow`. Each sweep runs on one instance at a time (advisory lock).
   */
  SCHEDULER_ENABLED: bool(true),
  /** How often undecided bids past their decision window are expired (ms). */
  BID_EXPIRY_SWEEP_MS: int(3_600_000, 1000, 86_400_000),
  /** How often the reviews' 14-day reveal runs (ms). */
  REVIEW_REVEAL_SWEEP_MS: int(60_000, 1000, 86_400_000),
  /** How often search-document tombstones older than a week leave the change feed (ms). */
  SEARCH_TOMBSTONE_PRUNE_MS: int(3_600_000, 1000, 86_400_000),
  /** How often expired rate-limit counters are deleted (ms). */
  RATE_LIMIT_CLEANUP_MS: int(60_000, 1000, 86_400_000),
  /** Stored files on the local disk (default `<DATA_DIR>/files`) unless S3_BUCKET is set; uploads are spooled here in `.incoming` either way. */
  FILES_DIR: z.string().optional(),
  /** Upload size limit of every file kind (bytes, default 20 MiB); FILES_MAX_BYTES_<KIND> overrides it for one kind. */
  FILES_MAX_BYTES: int(20 * 1_048_576, 1, 2_147_483_647),
  FILES_MAX_BYTES_EVIDENCE: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  FILES_MAX_BYTES_DOCUMENT: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  /** Uploads never attached to an owner are removed after this many hours (the files sweep). */
  FILES_STAGED_TTL_HOURS: int(24, 1, 24 * 365),
  /** How often the files sweep runs (ms). */
  FILES_SWEEP_MS: int(3_600_000, 1000, 86_400_000),
  /** How long a signed download link works (seconds). */
  FILES_LINK_TTL_SECONDS: int(300, 10, 86_400),
  /** Key of the download links' HMAC; when unset it is derived from JWT_ACCESS_SECRET (required in production). */
  FILES_SIGNING_SECRET: z.string().min(32).optional(),
  /** Uploads per user per hour. */
  RATE_LIMIT_FILE_UPLOADS_PER_HOUR: int(120, 1),
  /** S3-compatible object storage for files, chosen when S3_BUCKET is set (credentials: S3_ACCESS_KEY_ID/SECRET, else the AWS default chain). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool(false),
  /** How often the trust & safety scan runs (ms). */
  TRUST_SCAN_MS: int(900_000, 1000, 86_400_000),
  /** BURST_REGISTRATION: organizations created by one account within 24 h, and accounts signed up from one address within 1 h. */
  TRUST_BURST_ORGANIZATIONS_PER_ACCOUNT: int(3, 2, 1000),
  TRUST_BURST_ACCOUNTS_PER_ADDRESS: int(5, 2, 100_000),
  /** USER_REPORTS: reports against an organization's chat messages and reviews that open a signal. */
  TRUST_REPORTS_THRESHOLD: int(3, 1, 1000),
  WEB_DIST_DIR: z.string().default('dist/web'),
  // --- E-mail verification (helper E) ---
  /** How long a mailed e-mail verification link stays valid (seconds; default 48 h). */
  EMAIL_VERIFICATION_TTL_SECONDS: int(48 * 3600, 300, 30 * 86_400),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // --- password reset (#13, helper R) ---
  /** How long a mailed password-reset link works (seconds). */
  PASSWORD_RESET_TTL_SECONDS: int(3600, 300, 86_400),
  /** Password-reset requests per client address per hour, and per e-mail address per hour. */
  RATE_LIMIT_PASSWORD_RESET_PER_IP_PER_HOUR: int(20, 1),
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_PER_HOUR: int(3, 1),
  // --- production (#18, helper P) ---
  /** The in-process search engine's start-up snapshot in `<DATA_DIR>/search/` (the memory engine only). */
  SEARCH_SNAPSHOT: bool(true),
});

export type RawConfig = z.output<typeof configSchema>;

export interface AppConfig extends Omit<
  RawConfig,
  'JWT_ACCESS_SECRET' | 'JWT_REFRESH_SECRET' | 'GRAPHQL_INTROSPECTION' | 'GRAPHQL_SUGGESTIONS'
> {
  JWT_ACCESS_SECRET: string;
  JWT_REFRESH_SECRET: string;
  GRAPHQL_INTROSPECTION: boolean;
  /** "Did you mean …?" in validation errors (they reveal the schema); off in production unless set. */
  GRAPHQL_SUGGESTIONS: boolean;
  isProduction: boolean;
}

/** Settings production refuses to start without: no generated fallbacks there. */
export const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET'] as const;
