// Replays the snapshot completion of a kept bench database's incremental run, statement by statement:
// SnapshotStagingRepository.complete(), the step that copies the snapshot's staged users into the run's
// (issue 7). Run the bench with --keep-db first, then
//
//   npx tsx bench/replay-completion.ts postgresql://postgres@127.0.0.1:5432/rolesync_bench_... [--repeats N]
//
// The run's own snapshot staging is gone by then (retention), so both sides are rebuilt under new run
// ids from what the run left: the snapshot as the run's users with the access log's member deltas
// undone, the run as the groups it read with those deltas. Each repeat then completes the rebuilt run
// and checks that every staged user came out as in the bench run. Read-only for the bench's own rows.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SnapshotStagingRepository } from '../src/db/snapshot-staging.repository.js';
import {
  createStagingPartitions,
  dropStagingPartitions,
  stagingPartition,
} from '../src/db/staging-partitions.js';
import { STAGED_GROUP, STAGED_USER } from '../src/db/staging-tables.js';
import { exitOnError, parseReplayOptions, recordStatementTimes } from './statement-timings.js';

const USAGE = 'usage: npx tsx bench/replay-completion.ts DATABASE_URL [--repeats N]';

async function main(): Promise<void> {
  const { url, repeats } = parseReplayOptions(USAGE);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const timings = recordStatementTimes(pool);
  const snapshotId = randomUUID();
  const runIds: string[] = [];
  try {
    const benchRunId = await incrementalRunOf(pool);
    await rebuildSnapshot(pool, benchRunId, snapshotId);
    const snapshots = new SnapshotStagingRepository(pool);
    for (let repeat = 1; repeat <= repeats; repeat++) {
      // A new run each time: completing one run again would read the dead rows of the last attempt.
      const runId = randomUUID();
      runIds.push(runId);
      await stageGroupsRead(pool, benchRunId, runId);
      timings.forget();
      const started = performance.now();
      const completion = await snapshots.complete(runId, snapshotId, {
        membershipSource: 'MEMBER_OF',
        memberValues: 'CHANGED_GROUPS',
      });
      const ms = performance.now() - started;
      const equal = await usersEqualToBenchRun(pool, runId, benchRunId);
      console.log(
        `repeat ${repeat}: ${ms.toFixed(0)} ms, ${equal} of ${completion.usersStaged} users as in the bench run, ` +
          JSON.stringify(completion.memberOfCorrection),
      );
      timings.list();
      await dropStagingPartitions(pool, [runId]);
    }
  } finally {
    await dropStagingPartitions(pool, [snapshotId, ...runIds]);
    await pool.end();
  }
}

/**
 * The last incremental run completed from a snapshot whose staging is still there, with member deltas
 * from the access log for every group it read (the bench's 1% incremental run).
 */
async function incrementalRunOf(pool: pg.Pool): Promise<string> {
  const found = await pool.query<{ id: string; whole: number }>(
    `select r.id, (select count(*)::int from staged_group g
                   where g.run_id = r.id and g.fresh and g.members_added is null) as whole
     from sync_run r
     where r.read_mode = 'INCREMENTAL' and r.staged_from_run_id is not null
       and exists (select 1 from staged_user u where u.run_id = r.id and u.corrected)
     order by r.created_at desc limit 1`,
  );
  const run = found.rows[0];
  if (run === undefined) {
    throw new Error('no incremental run with corrected users and its staging: run the bench with --keep-db');
  }
  if (run.whole > 0)
    throw new Error(`run ${run.id} read ${run.whole} groups whole: only access-log deltas replay`);
  return run.id;
}

/** The snapshot: the bench run's users with its member deltas undone, and its groups, analyzed. */
async function rebuildSnapshot(pool: pg.Pool, benchRunId: string, snapshotId: string): Promise<void> {
  await createStagingPartitions(pool, snapshotId);
  const userColumns = STAGED_USER.columns.filter((column) => column !== 'member_of');
  await pool.query(
    `with delta as (
       select v as user_dn_norm, g.dn_norm as group_dn_norm, true as added
       from staged_group g cross join lateral unnest(g.members_added) as v where g.run_id = $1 and g.fresh
       union all
       select v, g.dn_norm, false
       from staged_group g cross join lateral unnest(g.members_removed) as v where g.run_id = $1 and g.fresh)
     insert into staged_user (run_id, ${userColumns.join(', ')}, member_of)
     select $2, ${userColumns.map((column) => `u.${column}`).join(', ')},
            case when not u.corrected then u.member_of else array(
              select v from (select v from unnest(u.member_of) as v
                             where not exists (select 1 from delta d
                                               where d.user_dn_norm = u.dn_norm and d.group_dn_norm = v and d.added)
                             union all
                             select d.group_dn_norm from delta d where d.user_dn_norm = u.dn_norm and not d.added) kept
              order by v collate "C") end
     from staged_user u where u.run_id = $1`,
    [benchRunId, snapshotId],
  );
  const groupColumns = STAGED_GROUP.columns.join(', ');
  await pool.query(
    `insert into staged_group (run_id, ${groupColumns}) select $2, ${groupColumns} from staged_group where run_id = $1`,
    [benchRunId, snapshotId],
  );
  // As the bench run found it: analyzed by its own run (the groups just read are not).
  await pool.query(
    `analyze ${stagingPartition(STAGED_USER.name, snapshotId)}, ${stagingPartition(STAGED_GROUP.name, snapshotId)}`,
  );
}

/** A new run's staging as the groups read left it: the bench run's groups read, with their member deltas. */
async function stageGroupsRead(pool: pg.Pool, benchRunId: string, runId: string): Promise<void> {
  await createStagingPartitions(pool, runId);
  const columns = [...STAGED_GROUP.columns, ...STAGED_GROUP.ownColumns].join(', ');
  await pool.query(
    `insert into staged_group (run_id, ${columns})
     select $2, ${columns} from staged_group where run_id = $1 and fresh`,
    [benchRunId, runId],
  );
}

/** How many of run `runId`'s staged users equal the bench run's row of the same DN, memberOf and all. */
async function usersEqualToBenchRun(pool: pg.Pool, runId: string, benchRunId: string): Promise<number> {
  const columns = [...STAGED_USER.columns, ...STAGED_USER.ownColumns];
  const result = await pool.query<{ n: number }>(
    `select count(*)::int as n from staged_user a
     join staged_user b on b.run_id = $2 and b.dn_norm = a.dn_norm
     where a.run_id = $1 and ${columns.map((column) => `a.${column} is not distinct from b.${column}`).join(' and ')}`,
    [runId, benchRunId],
  );
  return result.rows[0]?.n ?? 0;
}

main().catch(exitOnError);
