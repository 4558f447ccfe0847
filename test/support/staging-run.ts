import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createStagingPartitions } from '../../src/db/staging-partitions.js';

/** A new run id with its staging partitions, as a run's reads make them before they stage anything. */
export async function newStagingRun(pool: pg.Pool): Promise<string> {
  const runId = randomUUID();
  await createStagingPartitions(pool, runId);
  return runId;
}
