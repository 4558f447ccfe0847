import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { analyzeStaleTables } from '../../../src/db/table-statistics.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('analyzeStaleTables', () => {
  let testDatabase: TestDatabase;
  let pool: pg.Pool;

  /** Writes rows and has the writing backend publish its table counters at once (they lag otherwise). */
  async function insertRows(table: string, count: number): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query(`insert into ${table} select generate_series(1, $1)`, [count]);
      await client.query('select pg_stat_force_next_flush()');
    } finally {
      client.release();
    }
  }

  async function lastAnalyzed(table: string): Promise<Date | null> {
    const result = await pool.query<{ at: Date | null }>(
      'select last_analyze as at from pg_stat_user_tables where relname = $1',
      [table],
    );
    return result.rows[0]?.at ?? null;
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase(inject('servers').databaseUrl);
    pool = new pg.Pool({ connectionString: testDatabase.url, max: 3 });
    await pool.query(
      'create table bulk (n int); create table quiet (n int); create table "Mixed Case" (n int)',
    );
  });

  afterAll(async () => {
    await pool.end();
    await testDatabase.drop();
  });

  it('analyzes only the named tables changed past the threshold, once', async () => {
    await insertRows('bulk', 10_000);
    await insertRows('quiet', 20);
    await insertRows('"Mixed Case"', 5_000);

    expect(await analyzeStaleTables(pool, ['bulk', 'quiet'])).toEqual(['bulk']);
    expect(await lastAnalyzed('bulk')).not.toBeNull();
    expect(await lastAnalyzed('quiet')).toBeNull();
    expect(await lastAnalyzed('Mixed Case')).toBeNull();

    // Fresh statistics: 500 more rows are within 10% of 10,000.
    await insertRows('bulk', 500);
    expect(await analyzeStaleTables(pool, ['bulk', 'quiet'])).toEqual([]);
    // 2,000 more are not.
    await insertRows('bulk', 2_000);
    expect(await analyzeStaleTables(pool, ['bulk'])).toEqual(['bulk']);
  });

  it('skips a table another session holds locked instead of waiting for it', async () => {
    await pool.query('create table locked (n int)');
    await insertRows('locked', 1_000);
    const holder = await pool.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table locked in exclusive mode');
      const outcome = await Promise.race([
        analyzeStaleTables(pool, ['locked']),
        sleep(5_000).then(() => 'still waiting for the lock'),
      ]);
      expect(outcome).toEqual(['locked']);
      expect(await lastAnalyzed('locked')).toBeNull();
    } finally {
      await holder.query('rollback');
      holder.release();
    }
  });

  it('quotes the names it analyzes and ignores names of no table', async () => {
    expect(await analyzeStaleTables(pool, ['Mixed Case', 'no_such_table'])).toEqual(['Mixed Case']);
    expect(await lastAnalyzed('Mixed Case')).not.toBeNull();
  });
});
