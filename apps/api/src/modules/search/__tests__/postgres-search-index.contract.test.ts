import { createTestDatabase } from '@aimatch/api-testing';
import { PostgresSearchIndex } from '@aimatch/search';
import { searchIndexContract } from '@aimatch/search/contract';
import pg from 'pg';

searchIndexContract('PostgresSearchIndex (SEARCH_ENGINE=postgres)', async () => {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  return {
    index: new PostgresSearchIndex(async (sql, params) => (await pool.query(sql, params as unknown[])).rows),
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
});
