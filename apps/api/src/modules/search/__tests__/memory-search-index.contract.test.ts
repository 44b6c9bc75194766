import { createTestDatabase } from '@aimatch/api-testing';
import { MemorySearchIndex } from '@aimatch/search';
import { searchIndexContract } from '@aimatch/search/contract';
import pg from 'pg';

searchIndexContract('MemorySearchIndex (embedded default)', async () => {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const index = new MemorySearchIndex(async (sql, params) => (await pool.query(sql, params as unknown[])).rows);
  return {
    index,
    close: async () => {
      await index.close();
      await pool.end();
      await db.drop();
    },
  };
});
