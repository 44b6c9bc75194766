import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { TransactionService } from '../../src/database/transaction.service';
import { VocabularyRepository } from '../../src/modules/vocabulary/vocabulary.repository';
import { VocabularySeeder } from '../../src/modules/vocabulary/vocabulary.seeder';

const TEMPLATE = 'aimatch_template';
const LOCK = 7_301_999;

function serverUrl(database: string): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set: run tests through `npm test` (jest globalSetup starts PostgreSQL).');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database for one test file, cloned from a template that is migrated and seeded with
 * the vocabulary once per run (the first file to ask builds it, under an advisory lock).
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  const name = `t_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [LOCK]);
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE])).rowCount;
    if (!exists) await buildTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => undefined);
    await admin.end();
  }
  return {
    url: serverUrl(name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl('postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function buildTemplate(admin: pg.Client): Promise<void> {
  await admin.query(`CREATE DATABASE ${TEMPLATE}_build`);
  const ds = new DataSource(dataSourceOptions(serverUrl(`${TEMPLATE}_build`), { poolSize: 2 }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    Logger.overrideLogger(false); // the seeder's "loaded" line is noise in test output
    await new VocabularySeeder(new VocabularyRepository(ds), new TransactionService(ds)).seed();
  } finally {
    await ds.destroy();
  }
  await admin.query(`ALTER DATABASE ${TEMPLATE}_build RENAME TO ${TEMPLATE}`);
}
