import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMappedConfig, type MappedConfig } from '../../support/directory-sync-queries.js';
import { runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// Queries the web console needs beyond the sync tests': run history by date, one identity by id.
const { slapd } = inject('servers');
let app: TestApp;
let mapped: MappedConfig;

beforeAll(async () => {
  app = await startTestApp();
  mapped = await createMappedConfig(app, slapd, { groupCount: 2, oneAppGroup: true });
});
afterAll(async () => {
  await app.stop();
});

async function runIdsCreated(range: { createdFrom?: string; createdBefore?: string }): Promise<string[]> {
  const { syncRuns } = await app.gqlData<{ syncRuns: { id: string }[] }>(
    `query($c: ID, $from: DateTimeISO, $before: DateTimeISO) {
       syncRuns(syncConfigId: $c, createdFrom: $from, createdBefore: $before) { id }
     }`,
    { c: mapped.configId, from: range.createdFrom, before: range.createdBefore },
  );
  return syncRuns.map((run) => run.id);
}

describe('queries for the console', () => {
  it('lists the runs created in [createdFrom, createdBefore) only', async () => {
    // Just after the config's newest run so far (createMappedConfig's discovery dry run), in the server's
    // own timestamps: a fixed margin before "now" caught that run too once syncs got fast.
    const earlier = await app.gqlData<{ syncRuns: { createdAt: string }[] }>(
      `query($c: ID) { syncRuns(syncConfigId: $c) { createdAt } }`,
      { c: mapped.configId },
    );
    const newest = Math.max(...earlier.syncRuns.map((r) => Date.parse(r.createdAt)));
    const before = new Date(newest + 1).toISOString();
    const run = await runSync(app, mapped.configId);
    expect(run.status).toBe('SUCCEEDED');
    const after = new Date(Date.now() + 1000).toISOString();

    expect(await runIdsCreated({ createdFrom: before })).toEqual([run.id]);
    expect(await runIdsCreated({ createdFrom: before, createdBefore: after })).toEqual([run.id]);
    expect(await runIdsCreated({ createdFrom: after })).toEqual([]);
    // The discovery dry run of createMappedConfig came earlier.
    expect(await runIdsCreated({ createdBefore: before })).toHaveLength(1);
  });

  it('reads one identity by id with its application groups, and answers NOT_FOUND for an unknown id', async () => {
    const { identities } = await app.gqlData<{
      identities: { items: { id: string; login: string; appGroupIds: string[] }[] };
    }>('{ identities(limit: 1) { items { id login appGroupIds } } }');
    const listed = identities.items[0];
    expect(listed?.appGroupIds).toHaveLength(1);
    const { identity } = await app.gqlData<{ identity: { login: string; appGroupIds: string[] } }>(
      'query($id: ID!) { identity(id: $id) { login appGroupIds } }',
      { id: listed?.id },
    );
    expect(identity).toEqual({ login: listed?.login, appGroupIds: listed?.appGroupIds });

    const missing = await app.gql('query($id: ID!) { identity(id: $id) { id } }', {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
