import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

export interface RunView {
  id: string;
  status: string;
  phase: string;
  dryRun: boolean;
  readMode: 'FULL' | 'INCREMENTAL';
  errorCode: string | null;
  errorMessage: string | null;
  counters: Record<string, number>;
}

export const RUN_FIELDS = `id status phase dryRun readMode errorCode errorMessage counters {
  usersRead groupsRead usersStaged entriesUnchanged memberOfValuesRead groupMemberValuesRead entriesSkipped membershipEdges
  identitiesToCreate identitiesToUpdate identitiesToDeactivate identitiesToReactivate membershipsToAdd membershipsToRemove
  identitiesCreated identitiesUpdated identitiesDeactivated identitiesReactivated membershipsAdded membershipsRemoved
  rolesCreated rolesUpdated memberValues lookupsMade cacheHits membersUnresolved roleRequestsCreated roleRequestsExecuted rolesAdded rolesRemoved }`;

/** Counters of a run's plan that must all be zero when it found nothing to do. */
export const NOTHING_PLANNED = {
  identitiesToCreate: 0,
  identitiesToUpdate: 0,
  identitiesToDeactivate: 0,
  identitiesToReactivate: 0,
  membershipsToAdd: 0,
  membershipsToRemove: 0,
};

export async function startSync(
  app: TestApp,
  syncConfigId: string,
  dryRun = false,
  fullReconciliation = false,
): Promise<RunView> {
  const data = await app.gqlData<{ startSync: RunView }>(
    `mutation($id: ID!, $dryRun: Boolean!, $full: Boolean!) {
       startSync(syncConfigId: $id, dryRun: $dryRun, fullReconciliation: $full) { ${RUN_FIELDS} } }`,
    { id: syncConfigId, dryRun, full: fullReconciliation },
  );
  return data.startSync;
}

export async function getRun(app: TestApp, runId: string): Promise<RunView> {
  return (
    await app.gqlData<{ syncRun: RunView }>(`query($id: ID!) { syncRun(id: $id) { ${RUN_FIELDS} } }`, {
      id: runId,
    })
  ).syncRun;
}

/** Polls until the run leaves the given statuses (by default: until it has ended). */
export async function waitForRun(
  app: TestApp,
  runId: string,
  whileStatus: readonly string[] = ['QUEUED', 'RUNNING', 'AWAITING_APPROVAL'],
  timeoutMs = 120_000,
): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun(app, runId);
    if (!whileStatus.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} in ${run.phase}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts a run and waits for its end; fails the test unless it ends in the expected status. */
export async function runSync(
  app: TestApp,
  syncConfigId: string,
  options: { dryRun?: boolean; fullReconciliation?: boolean } = {},
): Promise<RunView> {
  const run = await startSync(
    app,
    syncConfigId,
    options.dryRun ?? false,
    options.fullReconciliation ?? false,
  );
  return waitForRun(app, run.id);
}

/**
 * A full reconciliation of the config's directory, expected to succeed as a full read that plans nothing:
 * what incremental runs left is what a full read gives. Returns the run for further checks.
 */
export async function fullReconciliationPlanningNothing(
  app: TestApp,
  syncConfigId: string,
): Promise<RunView> {
  const full = await runSync(app, syncConfigId, { fullReconciliation: true });
  expect(full).toMatchObject({ status: 'SUCCEEDED', readMode: 'FULL' });
  expect(full.counters).toMatchObject(NOTHING_PLANNED);
  return full;
}

interface RunRecord {
  staging_run_id: string | null;
  read_mark: { kind: string; value: string } | null;
  identity_versions: string | null;
}

async function runRecordOf(app: TestApp, runId: string): Promise<RunRecord | undefined> {
  const { rows } = await app.database.pool.query<RunRecord>(
    'select staging_run_id, read_mark, identity_versions from sync_run where id = $1',
    [runId],
  );
  return rows[0];
}

/** The run whose staging a run adopted (an incremental run that found nothing changed), or null. */
export async function adoptedStagingOf(app: TestApp, runId: string): Promise<string | null> {
  return (await runRecordOf(app, runId))?.staging_run_id ?? null;
}

/** The change mark a run's read recorded (its kind and value), or null. */
export async function readMarkOf(
  app: TestApp,
  runId: string,
): Promise<{ kind: string; value: string } | null> {
  return (await runRecordOf(app, runId))?.read_mark ?? null;
}

/** The identity versions a run's apply left (SyncRun.identityVersions), or null. */
export async function identityVersionsOf(app: TestApp, runId: string): Promise<string | null> {
  return (await runRecordOf(app, runId))?.identity_versions ?? null;
}

/** The INFO lines the run wrote in one phase, in order. */
export async function infoMessagesOf(app: TestApp, runId: string, phase: string): Promise<string[]> {
  const { rows } = await app.database.pool.query<{ message: string }>(
    `select message from run_log where run_id = $1 and phase = $2 and level = 'INFO' order by id`,
    [runId, phase],
  );
  return rows.map((row) => row.message);
}

/** The INFO line the run's plan wrote: what it planned, or that nothing changed. */
export async function planMessageOf(app: TestApp, runId: string): Promise<string | undefined> {
  return (await infoMessagesOf(app, runId, 'PLAN'))[0];
}
