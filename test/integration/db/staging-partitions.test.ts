import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createStagingPartitions,
  dropStagingPartitions,
  partitionState,
  runsWithStaging,
  stagingPartition,
  stagingTableOfPartition,
} from '../../../src/db/staging-partitions.js';
import { useMigratedDatabase } from '../../support/migrated-database.js';
import { stagingPartitionsOf } from '../../support/staging-run.js';

describe('staging partitions', () => {
  const database = useMigratedDatabase();

  async function stageUser(runId: string): Promise<void> {
    await database().pool.query(
      `insert into staged_user (run_id, dn_norm, dn, member_of) values ($1, 'uid=a', 'uid=a', '{}')`,
      [runId],
    );
  }

  it('creates a run its partitions once, however often and concurrently asked', async () => {
    const runId = randomUUID();
    await expect(stageUser(runId)).rejects.toThrow(/no partition of relation "staged_user"/);
    await Promise.all([
      createStagingPartitions(database().pool, runId),
      createStagingPartitions(database().pool, runId),
    ]);
    await createStagingPartitions(database().pool, runId);
    expect(await stagingPartitionsOf(database().pool, runId)).toEqual([
      'staged_group',
      'staged_group_member',
      'staged_user',
    ]);
    await stageUser(runId);
    const { rows } = await database().pool.query(`select dn from ${stagingPartition('staged_user', runId)}`);
    expect(rows).toEqual([{ dn: 'uid=a' }]);
  });

  it('tells the staging table of a run partition by its name, and no table for any other', () => {
    const runId = randomUUID();
    const unquoted = (table: string): string => stagingPartition(table, runId).replaceAll('"', '');
    expect(stagingTableOfPartition(unquoted('staged_group_member'))).toBe('staged_group_member');
    expect(stagingTableOfPartition(unquoted('staged_group'))).toBe('staged_group');
    expect(stagingTableOfPartition('staged_user')).toBeNull();
    expect(stagingTableOfPartition(unquoted('plan_membership'))).toBeNull();
  });

  it('refuses a run id that is no UUID, as it names a table', () => {
    expect(() => stagingPartition('staged_user', 'x"; drop table identity; --')).toThrow(/not a run id/);
  });

  it('finds the selected runs with staging, and with orphans those without a run row', async () => {
    const [selected, other] = [randomUUID(), randomUUID()];
    for (const runId of [selected, other]) await createStagingPartitions(database().pool, runId);
    const pool = database().pool;
    expect(await runsWithStaging(pool, 'select $1::uuid', [selected])).toEqual([selected]);
    const withOrphans = await runsWithStaging(pool, 'select $1::uuid', [selected], true);
    expect(withOrphans).toEqual(expect.arrayContaining([selected, other]));
  });

  it('drops a run its partitions and rows, idempotently, and finishes an interrupted detach', async () => {
    const pool = database().pool;
    const [dropped, interrupted] = [randomUUID(), randomUUID()];
    for (const runId of [dropped, interrupted]) {
      await createStagingPartitions(pool, runId);
      await stageUser(runId);
    }
    await dropStagingPartitions(pool, [dropped]);
    await dropStagingPartitions(pool, [dropped]);
    expect(await stagingPartitionsOf(database().pool, dropped)).toEqual([]);
    const left = await pool.query('select 1 from staged_user where run_id = $1', [dropped]);
    expect(left.rowCount).toBe(0);

    // A reader holds the partition open; the detach waits for it and is cancelled: it stays pending.
    const reader = await pool.connect();
    const detacher = await pool.connect();
    try {
      await reader.query('begin');
      await reader.query('select 1 from staged_user where run_id = $1', [interrupted]);
      const partition = stagingPartition('staged_user', interrupted);
      const pid = (await detacher.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      // Its outcome taken at once: the rejection may come before the test awaits it, and would be unhandled.
      const detachError = detacher
        .query(`alter table staged_user detach partition ${partition} concurrently`)
        .then(
          () => null,
          (error: unknown) => error,
        );
      await expect.poll(async () => await partitionState(pool, partition)).toBe('DETACH_PENDING');
      await pool.query('select pg_cancel_backend($1)', [pid]);
      expect(String(await detachError)).toMatch(/cancel/);
      await reader.query('commit');
      await dropStagingPartitions(pool, [interrupted]);
      expect(await stagingPartitionsOf(database().pool, interrupted)).toEqual([]);
      expect(await pool.query('select to_regclass($1) as t', [partition])).toMatchObject({
        rows: [{ t: null }],
      });
    } finally {
      reader.release();
      detacher.release();
    }
  });
});
