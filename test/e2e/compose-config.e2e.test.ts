import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * docker/compose.yaml must validate with Debian's docker-compose (1.29; `.ci/run` installs it).
 * No Docker engine runs here: `config` only parses, interpolates and checks the file.
 */
const client = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
const present = client.status === 0;
const maybe = present ? it : it.skip;

const env = {
  ...process.env,
  POSTGRES_PASSWORD: 'compose-test-password',
  MEILI_MASTER_KEY: 'compose-test-master-key-0123456789',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  COMPOSE_PROJECT_NAME: 'aimatch',
};

describe('docker/compose.yaml', () => {
  maybe(
    present ? `validates with docker-compose ${client.stdout.trim()} config` : 'validates (skipped: docker-compose is not installed)',
    () => {
      const r = spawnSync('docker-compose', ['-f', 'docker/compose.yaml', 'config'], { encoding: 'utf8', env });
      expect(r.stderr).not.toMatch(/invalid|error/i);
      expect(r.status).toBe(0);
      const out = r.stdout;
      // Two API instances behind the proxy, on PostgreSQL chat fan-out and Meilisearch, trusting the proxy only.
      for (const api of ['api1', 'api2']) expect(out).toMatch(new RegExp(`\\n  ${api}:\\n`));
      expect(out.match(/CHAT_ADAPTER: postgres/g)).toHaveLength(2);
      expect(out.match(/MEILI_URL: http:\/\/meilisearch:7700/g)).toHaveLength(2);
      expect(out.match(/TRUST_PROXY: 172\.28\.0\.2/g)).toHaveLength(2);
      expect(out).toMatch(/ipv4_address: 172\.28\.0\.2/);
      expect(out).toMatch(/image: getmeili\/meilisearch:v1\.\d+\.\d+/);
      expect(out).toMatch(/MEILI_MASTER_KEY: compose-test-master-key-0123456789/);
      // Only the proxy publishes ports.
      expect(out).toMatch(/published: 80/);
      expect(out.split(/\n {2}(?=\S)/).filter((s) => /^api\d:/.test(s) && /\n {4}ports:/.test(s))).toHaveLength(0);
    },
  );

  maybe(
    present ? 'refuses to render without the secrets' : 'refuses to render without the secrets (skipped: docker-compose is not installed)',
    () => {
      const { POSTGRES_PASSWORD: _p, ...without } = env;
      const r = spawnSync('docker-compose', ['-f', 'docker/compose.yaml', 'config'], { encoding: 'utf8', env: without });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/POSTGRES_PASSWORD/);
    },
  );

  it('builds a slim, non-root image with a readiness health check', () => {
    const file = readFileSync('docker/Dockerfile', 'utf8');
    expect(file.match(/^FROM /gm)).toHaveLength(2);
    expect(file).toMatch(/^FROM node:\d+-bookworm-slim AS runtime/m);
    expect(file).toMatch(/^USER node$/m);
    expect(file).toMatch(/^HEALTHCHECK [\s\S]*\/ready/m);
    const caddy = readFileSync('docker/Caddyfile', 'utf8');
    expect(caddy).toMatch(/reverse_proxy api1:3000 api2:3000/);
  });
});
