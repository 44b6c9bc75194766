import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../load-config';

const secret = 'x'.repeat(40);

describe('loadConfig', () => {
  it('starts in development with embedded defaults and secrets generated once into the data dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a).toMatchObject({ GRAPHQL_MAX_DEPTH: 8, PORT: 3000, NODE_ENV: 'development', SEED_DEMO: true, GRAPHQL_INTROSPECTION: true });
    expect(a.DATABASE_URL).toBeUndefined();
    expect(a.JWT_ACCESS_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(b.JWT_ACCESS_SECRET).toBe(a.JWT_ACCESS_SECRET);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).refresh).toBe(a.JWT_REFRESH_SECRET);
  });

  it('refuses production without DATABASE_URL and the JWT secrets, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'NODE_ENV=production requires DATABASE_URL, JWT_ACCESS_SECRET, JWT_REFRESH_SECRET',
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/aimatch', JWT_ACCESS_SECRET: secret })).toThrow(
      'requires JWT_REFRESH_SECRET',
    );
  });

  it('turns introspection off in production unless asked for', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/aimatch', JWT_ACCESS_SECRET: secret, JWT_REFRESH_SECRET: secret };
    expect(loadConfig(env).GRAPHQL_INTROSPECTION).toBe(false);
    expect(loadConfig({ ...env, GRAPHQL_INTROSPECTION: 'true' }).GRAPHQL_INTROSPECTION).toBe(true);
  });

  it('names the variable and the rule of an invalid setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_ACCESS_SECRET: 'short', JWT_REFRESH_SECRET: secret })).toThrow(/JWT_ACCESS_SECRET/);
    expect(() => loadConfig({ ARGON2_MEMORY_KIB: '1024' })).toThrow(/ARGON2_MEMORY_KIB/);
  });

  it('reads comma-separated CORS origins', () => {
    expect(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')), CORS_ORIGINS: 'http://localhost:5173, https://aimatch.or.kr' })
        .CORS_ORIGINS,
    ).toEqual(['http://localhost:5173', 'https://aimatch.or.kr']);
  });
});
