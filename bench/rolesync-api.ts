// The benchmark drives Rolesync only through its public GraphQL API, as an operator would: create the
// directory and the sync config, one application group per LDAP group, map them all, start runs and
// watch them (status, phase, counters, run log).
import { setTimeout as sleep } from 'node:timers/promises';
import { SYNC_RUN_COUNTER_KEYS } from '../src/domain/sync-run-state.js';
import type { BenchSlapd } from './bench-slapd.js';
import type { RolesyncApi } from '../src/demo/rolesync-api.js';
import type { DirectoryModel } from './directory-model.js';
import { PAGE_SIZE, type SyncQueries } from './sync-queries.js';

// The API client is the demo's (src/demo/rolesync-api.ts); run-bench.ts takes it from here.
export { RolesyncApi } from '../src/demo/rolesync-api.js';

/** The run counters the benchmark reads: all of them, as the API defines them. */
export const RUN_COUNTERS = SYNC_RUN_COUNTER_KEYS;

export type RunCounters = Record<(typeof RUN_COUNTERS)[number], number>;

export interface RunView {
  id: string;
  status: string;
  phase: string;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  finishedAt: string | null;
  counters: RunCounters;
}

const RUN_FIELDS = `id status phase errorCode errorMessage createdAt finishedAt counters { ${RUN_COUNTERS.join(' ')} }`;
const ACTIVE_STATUSES = new Set(['QUEUED', 'RUNNING']);
/** App groups created per GraphQL request (aliased mutations): 10,000 groups in 50 requests. */
const APP_GROUPS_PER_REQUEST = 200;
const MIN_POLL_INTERVAL_MS = 100;
const MAX_POLL_INTERVAL_MS = 1000;
const CANCEL_POLLS = 600;

export interface SyncSetup {
  directoryId: string;
  syncConfigId: string;
  /** Size of the one setGroupMappings request that maps every group (the API accepts 1 MB). */
  mappingRequestBytes: number;
  seconds: number;
}

/**
 * Directory, sync config (all users, all groups, auto-create on, safety threshold 100%), one app
 * group per LDAP group and the mapping of every group to its app group.
 */
export async function setUpDirectorySync(
  api: RolesyncApi,
  slapd: BenchSlapd,
  model: DirectoryModel,
  queries: SyncQueries,
): Promise<SyncSetup> {
  const started = performance.now();
  const directoryId = await createDirectory(api, slapd);
  const syncConfigId = await createDirectorySyncConfig(api, directoryId, queries);
  const appGroupIds = await createAppGroups(api, model);
  const mappings = appGroupIds.map((appGroupId, group) => ({
    ldapGroupDn: model.names.groupDn(group),
    appGroupIds: [appGroupId],
  }));
  const mutation = `mutation($id: ID!, $m: [GroupMappingInput!]!) { setGroupMappings(syncConfigId: $id, mappings: $m) { appGroupId } }`;
  const variables = { id: syncConfigId, m: mappings };
  await api.data(mutation, variables);
  return {
    directoryId,
    syncConfigId,
    mappingRequestBytes: JSON.stringify({ query: mutation, variables }).length,
    seconds: (performance.now() - started) / 1000,
  };
}

async function createDirectory(api: RolesyncApi, slapd: BenchSlapd): Promise<string> {
  const input = {
    name: 'bench',
    kind: 'OPENLDAP',
    urls: [slapd.url],
    tlsMode: 'NONE',
    bindDn: slapd.bindDn,
    bindPassword: slapd.bindPassword,
    pageSize: PAGE_SIZE,
    accessLogBaseDn: slapd.accessLogBaseDn,
  };
  const data = await api.data<{ createDirectory: { id: string } }>(
    `mutation($input: CreateDirectoryInput!) { createDirectory(input: $input) { id } }`,
    { input },
  );
  return data.createDirectory.id;
}

async function createDirectorySyncConfig(
  api: RolesyncApi,
  directoryId: string,
  queries: SyncQueries,
): Promise<string> {
  return createSyncConfig(api, {
    ...syncConfigQueryInput(directoryId, queries),
    name: 'bench all groups',
    nameAttribute: queries.nameAttribute,
    emailAttribute: queries.emailAttribute,
    autoCreateUsers: true,
    // Scenarios (a)-(c) read the whole directory (with differential planning); (d) and (e) read incrementally.
    incrementalReads: false,
  });
}

/**
 * What every bench sync config reads (the bench queries on the bench directory), with the safety
 * threshold at 100%: scenarios that remove things must not stop for an approval.
 */
export function syncConfigQueryInput(directoryId: string, queries: SyncQueries): Record<string, unknown> {
  return {
    directoryId,
    usersBaseDn: queries.users.baseDn,
    usersFilter: queries.users.filter,
    loginAttribute: queries.loginAttribute,
    groupsBaseDn: queries.groups.baseDn,
    groupsFilter: queries.groups.filter,
    groupNameAttribute: queries.groupNameAttribute,
    groupMemberAttribute: queries.groupMemberAttribute,
    safetyThresholdPercent: 100,
  };
}

/** createSyncConfig with the given CreateSyncConfigInput; returns the new config's id. */
export async function createSyncConfig(api: RolesyncApi, input: Record<string, unknown>): Promise<string> {
  const data = await api.data<{ createSyncConfig: { id: string } }>(
    `mutation($input: CreateSyncConfigInput!) { createSyncConfig(input: $input) { id } }`,
    { input },
  );
  return data.createSyncConfig.id;
}

/** One app group per LDAP group, named like it; returns their ids in group order. */
async function createAppGroups(api: RolesyncApi, model: DirectoryModel): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; first < model.shape.groups; first += APP_GROUPS_PER_REQUEST) {
    const last = Math.min(model.shape.groups, first + APP_GROUPS_PER_REQUEST);
    const fields: string[] = [];
    for (let group = first; group < last; group++) {
      fields.push(
        `g${group}: createAppGroup(input: { name: ${JSON.stringify(model.names.groupName(group))} }) { id }`,
      );
    }
    const data = await api.data<Record<string, { id: string }>>(`mutation { ${fields.join('\n')} }`);
    for (let group = first; group < last; group++) {
      const created = data[`g${group}`];
      if (created === undefined) throw new Error(`app group for LDAP group ${group} was not created`);
      ids.push(created.id);
    }
  }
  return ids;
}

export interface WatchedRun {
  run: RunView;
  /** The run was still going when the time limit came (it has been cancelled). */
  timedOut: boolean;
  /** From the startSync request to the first poll that saw the run ended (or to the time limit). */
  wallSeconds: number;
  /** finishedAt - createdAt as the run records them. */
  serverSeconds: number;
  /** Seconds (since startSync) at which each phase was first seen, in order. */
  phaseStarts: [phase: string, seconds: number][];
}

/**
 * Starts a run and polls it until it ends, noting when each phase begins. A run still going after
 * timeoutMs is cancelled and reported as timed out; a run that fails throws.
 */
export async function runSyncAndWatch(
  api: RolesyncApi,
  syncConfigId: string,
  timeoutMs: number,
): Promise<WatchedRun> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let run = (
    await api.data<{ startSync: RunView }>(
      `mutation($id: ID!) { startSync(syncConfigId: $id) { ${RUN_FIELDS} } }`,
      { id: syncConfigId },
    )
  ).startSync;
  const phaseStarts: [string, number][] = [[run.phase, 0]];
  let timedOut = false;
  while (ACTIVE_STATUSES.has(run.status) && !timedOut) {
    await sleep(pollInterval(elapsed()));
    run = await getRun(api, run.id);
    if (phaseStarts.at(-1)?.[0] !== run.phase) phaseStarts.push([run.phase, elapsed()]);
    timedOut = ACTIVE_STATUSES.has(run.status) && elapsed() * 1000 > timeoutMs;
  }
  const wallSeconds = elapsed();
  if (timedOut) run = await cancelRun(api, run.id);
  else if (run.status !== 'SUCCEEDED') {
    throw new Error(`run ${run.id} ended ${run.status}: ${run.errorCode ?? ''} ${run.errorMessage ?? ''}`);
  }
  const serverSeconds =
    run.finishedAt === null || timedOut
      ? wallSeconds
      : (Date.parse(run.finishedAt) - Date.parse(run.createdAt)) / 1000;
  return { run, timedOut, wallSeconds, serverSeconds, phaseStarts };
}

/**
 * Every 100 ms at first, then 2% of the time so far (at most 1 s): the end of a run is seen within
 * 2% of its duration, and minutes-long runs are not slowed down by thousands of status queries.
 */
function pollInterval(elapsedSeconds: number): number {
  return Math.min(MAX_POLL_INTERVAL_MS, Math.max(MIN_POLL_INTERVAL_MS, elapsedSeconds * 20));
}

/** Cancels a run and waits (bounded) until it has stopped. */
async function cancelRun(api: RolesyncApi, runId: string): Promise<RunView> {
  await api.data(`mutation($id: ID!) { cancelSyncRun(id: $id) { id } }`, { id: runId });
  for (let poll = 0; poll < CANCEL_POLLS; poll++) {
    const run = await getRun(api, runId);
    if (!ACTIVE_STATUSES.has(run.status)) return run;
    await sleep(MAX_POLL_INTERVAL_MS);
  }
  throw new Error(`run ${runId} did not stop within ${CANCEL_POLLS} s of its cancellation`);
}

export async function getRun(api: RolesyncApi, runId: string): Promise<RunView> {
  return (
    await api.data<{ syncRun: RunView }>(`query($id: ID!) { syncRun(id: $id) { ${RUN_FIELDS} } }`, {
      id: runId,
    })
  ).syncRun;
}

export interface RunLogSummary {
  /** Lines the run wrote to its log. */
  lines: number;
  /** The phase summaries (resolve, plan, apply), with their times. */
  summaries: { at: string; phase: string; message: string }[];
}

/** The run's summary lines: the per-identity lines of APPLY are counted, not fetched. */
export async function runLogSummary(api: RolesyncApi, runId: string): Promise<RunLogSummary> {
  type Page = { total: number; items: { at: string; phase: string; message: string }[] };
  const data = await api.data<{ all: Page; head: Page; applied: Page }>(
    `query($id: ID!) {
       all: syncRunLog(runId: $id, limit: 1) { total items { at phase message } }
       head: syncRunLog(runId: $id, limit: 2, levels: [INFO]) { total items { at phase message } }
       applied: syncRunLog(runId: $id, limit: 1, search: "Applied:") { total items { at phase message } }
     }`,
    { id: runId },
  );
  return { lines: data.all.total, summaries: [...data.head.items, ...data.applied.items] };
}
