/**
 * `npm run search:reindex`: rebuilds the search index from PostgreSQL (the source of truth) and
 * reports counts. Safe while the API runs: the index is upserted per listing version.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DomainModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/load-config';
import { resolveDatabase } from '../database/embedded-postgres';
import { SearchService } from '../modules/search/search.service';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SEED_DEMO: 'false', SCHEDULER_ENABLED: 'false' });
  const database = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(DomainModule.forRoot({ ...config, DATABASE_URL: database.url }), {
    logger: ['error', 'warn'],
  });
  try {
    const started = performance.now();
    const { indexed } = await app.get(SearchService).reindexAll();
    const status = await app.get(SearchService).status();
    console.log(
      `reindexed ${indexed} published listings into ${status.engine} in ${((performance.now() - started) / 1000).toFixed(1)} s; index holds ${status.documents} documents`,
    );
  } finally {
    await app.close();
    await database.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
