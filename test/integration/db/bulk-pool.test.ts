import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { openDatabase, type Database } from '../../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('the bulk SQL pool', () => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(inject('servers').databaseUrl);
    database = await openDatabase(testDatabase.url);
  });

  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('runs every statement without JIT compilation, on each of its connections', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => database.pool.connect()));
    try {
      const settings = await Promise.all(clients.map((client) => client.query<{ jit: string }>('show jit')));
      expect(settings.map((result) => result.rows[0]?.jit)).toEqual(['off', 'off', 'off']);
    } finally {
      for (const client of clients) client.release();
    }
  });
});
