import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppGroup, setMappings } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { lockTable, releaseOpenLocks, waitForPhase } from '../../support/phase-control.js';
import { runSync, startSync, waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let directoryId: string;
let usersConfigId: string;
let rolesConfigId: string;

/**
 * `/metrics` against a real sync: every listed series is exposed, and counters and histograms move by
 * what the runs did (their own counters say how much).
 */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'metrics');
  const ann = await tree.addUser('ann');
  const bob = await tree.addUser('bob');
  const staff = await tree.addGroup('staff', [ann, bob]);
  // A member DN that points to no entry: the role sync must read it from the directory (a cache miss).
  await tree.addGroup('admins', [ann, `uid=ghost,${tree.usersDn}`]);
  directoryId = (await createDirectory(app, directoryInputFor(slapd))).id;
  const base = syncConfigInputFor(slapd, directoryId, {
    usersBaseDn: tree.usersDn,
    groupsBaseDn: tree.groupsDn,
  });
  usersConfigId = (
    await createSyncConfig(app, { ...base, autoCreateUsers: true, safetyThresholdPercent: 100 })
  ).id;
  await setMappings(app, usersConfigId, [
    { ldapGroupDn: staff, appGroupIds: [await createAppGroup(app, `staff-${Date.now()}`)] },
  ]);
  rolesConfigId = (
    await createSyncConfig(app, {
      ...base,
      name: uniqueName('roles'),
      kind: 'ROLE_SYNC',
      assignRolesToIdentities: true,
    })
  ).id;
});
afterEach(async () => {
  await releaseOpenLocks();
});
afterAll(async () => {
  await tree.close();
  await app.stop();
});

/** One scrape: the text, and every sample by its series (`name{labels}` as printed). */
interface Scrape {
  text: string;
  value: (series: string) => number;
}

async function scrape(): Promise<Scrape> {
  const response = await fetch(`${app.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\S+) (\S+)$/.exec(line);
    if (match?.[1] !== undefined && !line.startsWith('#')) samples.set(match[1], Number(match[2]));
  }
  return { text, value: (series) => samples.get(series) ?? 0 };
}

/** Scrapes before and after the action: how much each series moved meanwhile. */
async function scrapeAround<T>(
  action: () => Promise<T>,
): Promise<{ result: T; after: Scrape; moved: (series: string) => number }> {
  const before = await scrape();
  const result = await action();
  const after = await scrape();
  return { result, after, moved: (series) => after.value(series) - before.value(series) };
}

async function scrapeUntil(series: string, expected: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await scrape()).value(series) !== expected) {
    if (Date.now() > deadline) throw new Error(`${series} never became ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('/metrics', () => {
  it('exposes every listed series, unauthenticated, in the Prometheus text format', async () => {
    const { text } = await scrape();
    for (const [name, type] of [
      ['rolesync_runs', 'gauge'],
      ['rolesync_active_workflows', 'gauge'],
      ['rolesync_run_duration_seconds', 'histogram'],
      ['rolesync_ldap_entries_read_total', 'counter'],
      ['rolesync_ldap_request_duration_seconds', 'histogram'],
      ['rolesync_ldap_request_errors_total', 'counter'],
      ['rolesync_db_batch_duration_seconds', 'histogram'],
      ['rolesync_member_lookup_cache_hits_total', 'counter'],
      ['rolesync_member_lookup_cache_misses_total', 'counter'],
      ['rolesync_graphql_subscriptions', 'gauge'],
      ['rolesync_process_cpu_seconds_total', 'counter'],
    ]) {
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
    expect(text).toContain('rolesync_runs{status="SUCCEEDED"} 0\n');
  });

  it('counts a directory sync: its run, duration, entries read, LDAP requests and staging batches', async () => {
    const { result: run, after, moved } = await scrapeAround(() => runSync(app, usersConfigId));
    expect(run.status).toBe('SUCCEEDED');

    expect(moved('rolesync_runs{status="SUCCEEDED"}')).toBe(1);
    expect(after.value('rolesync_active_workflows')).toBe(0);
    expect(moved('rolesync_run_duration_seconds_count{kind="DIRECTORY_SYNC",status="SUCCEEDED"}')).toBe(1);
    expect(
      moved('rolesync_run_duration_seconds_sum{kind="DIRECTORY_SYNC",status="SUCCEEDED"}'),
    ).toBeGreaterThan(0);
    // Nothing else in this process reads the directory meanwhile: every entry read is the run's, each
    // twice in this first run (its entryCSN for the mark before the read, then the entry itself).
    expect(moved('rolesync_ldap_entries_read_total')).toBe(
      2 * ((run.counters.usersRead ?? 0) + (run.counters.groupsRead ?? 0)),
    );
    expect(run.counters.usersRead).toBe(2);
    // One session per read phase, each paged search at least one page.
    expect(moved('rolesync_ldap_request_duration_seconds_count{operation="bind"}')).toBeGreaterThanOrEqual(2);
    expect(
      moved('rolesync_ldap_request_duration_seconds_count{operation="starttls"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(
      moved('rolesync_ldap_request_duration_seconds_count{operation="search_page"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(moved('rolesync_db_batch_duration_seconds_count{operation="stage_users"}')).toBe(1);
    expect(moved('rolesync_db_batch_duration_seconds_count{operation="stage_groups"}')).toBe(1);
  });

  it('counts member look-ups of a role sync as cache hits and misses, as the run counted them', async () => {
    const { result: run, moved } = await scrapeAround(() => runSync(app, rolesConfigId));
    expect(run.status).toBe('SUCCEEDED');

    expect(run.counters.cacheHits).toBeGreaterThan(0);
    expect(run.counters.lookupsMade).toBeGreaterThan(0);
    expect(moved('rolesync_member_lookup_cache_hits_total')).toBe(run.counters.cacheHits);
    expect(moved('rolesync_member_lookup_cache_misses_total')).toBe(run.counters.lookupsMade);
    expect(
      moved('rolesync_db_batch_duration_seconds_count{operation="save_member_lookups"}'),
    ).toBeGreaterThan(0);
    // The look-ups are base-scope reads; the ghost DN is an LDAP error (no such object).
    expect(moved('rolesync_ldap_request_duration_seconds_count{operation="search"}')).toBeGreaterThanOrEqual(
      run.counters.lookupsMade ?? 0,
    );
    expect(
      moved('rolesync_ldap_request_errors_total{operation="search",code="NO_SUCH_OBJECT"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('rolesync_run_duration_seconds_count{kind="ROLE_SYNC",status="SUCCEEDED"}')).toBe(1);
  });

  it('counts a failed read as an LDAP error and a failed run', async () => {
    const config = await createSyncConfig(
      app,
      syncConfigInputFor(slapd, directoryId, {
        usersBaseDn: `ou=absent,${tree.baseDn}`,
        groupsBaseDn: tree.groupsDn,
      }),
    );
    const { result: run, moved } = await scrapeAround(() => runSync(app, config.id));
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'NO_SUCH_OBJECT' });

    expect(moved('rolesync_ldap_request_errors_total{operation="search_page",code="NO_SUCH_OBJECT"}')).toBe(
      1,
    );
    expect(moved('rolesync_runs{status="FAILED"}')).toBe(1);
    expect(moved('rolesync_run_duration_seconds_count{kind="DIRECTORY_SYNC",status="FAILED"}')).toBe(1);
  });

  it('shows a run held in its read as an active workflow, and none once it ended', async () => {
    const lock = await lockTable(app, 'staged_user');
    const run = await startSync(app, usersConfigId);
    await waitForPhase(app, run.id, 'READ_USERS');
    const during = await scrape();
    expect(during.value('rolesync_active_workflows')).toBe(1);
    expect(during.value('rolesync_runs{status="RUNNING"}')).toBe(1);
    await lock.release();
    expect((await waitForRun(app, run.id)).status).toBe('SUCCEEDED');
    const after = await scrape();
    expect(after.value('rolesync_active_workflows')).toBe(0);
    expect(after.value('rolesync_runs{status="RUNNING"}')).toBe(0);
  });

  it('counts open progress subscriptions while they are open', async () => {
    expect((await scrape()).value('rolesync_graphql_subscriptions')).toBe(0);
    const client = createClient({
      url: app.graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${app.adminToken}` },
    });
    const stop = client.subscribe(
      {
        query: `subscription($c: ID) { syncRunUpdates(syncConfigId: $c) { id } }`,
        variables: { c: usersConfigId },
      },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    try {
      await scrapeUntil('rolesync_graphql_subscriptions', 1);
    } finally {
      stop();
      await client.dispose();
    }
    await scrapeUntil('rolesync_graphql_subscriptions', 0);
  });
});
