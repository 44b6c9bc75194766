import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, configSchema, REQUIRED_IN_PRODUCTION } from './config.schema';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates the environment. In production every secret must come from the environment; in
 * development missing secrets are generated once into `<DATA_DIR>/secrets.json` so that sessions
 * survive a restart.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === 'production';
  if (isProduction) {
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => !raw[k]);
    if (missing.length) {
      throw new ConfigError(`NODE_ENV=production requires ${missing.join(', ')} (missing from the environment).`);
    }
  }
  const secrets =
    raw.JWT_ACCESS_SECRET && raw.JWT_REFRESH_SECRET
      ? { access: raw.JWT_ACCESS_SECRET, refresh: raw.JWT_REFRESH_SECRET }
      : developmentSecrets(raw.DATA_DIR);
  return {
    ...raw,
    JWT_ACCESS_SECRET: raw.JWT_ACCESS_SECRET ?? secrets.access,
    JWT_REFRESH_SECRET: raw.JWT_REFRESH_SECRET ?? secrets.refresh,
    GRAPHQL_INTROSPECTION: env.GRAPHQL_INTROSPECTION === undefined ? !isProduction : raw.GRAPHQL_INTROSPECTION,
    GRAPHQL_SUGGESTIONS: env.GRAPHQL_SUGGESTIONS === undefined ? !isProduction : raw.GRAPHQL_SUGGESTIONS,
    isProduction,
  };
}

function developmentSecrets(dataDir: string): { access: string; refresh: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = { access: randomBytes(32).toString('base64url'), refresh: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
