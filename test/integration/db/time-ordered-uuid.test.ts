import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { TIME_ORDERED_UUID_SQL } from '../../../src/db/time-ordered-uuid.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('TIME_ORDERED_UUID_SQL', () => {
  let testDatabase: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(inject('servers').databaseUrl);
    pool = new pg.Pool({ connectionString: testDatabase.url, max: 1 });
  });

  afterAll(async () => {
    await pool.end();
    await testDatabase.drop();
  });

  it('makes distinct version 7 UUIDs that start with the current Unix time in milliseconds', async () => {
    const before = Date.now();
    const { rows } = await pool.query<{ id: string }>(
      `select ${TIME_ORDERED_UUID_SQL}::text as id from generate_series(1, 1000)`,
    );
    const after = Date.now();
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(millis).toBeGreaterThanOrEqual(before - 1000);
      expect(millis).toBeLessThanOrEqual(after + 1000);
    }
  });

  it('sorts later UUIDs after earlier ones', async () => {
    const first = await pool.query<{ id: string }>(`select ${TIME_ORDERED_UUID_SQL}::text as id`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await pool.query<{ id: string }>(`select ${TIME_ORDERED_UUID_SQL}::text as id`);
    expect((first.rows[0]?.id ?? '') < (second.rows[0]?.id ?? '')).toBe(true);
  });
});
