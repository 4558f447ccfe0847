// One benchmark size, end to end: generate and load the directory, measure the floors, start Rolesync
// on a fresh database, then measure (a) the first full sync, (b) an unchanged re-sync, (c) a re-sync
// after 1% of the memberships changed, (d) that change undone through an incremental read, (e) an
// unchanged incremental re-sync, and the role sync of the same directory: (f) its first run and (g) an
// unchanged re-run. runBench() returns every number; bench/main.ts runs two sizes and prints the table,
// and a test can run a small size to keep this code working.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ADOPTED_BY_DIGEST } from '../src/activities/read-directory.activities.js';
import { findFreePort } from '../src/embedded/free-port.js';
import { startTemporalDevServer } from '../src/embedded/temporal-dev-server.js';
import { connectTemporal, type TemporalHandle } from '../src/temporal/temporal-connection.js';
import { directorySyncWorkflowId } from '../src/workflows/workflow-ids.js';
import { startBenchSlapd, type BenchSlapd } from './bench-slapd.js';
import {
  buildDirectoryModel,
  userGroupIndex,
  usersInAnyGroup,
  type DirectoryModel,
  type DirectoryShape,
} from './directory-model.js';
import {
  FLOOR_TABLE_PREFIX,
  measureLdapFloor,
  measureWriteFloors,
  psql,
  type LdapFloor,
  type RoleWriteFloor,
  type WriteFloor,
} from './floors.js';
import { writeDirectoryLdif } from './generate-directory.js';
import { subtractCounts, type LdapOperationCounts } from './ldap-operation-log.js';
import {
  applyMembershipChanges,
  invertChangeSet,
  planMembershipChanges,
  type MembershipChangeSet,
} from './membership-changes.js';
import {
  addWrites,
  rowsWrittenBetween,
  settledTableStats,
  STATS_FLUSH_WAIT_MS,
  type RowsWritten,
} from './pg-table-stats.js';
import { readMachineCpu } from './process-metrics.js';
import { predictRoleSync, setUpRoleSync, type RoleSyncSetup } from './role-sync-setup.js';
import {
  RUN_COUNTERS,
  RolesyncApi,
  runLogSummary,
  runSyncAndWatch,
  setUpDirectorySync,
  type RunCounters,
  type RunLogSummary,
  type SyncSetup,
} from './rolesync-api.js';
import { startRolesync, type RolesyncDeployment } from './rolesync-processes.js';
import { syncQueries, type SyncQueries } from './sync-queries.js';
import { workflowHistoryStats, type HistoryStats } from './temporal-history.js';

export interface BenchOptions {
  users: number;
  groups: number;
  seed?: number;
  /** A PostgreSQL URL allowed to create databases; the bench creates a fresh one and drops it. */
  adminDatabaseUrl?: string;
  /** A running Temporal frontend; when absent a dev server (in memory, headless) is started. */
  temporalAddress?: string;
  /** Parent of the run's temporary directory (LDIF, slapd data, logs). */
  workDir?: string;
  /** How often each floor is measured (the best time counts). */
  floorRepeats?: number;
  /** Share of memberships changed for scenario (c). */
  changeShare?: number;
  /** Write V8 CPU profiles of the worker and API processes here. */
  cpuProfileDir?: string;
  /** Extra Node/V8 flags for the worker and API processes (diagnostics such as --trace-gc). */
  nodeFlags?: string[];
  /** Where the worker and API write worker.log and api.log; by default the run's temporary directory. */
  processLogDir?: string;
  /** Keep the database (and print its URL) for EXPLAIN ANALYZE after the run. */
  keepDatabase?: boolean;
  /**
   * Diagnostics: statements slower than this many ms are logged with their EXPLAIN ANALYZE plan
   * (auto_explain) to the PostgreSQL server log. Slows the runs down; not for the numbers.
   */
  explainSlowMs?: number;
  /**
   * How long to wait for PostgreSQL's table counters before and after each run (default 11 s, what
   * exact row counts need). A smoke run may pass less and accept rows counted short.
   */
  statsSettleMs?: number;
  /** A run still going after this many minutes is cancelled and reported as timed out (default 60). */
  runTimeoutMinutes?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export type ScenarioName =
  | 'first sync'
  | 'unchanged re-sync'
  | '1% changed re-sync'
  | '1% changed, incremental'
  | 'unchanged, incremental'
  | 'role sync'
  | 'role sync, unchanged';

export interface ScenarioResult {
  name: ScenarioName;
  wallSeconds: number;
  serverSeconds: number;
  /** Still running at the time limit: cancelled, and wallSeconds is the limit. */
  timedOut: boolean;
  /**
   * The floor this scenario is compared with: LDAP + write floor for the first sync, LDAP floor for the
   * re-syncs; groups LDAP floor + role write floor for the first role sync, groups LDAP floor for its re-run.
   */
  floorSeconds: number;
  floorRatio: number;
  /** Seconds spent in each phase, as seen by polling the run every 100 ms. */
  phases: { phase: string; seconds: number }[];
  counters: RunCounters;
  /** Counters that differ from what the generated directory predicts (empty when all agree). */
  mismatches: string[];
  peakRssBytes: { worker: number; api: number };
  /** Resident memory when the scenario started: what the earlier scenarios left the processes holding. */
  startRssBytes: { worker: number; api: number };
  cpuSeconds: { worker: number; api: number; slapd: number; machineBusy: number };
  rowsWritten: RowsWritten;
  history: HistoryStats;
  ldapRequests: LdapOperationCounts;
  runLog: RunLogSummary;
}

export interface BenchResult {
  shape: DirectoryShape;
  userMemberships: number;
  nestedMemberships: number;
  /** Users in at least one group: the identities a first sync creates. */
  identities: number;
  ldif: { entries: number; bytes: number; generateSeconds: number; loadSeconds: number };
  floors: Floors;
  setup: SyncSetup;
  /** Absent when a directory-sync scenario timed out (the role sync needs its identities). */
  roleSync?: RoleSyncSummary;
  /** Resident memory of the freshly started processes, before any request: the baseline of the peaks. */
  startRssBytes: { worker: number; api: number };
  change: { removed: number; added: number; groups: number; ldapmodifySeconds: number };
  scenarios: ScenarioResult[];
  databaseUrl?: string;
}

export type RoleSyncSummary = RoleSyncSetup & { unknownMemberDns: number };

export interface Floors {
  ldap: LdapFloor;
  write: WriteFloor;
  roleWrite: RoleWriteFloor;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const ADMIN_PASSWORD = 'bench-admin-secret';
const DEFAULT_RUN_TIMEOUT_MINUTES = 60;

/**
 * Runs the scenarios at one size and returns every number. A smoke run for the test suite:
 * `runBench({ users: 2000, groups: 200, floorRepeats: 1, statsSettleMs: 2000 })` (under a minute;
 * it starts its own Temporal dev server when no temporalAddress is given).
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => undefined);
  const shape = { users: options.users, groups: options.groups, seed: options.seed ?? 1 };
  const dir = await mkdtemp(join(options.workDir ?? tmpdir(), 'rolesync-bench-'));
  const stops: (() => Promise<void>)[] = [async () => rm(dir, { recursive: true, force: true })];
  try {
    log(`${shape.users} users / ${shape.groups} groups: generating the directory`);
    const model = buildDirectoryModel(shape);
    const ldif = await generateLdif(model, dir);
    const slapd = await startBenchSlapd({
      dir: join(dir, 'slapd'),
      names: model.names,
      ldifFile: ldif.file,
      bindPassword: ADMIN_PASSWORD,
    });
    stops.push(() => slapd.stop());
    log(
      `  ${ldif.entries} entries, ${(ldif.bytes / 1e6).toFixed(0)} MB LDIF, slapadd ${slapd.loadSeconds.toFixed(1)} s`,
    );
    const temporalAddress = options.temporalAddress ?? (await startOwnTemporal(stops));
    const database = await createBenchDatabase(options.adminDatabaseUrl ?? DEFAULT_ADMIN_URL);
    if (options.keepDatabase !== true) stops.push(() => database.drop());
    if (options.explainSlowMs !== undefined) await explainSlowStatements(database, options.explainSlowMs);
    const rolesync = await startDeployment(database.url, temporalAddress, dir, options);
    stops.push(() => rolesync.stop());
    const startRssBytes = { worker: rolesync.worker.rssBytes(), api: rolesync.api.rssBytes() };
    const temporal = await connectTemporal(temporalAddress, 'default', 'bench-client');
    stops.push(() => temporal.connection.close());
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    stops.push(() => pool.end());

    const queries = syncQueries(model.names);
    log('  measuring the floors');
    const repeats = options.floorRepeats ?? 3;
    const floors: Floors = {
      ldap: await measureLdapFloor(slapd, queries, repeats),
      ...(await measureWriteFloors(database.url, model, dir, repeats)),
    };
    log(
      `  LDAP floor ${floors.ldap.seconds.toFixed(2)} s, write floor ${floors.write.seconds.toFixed(2)} s, ` +
        `role write floor ${floors.roleWrite.seconds.toFixed(2)} s`,
    );
    const api = new RolesyncApi(rolesync.graphqlUrl, rolesync.apiToken);
    const setup = await setUpDirectorySync(api, slapd, model, queries);
    log(`  set up ${shape.groups} app groups and mappings in ${setup.seconds.toFixed(1)} s`);

    const runTimeoutMs = (options.runTimeoutMinutes ?? DEFAULT_RUN_TIMEOUT_MINUTES) * 60_000;
    const context: ScenarioContext = {
      api,
      pool,
      rolesync,
      slapd,
      temporal,
      syncConfigId: setup.syncConfigId,
      runTimeoutMs,
      statsSettleMs: options.statsSettleMs ?? STATS_FLUSH_WAIT_MS,
      log,
    };
    const identities = usersInAnyGroup(userGroupIndex(model));
    const plan = scenarioPlan(model, floors, identities, {
      changeShare: options.changeShare ?? 0.01,
      switchToIncremental: async () => {
        await api.data(
          `mutation($id: ID!) { updateSyncConfig(id: $id, input: { incrementalReads: true }) { id } }`,
          {
            id: setup.syncConfigId,
          },
        );
        const settle = await runSyncAndWatch(api, setup.syncConfigId, runTimeoutMs);
        log(`  incremental reads on; settling full run took ${settle.wallSeconds.toFixed(1)} s`);
      },
      applyChange: async (changeSet) => {
        const seconds = await applyMembershipChanges(slapd, model, changeSet, join(dir, 'change.ldif'));
        log(
          `  changed ${changeSet.removed + changeSet.added} memberships with ldapmodify in ${seconds.toFixed(1)} s`,
        );
        return seconds;
      },
    });
    const scenarios = await runScenarios(context, plan.steps);
    // The role sync needs the identities the directory sync created: it runs only after a complete series.
    const roleSync = scenarios.some((scenario) => scenario.timedOut)
      ? undefined
      : await runRoleSyncScenarios(context, { model, floors, identities, queries }, setup.directoryId);
    if (roleSync !== undefined) scenarios.push(...roleSync.results);
    if (options.keepDatabase === true) log(`  database kept: ${database.url}`);
    return {
      shape,
      userMemberships: model.userMemberships,
      nestedMemberships: model.nestedMemberships,
      identities,
      ldif: {
        entries: ldif.entries,
        bytes: ldif.bytes,
        generateSeconds: ldif.seconds,
        loadSeconds: slapd.loadSeconds,
      },
      floors,
      setup,
      ...(roleSync === undefined ? {} : { roleSync: roleSync.setup }),
      startRssBytes,
      change: plan.change(),
      scenarios,
      ...(options.keepDatabase === true ? { databaseUrl: database.url } : {}),
    };
  } finally {
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => log(`  cleanup: ${String(error)}`));
  }
}

async function generateLdif(
  model: DirectoryModel,
  dir: string,
): Promise<{ file: string; entries: number; bytes: number; seconds: number }> {
  const file = join(dir, 'directory.ldif');
  const started = performance.now();
  const summary = await writeDirectoryLdif(model, file, ADMIN_PASSWORD);
  return { file, ...summary, seconds: (performance.now() - started) / 1000 };
}

/** A Temporal dev server for this run only: in memory, no UI, on a free port. */
async function startOwnTemporal(stops: (() => Promise<void>)[]): Promise<string> {
  const server = await startTemporalDevServer({
    cliPath: join(ROOT, '.tools/bin/temporal'),
    port: await findFreePort(),
    uiPort: 0,
    dbFile: undefined,
    namespace: 'default',
  });
  stops.push(() => server.stop());
  return server.address;
}

interface BenchDatabase {
  name: string;
  adminUrl: string;
  url: string;
  drop(): Promise<void>;
}

async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `rolesync_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await psql(adminUrl, [`create database "${name}"`]);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    adminUrl,
    url: url.toString(),
    drop: async () => {
      await psql(adminUrl, [`drop database if exists "${name}" with (force)`]);
    },
  };
}

/** Every later connection to the database loads auto_explain and logs slow statements with their plans. */
async function explainSlowStatements(database: BenchDatabase, thresholdMs: number): Promise<void> {
  const settings = {
    session_preload_libraries: 'auto_explain',
    'auto_explain.log_min_duration': `${thresholdMs}ms`,
    'auto_explain.log_analyze': 'on',
    'auto_explain.log_buffers': 'on',
    'auto_explain.log_nested_statements': 'on',
    log_min_duration_statement: `${thresholdMs}ms`,
  };
  await psql(
    database.adminUrl,
    Object.entries(settings).map(
      ([name, value]) => `alter database "${database.name}" set ${name} = '${value}'`,
    ),
  );
}

async function startDeployment(
  databaseUrl: string,
  temporalAddress: string,
  dir: string,
  {
    cpuProfileDir,
    nodeFlags = [],
    processLogDir: logDir = join(dir, 'logs'),
  }: Pick<BenchOptions, 'cpuProfileDir' | 'nodeFlags' | 'processLogDir'>,
): Promise<RolesyncDeployment> {
  await mkdir(logDir, { recursive: true });
  if (cpuProfileDir !== undefined) await mkdir(cpuProfileDir, { recursive: true });
  return startRolesync({
    databaseUrl,
    temporalAddress,
    taskQueue: `bench-${randomUUID()}`,
    secretKey: randomBytes(32).toString('base64'),
    logDir,
    nodeFlags,
    ...(cpuProfileDir === undefined ? {} : { cpuProfileDir }),
  });
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface ScenarioContext {
  api: RolesyncApi;
  pool: pg.Pool;
  rolesync: RolesyncDeployment;
  slapd: BenchSlapd;
  temporal: TemporalHandle;
  syncConfigId: string;
  runTimeoutMs: number;
  statsSettleMs: number;
  log: (line: string) => void;
}

interface CpuReading {
  worker: number;
  api: number;
  slapd: number;
  machineBusy: number;
}

function readCpu(context: ScenarioContext): CpuReading {
  return {
    worker: context.rolesync.worker.cpuSeconds(),
    api: context.rolesync.api.cpuSeconds(),
    slapd: context.slapd.cpuSeconds(),
    machineBusy: readMachineCpu().busy,
  };
}

/**
 * The directory-sync scenarios with the counters the generated directory predicts for each: (a) creates
 * every user in a group and every user membership, (b) changes nothing, (c) exactly the planned change,
 * (d) undoes it, (e) reads and changes nothing.
 */
function scenarioPlan(
  model: DirectoryModel,
  floors: Floors,
  identities: number,
  change: {
    changeShare: number;
    applyChange: (changeSet: MembershipChangeSet) => Promise<number>;
    /** Switches the config to incremental reads and runs once, untimed, so the next run can be incremental. */
    switchToIncremental: () => Promise<void>;
  },
): { steps: ScenarioStep[]; change: () => BenchResult['change'] } {
  const changeSet = planMembershipChanges(model, change.changeShare);
  let ldapmodifySeconds = 0;
  const steps: ScenarioStep[] = [
    {
      name: 'first sync',
      floorSeconds: floors.ldap.seconds + floors.write.seconds,
      expected: {
        usersRead: model.shape.users,
        groupsRead: model.shape.groups,
        groupMemberValuesRead: model.userMemberships + model.nestedMemberships,
        identitiesCreated: identities,
        membershipsAdded: model.userMemberships,
        membershipsRemoved: 0,
      },
    },
    {
      name: 'unchanged re-sync',
      floorSeconds: floors.ldap.seconds,
      expected: { identitiesCreated: 0, identitiesUpdated: 0, membershipsAdded: 0, membershipsRemoved: 0 },
    },
    {
      name: '1% changed re-sync',
      floorSeconds: floors.ldap.seconds,
      prepare: async () => {
        ldapmodifySeconds = await change.applyChange(changeSet);
      },
      expected: {
        identitiesCreated: changeSet.newIdentities,
        identitiesUpdated: 0,
        membershipsAdded: changeSet.added,
        membershipsRemoved: changeSet.removed,
      },
    },
    {
      // Issue 9: the same 1% undone, read through modifyTimestamp instead of the whole directory.
      name: '1% changed, incremental',
      floorSeconds: floors.ldap.seconds,
      prepare: async () => {
        await change.switchToIncremental();
        await change.applyChange(invertChangeSet(changeSet));
      },
      expected: {
        identitiesCreated: 0,
        identitiesUpdated: 0,
        membershipsAdded: changeSet.removed,
        membershipsRemoved: changeSet.added,
      },
    },
    {
      // Nothing changed since (d): the incremental read finds only the entries of the mark's last second
      // (modifyTimestamp>= the mark), the re-sync that directory deltas make cheap.
      name: 'unchanged, incremental',
      floorSeconds: floors.ldap.seconds,
      expected: {
        identitiesCreated: 0,
        identitiesUpdated: 0,
        membershipsAdded: 0,
        membershipsRemoved: 0,
      },
    },
  ];
  return {
    steps,
    change: () => ({
      removed: changeSet.removed,
      added: changeSet.added,
      groups: changeSet.changes.length,
      ldapmodifySeconds,
    }),
  };
}

/**
 * (f) and (g): a ROLE_SYNC config on the same directory (set up untimed, with a primary contract per
 * identity), its first run and an unchanged re-run, with the counters the directory predicts.
 */
async function runRoleSyncScenarios(
  context: ScenarioContext,
  bench: { model: DirectoryModel; floors: Floors; identities: number; queries: SyncQueries },
  directoryId: string,
): Promise<{ setup: RoleSyncSummary; results: ScenarioResult[] }> {
  const setup = await setUpRoleSync(context.api, context.pool, directoryId, bench.queries);
  context.log(
    `  role sync set up in ${setup.seconds.toFixed(1)} s (${setup.contractsCreated} primary contracts)`,
  );
  const predicted = predictRoleSync(bench.model, bench.identities);
  // A role sync reads the groups only: its LDAP floor is the groups search alone.
  const groupsFloor = bench.floors.ldap.groupsSeconds;
  const steps: ScenarioStep[] = [
    {
      name: 'role sync',
      floorSeconds: groupsFloor + bench.floors.roleWrite.seconds,
      expected: predicted.first,
    },
    { name: 'role sync, unchanged', floorSeconds: groupsFloor, expected: predicted.unchanged },
  ];
  const results = await runScenarios({ ...context, syncConfigId: setup.syncConfigId }, steps);
  return { setup: { ...setup, unknownMemberDns: predicted.unknownMemberDns }, results };
}

interface ScenarioStep {
  name: ScenarioName;
  floorSeconds: number;
  /** Directory changes made before the run (not timed). */
  prepare?: () => Promise<void>;
  /** Counters the generated directory predicts. */
  expected: Partial<RunCounters>;
}

/** Runs the steps in order; each builds on the state the one before left, so a timed-out run ends the series. */
async function runScenarios(
  context: ScenarioContext,
  steps: readonly ScenarioStep[],
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const step of steps) {
    await step.prepare?.();
    const result = await measureScenario(context, step);
    results.push(result);
    if (result.timedOut) {
      context.log(`  ${step.name} timed out: the scenarios after it are skipped`);
      break;
    }
  }
  return results;
}

/**
 * A run that adopted its snapshot's staging by comparing deleted the rows it had staged and dropped its
 * own (then empty) partitions at its clean-up, within the step: PostgreSQL's counters of a dropped table
 * go with it. The rows it read are added back, as inserted and deleted, from the run's own counters. A
 * run that adopted by digest staged none.
 */
async function addAdoptedRunsOwnStaging(pool: pg.Pool, runId: string, written: RowsWritten): Promise<void> {
  const { rows } = await pool.query<{ users: number; groups: number }>(
    `select coalesce((counters->>'usersRead')::int, 0) as users, coalesce((counters->>'groupsRead')::int, 0) as groups
     from sync_run r where id = $1 and staging_run_id is not null
       and not exists (select 1 from run_log l where l.run_id = r.id and l.message = $2)`,
    [runId, ADOPTED_BY_DIGEST],
  );
  const run = rows[0];
  if (run === undefined) return;
  addWrites(written, 'staged_user', { inserted: run.users, updated: 0, deleted: run.users });
  addWrites(written, 'staged_group', { inserted: run.groups, updated: 0, deleted: run.groups });
}

async function measureScenario(
  context: ScenarioContext,
  { name, floorSeconds, expected }: ScenarioStep,
): Promise<ScenarioResult> {
  const { rolesync, slapd } = context;
  const tablesBefore = await settledTableStats(context.pool, context.statsSettleMs);
  const ldapBefore = slapd.operations.snapshot();
  const cpuBefore = readCpu(context);
  const startRssBytes = { worker: rolesync.worker.rssBytes(), api: rolesync.api.rssBytes() };
  rolesync.worker.resetPeakRss();
  rolesync.api.resetPeakRss();
  const watched = await runSyncAndWatch(context.api, context.syncConfigId, context.runTimeoutMs);
  const cpuAfter = readCpu(context);
  const peakRssBytes = { worker: rolesync.worker.peakRssBytes(), api: rolesync.api.peakRssBytes() };
  const ldapRequests = subtractCounts(slapd.operations.snapshot(), ldapBefore);
  // Role syncs run under the same config-derived workflow id as directory syncs (sync-run.service.ts).
  const history = await workflowHistoryStats(
    context.temporal.client,
    directorySyncWorkflowId(context.syncConfigId),
  );
  const runLog = await runLogSummary(context.api, watched.run.id);
  const rowsWritten = rowsWrittenBetween(
    tablesBefore,
    await settledTableStats(context.pool, context.statsSettleMs),
    FLOOR_TABLE_PREFIX,
  );
  await addAdoptedRunsOwnStaging(context.pool, watched.run.id, rowsWritten);
  const result: ScenarioResult = {
    name,
    wallSeconds: watched.wallSeconds,
    serverSeconds: watched.serverSeconds,
    timedOut: watched.timedOut,
    floorSeconds,
    floorRatio: watched.wallSeconds / floorSeconds,
    phases: phaseDurations(watched.phaseStarts, watched.wallSeconds),
    counters: watched.run.counters,
    // A cancelled run applied nothing: its counters are not comparable.
    mismatches: watched.timedOut ? [] : counterMismatches(watched.run.counters, expected),
    peakRssBytes,
    startRssBytes,
    cpuSeconds: {
      worker: cpuAfter.worker - cpuBefore.worker,
      api: cpuAfter.api - cpuBefore.api,
      slapd: cpuAfter.slapd - cpuBefore.slapd,
      machineBusy: cpuAfter.machineBusy - cpuBefore.machineBusy,
    },
    rowsWritten,
    history,
    ldapRequests,
    runLog,
  };
  context.log(
    `  ${name}: ${result.wallSeconds.toFixed(2)} s (${result.floorRatio.toFixed(2)}x floor), ` +
      `${rowsWritten.total} rows written, worker peak ${(peakRssBytes.worker / 2 ** 20).toFixed(0)} MB` +
      (result.mismatches.length > 0 ? `, UNEXPECTED: ${result.mismatches.join('; ')}` : ''),
  );
  return result;
}

function phaseDurations(
  starts: readonly (readonly [string, number])[],
  endSeconds: number,
): { phase: string; seconds: number }[] {
  return starts.map(([phase, start], index) => ({
    phase,
    seconds: (starts[index + 1]?.[1] ?? endSeconds) - start,
  }));
}

function counterMismatches(counters: RunCounters, expected: Partial<RunCounters>): string[] {
  return RUN_COUNTERS.filter((name) => expected[name] !== undefined && expected[name] !== counters[name]).map(
    (name) => `${name} ${counters[name]} (expected ${expected[name] ?? ''})`,
  );
}
