import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStagingPartitions } from '../../../src/db/staging-partitions.js';
import { applyRetentionSchedule } from '../../../src/services/retention-scheduler.js';
import type { retentionWorkflow } from '../../../src/workflows/retention.workflow.js';
import { RETENTION_SCHEDULE_ID } from '../../../src/workflows/workflow-ids.js';
import { createAppGroup, setMappings } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import { createScenarioTree } from '../../support/ldap-scenario.js';
import { stagingPartitionsOf } from '../../support/staging-run.js';
import { adoptedStagingOf, runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function rowsOf(table: string, runId: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ n: number }>(
    `select count(*)::int as n from ${table} where run_id = $1`,
    [runId],
  );
  return rows[0]?.n ?? -1;
}

describe('retention', () => {
  it('prunes logs, plans and leftover staging of old runs; keeps runs, recent detail and the snapshot', async () => {
    const tree = await createScenarioTree(slapd, 'retention');
    const group = await tree.addGroup('staff', [await tree.addUser('ret1'), await tree.addUser('ret2')]);
    const directory = await createDirectory(app, directoryInputFor(slapd));
    const { id: configId } = await createSyncConfig(app, {
      ...syncConfigInputFor(slapd, directory.id, { usersBaseDn: tree.usersDn, groupsBaseDn: tree.groupsDn }),
      autoCreateUsers: true,
    });
    await setMappings(app, configId, [
      { ldapGroupDn: group, appGroupIds: [await createAppGroup(app, uniqueName('r'))] },
    ]);
    const old = await runSync(app, configId);
    // A new entry: the full read after it stages its own view (an unchanged one would adopt old's).
    await tree.addUser('ret3');
    await tree.close();
    const recent = await runSync(app, configId, { fullReconciliation: true });
    expect(await adoptedStagingOf(app, recent.id)).toBeNull();
    // Nothing changed: the newest run reads the staging of the one before (adopted), which it keeps.
    const newest = await runSync(app, configId);
    expect([old.status, recent.status, newest.status]).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(await adoptedStagingOf(app, newest.id)).toBe(recent.id);
    await app.database.pool.query(
      `update sync_run set finished_at = now() - interval '100 days' where id = any($1::uuid[])`,
      [[old.id, recent.id]],
    );
    // Staging an old run left behind (as a failed run's would be); the clean-up of later runs dropped
    // its partitions.
    expect(await stagingPartitionsOf(app.database.pool, old.id)).toEqual([]);
    await createStagingPartitions(app.database.pool, old.id);
    await app.database.pool.query(
      `insert into staged_user (run_id, dn_norm, dn, member_of) values ($1, 'uid=left,dc=x', 'uid=left,dc=x', '{}')`,
      [old.id],
    );
    expect(await rowsOf('run_log', old.id)).toBeGreaterThan(0);
    expect(await rowsOf('plan_identity', old.id)).toBeGreaterThan(0);
    // Staging of a run whose row is gone (its config was deleted).
    const orphan = randomUUID();
    await createStagingPartitions(app.database.pool, orphan);
    expect(await stagingPartitionsOf(app.database.pool, orphan)).toEqual([
      'staged_group',
      'staged_group_member',
      'staged_user',
    ]);

    const counts = await app.temporal.client.workflow.execute<typeof retentionWorkflow>('retentionWorkflow', {
      args: [{ retentionDays: 90 }],
      taskQueue: app.temporal.taskQueue,
      workflowId: `retention-test-${old.id}`,
    });
    expect(counts).toMatchObject({ stagingRuns: 2 });
    expect(await stagingPartitionsOf(app.database.pool, old.id)).toEqual([]);
    expect(await stagingPartitionsOf(app.database.pool, orphan)).toEqual([]);
    for (const table of ['run_log', 'plan_identity', 'plan_membership', 'staged_user']) {
      expect(await rowsOf(table, old.id), table).toBe(0);
    }
    expect(await rowsOf('run_log', newest.id)).toBeGreaterThan(0);
    // The staging the newest successful run reads is the snapshot the next incremental run continues from.
    expect(await rowsOf('staged_user', recent.id)).toBeGreaterThan(0);
    const { rows } = await app.database.pool.query('select id from sync_run where id = $1', [old.id]);
    expect(rows).toHaveLength(1);
  });

  it('keeps one schedule with the configured cron and retention', async () => {
    await applyRetentionSchedule(app.temporal, { retentionDays: 30, retentionCron: '0 4 * * *' });
    await applyRetentionSchedule(app.temporal, { retentionDays: 45, retentionCron: '15 2 * * *' });
    const handle = app.temporal.client.schedule.getHandle(RETENTION_SCHEDULE_ID);
    try {
      const schedule = await handle.describe();
      expect(schedule.action).toMatchObject({
        workflowType: 'retentionWorkflow',
        args: [{ retentionDays: 45 }],
      });
      expect(schedule.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 2, end: 2, step: 1 }] });
    } finally {
      await handle.delete();
    }
  });
});
