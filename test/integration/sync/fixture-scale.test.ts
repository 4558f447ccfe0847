import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppGroup, setMappings } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
  uniqueName,
} from '../../support/factories.js';
import { ldapsearchCount } from '../../support/ldapsearch-count.js';
import { getRun, runSync } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** Wall time of a run from its own timestamps (reported, never asserted). */
async function durationMs(runId: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ ms: string }>(
    'select extract(epoch from finished_at - started_at) * 1000 as ms from sync_run where id = $1',
    [runId],
  );
  return Math.round(Number(rows[0]?.ms ?? 0));
}

describe('directory sync of the whole slapd fixture', () => {
  it('maps every group, creates every member once, and an unchanged re-run writes nothing', async () => {
    const directory = await createDirectory(app, directoryInputFor(slapd, { pageSize: 1000 }));
    const config = await createSyncConfig(app, {
      ...syncConfigInputFor(slapd, directory.id),
      autoCreateUsers: true,
      autoDeactivateUsers: true,
    });
    const discovery = await runSync(app, config.id, { dryRun: true });
    const { ldapGroups } = await app.gqlData<{ ldapGroups: { dn: string }[] }>(
      `query($id: ID!) { ldapGroups(syncConfigId: $id, limit: 1000) { dn } }`,
      {
        id: config.id,
      },
    );
    expect(ldapGroups).toHaveLength(discovery.counters.groupsRead ?? -1);
    const mappings = [];
    for (const group of ldapGroups)
      mappings.push({ ldapGroupDn: group.dn, appGroupIds: [await createAppGroup(app, uniqueName('fx'))] });
    await setMappings(app, config.id, mappings);

    const first = await runSync(app, config.id);
    const usersInGroups = await ldapsearchCount(
      slapd,
      slapd.usersDn,
      '(&(objectClass=inetOrgPerson)(memberOf=*))',
    );
    expect(first.status).toBe('SUCCEEDED');
    expect(first.counters.identitiesCreated).toBe(usersInGroups.entries);
    const memberOf = await ldapsearchCount(slapd, slapd.usersDn, '(objectClass=inetOrgPerson)', 'memberOf');
    expect(first.counters.membershipsAdded).toBe(memberOf.values);

    const second = await runSync(app, config.id);
    expect(second.counters).toMatchObject({
      identitiesToCreate: 0,
      identitiesToUpdate: 0,
      identitiesToDeactivate: 0,
      membershipsToAdd: 0,
      membershipsToRemove: 0,
    });
    console.info(
      `fixture directory sync: ${first.counters.usersRead} users, ${first.counters.groupsRead} groups, ` +
        `${first.counters.identitiesCreated} identities and ${first.counters.membershipsAdded} memberships created in ${await durationMs(first.id)} ms; ` +
        `unchanged re-run ${await durationMs(second.id)} ms`,
    );
    expect((await getRun(app, second.id)).status).toBe('SUCCEEDED');
  });
});
