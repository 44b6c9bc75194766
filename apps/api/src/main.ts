/** `npm start`: embedded PostgreSQL (unless DATABASE_URL), migrations, vocabulary and demo seed, then the API and web client. */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/load-config';
import { resolveDatabase } from './database/embedded-postgres';
import { DemoSeeder } from './seed/demo.seeder';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const database = await resolveDatabase(config);
  const app = await createApp({ ...config, DATABASE_URL: database.url });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping aimatch…`);
    await app.close().catch((err) => console.error(err));
    await database.embedded?.stop().catch((err) => console.error(err));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const accounts = config.SEED_DEMO ? await app.get(DemoSeeder).seed() : [];
  const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  aimatch is running at ${url}`,
    `  GraphQL:  ${url}/graphql      health: ${url}/health`,
    `  Database: ${database.embedded ? `embedded PostgreSQL (${config.DATA_DIR}/pg, port ${database.embedded.port})` : 'DATABASE_URL'}`,
    `  Started in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (accounts.length) {
    lines.push('', '  Demo accounts (password for all: ' + accounts[0].password + '):');
    for (const a of accounts) lines.push(`    ${a.role.padEnd(14)} ${a.email}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
