// Replays the role plan of a kept bench database's last role sync, statement by statement: the member
// look-up cache as the run's resolve builds it, then RoleRequestRepository.planSyncRequests() (issue 7).
// Run the bench with --keep-db first, then
//
//   npx tsx bench/replay-role-plan.ts postgresql://postgres@127.0.0.1:5432/rolesync_bench_... [--repeats N]
//
// The last role sync's staged groups are kept as the config's snapshot. The replay reads no directory,
// so it needs a run whose every member DN an identity holds or a group of the run is (the bench's role
// sync: no look-ups). Each repeat plans that run again as a retried plan would: it replaces the run's
// plan log lines and unexecuted requests; after an unchanged run there are none to write.
import pg from 'pg';
import { MemberLookupRepository } from '../src/db/member-lookup.repository.js';
import { RoleRequestRepository } from '../src/db/role-request.repository.js';
import { stagingRunIdSql } from '../src/db/staging-tables.js';
import { exitOnError, parseReplayOptions, recordStatementTimes } from './statement-timings.js';

const USAGE = 'usage: npx tsx bench/replay-role-plan.ts DATABASE_URL [--repeats N]';

interface RoleRun {
  id: string;
  stagingRunId: string;
  syncConfigId: string;
  directoryId: string;
  removeRolesNotInSystem: boolean;
}

async function main(): Promise<void> {
  const { url, repeats } = parseReplayOptions(USAGE);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const timings = recordStatementTimes(pool);
  const lookups = new MemberLookupRepository(pool);
  const requests = new RoleRequestRepository(pool);
  let run: RoleRun | undefined;
  try {
    run = await roleRunWithStaging(pool);
    for (let repeat = 1; repeat <= repeats; repeat++) {
      await lookups.clear(run.id);
      const staged = { runId: run.id, stagingRunId: run.stagingRunId };
      const { unknown } = await lookups.beginLookups(staged);
      if (unknown.length > 0) {
        throw new Error(
          `run ${run.id} has ${unknown.length} member DNs to look up: the replay reads no directory`,
        );
      }
      timings.forget();
      const started = performance.now();
      const counts = await requests.planSyncRequests(staged, run);
      console.log(
        `repeat ${repeat}: ${(performance.now() - started).toFixed(0)} ms, ${JSON.stringify(counts)}`,
      );
      timings.list();
    }
  } finally {
    // The cache lives for one run: gone again, as the run left it.
    if (run !== undefined) await lookups.clear(run.id);
    await pool.end();
  }
}

/** The last role sync whose staged group members are still there, with its config's plan settings. */
async function roleRunWithStaging(pool: pg.Pool): Promise<RoleRun> {
  const found = await pool.query<RoleRun>(
    `select r.id, ${stagingRunIdSql('r')} as "stagingRunId", r.sync_config_id as "syncConfigId", c.directory_id as "directoryId",
            c.remove_roles_not_in_system as "removeRolesNotInSystem"
     from sync_run r join sync_config c on c.id = r.sync_config_id
     where c.kind = 'ROLE_SYNC' and r.status = 'SUCCEEDED'
       and exists (select 1 from staged_group_member m where m.run_id = ${stagingRunIdSql('r')})
     order by r.created_at desc limit 1`,
  );
  const run = found.rows[0];
  if (run === undefined) throw new Error('no role sync with its staging: run the bench with --keep-db');
  return run;
}

main().catch(exitOnError);
