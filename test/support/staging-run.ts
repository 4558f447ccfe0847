import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createStagingPartitions } from '../../src/db/staging-partitions.js';

/** A new run id with its staging partitions, as a run's reads make them before they stage anything. */
export async function newStagingRun(pool: pg.Pool): Promise<string> {
  const runId = randomUUID();
  await createStagingPartitions(pool, runId);
  return runId;
}

/** The staging tables that have a partition for the run (src/db/staging-partitions.ts), sorted. */
export async function stagingPartitionsOf(pool: pg.Pool, runId: string): Promise<string[]> {
  const { rows } = await pool.query<{ parent: string }>(
    `select p.relname as parent from pg_inherits i
     join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
     where c.relname = p.relname || '_' || replace($1, '-', '') order by 1`,
    [runId],
  );
  return rows.map((row) => row.parent);
}
