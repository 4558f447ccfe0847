import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { updateConfig } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { waitForRun } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let configId: string;

beforeAll(async () => {
  app = await startTestApp();
  const directory = await createDirectory(app, directoryInputFor(slapd));
  configId = (
    await createSyncConfig(app, {
      ...syncConfigInputFor(slapd, directory.id),
      scheduleEnabled: true,
      scheduleIntervalMinutes: 60,
    })
  ).id;
});
afterAll(async () => {
  await app.stop();
});

function schedule() {
  return app.temporal.client.schedule.getHandle(`sync-schedule/${configId}`);
}

describe('schedules', () => {
  it('creates a Temporal Schedule with the interval, skipping overlaps', async () => {
    const description = await schedule().describe();
    expect(description.spec.intervals?.[0]?.every).toBe(60 * 60 * 1000);
    expect(description.policies.overlap).toBe('SKIP');
    expect(description.state.paused).toBe(false);
  });

  it('runs the config when the schedule fires, in the same run history as manual runs', async () => {
    await schedule().trigger();
    const deadline = Date.now() + 60_000;
    let runs: { id: string; trigger: string }[] = [];
    while (runs.length === 0 && Date.now() < deadline) {
      runs = (
        await app.gqlData<{ syncRuns: { id: string; trigger: string }[] }>(
          `query($id: ID!) { syncRuns(syncConfigId: $id) { id trigger } }`,
          { id: configId },
        )
      ).syncRuns;
      if (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toBe('SCHEDULE');
    expect((await waitForRun(app, runs[0]?.id ?? '')).status).toBe('SUCCEEDED');
  });

  it('follows config changes: cron replaces the interval, disabling pauses, deleting removes the schedule', async () => {
    await updateConfig(app, configId, { scheduleIntervalMinutes: null, scheduleCron: '15 3 * * *' });
    const cron = await schedule().describe();
    expect(cron.spec.intervals ?? []).toHaveLength(0);
    expect(cron.spec.calendars?.[0]).toMatchObject({
      minute: [{ start: 15, end: 15, step: 1 }],
      hour: [{ start: 3, end: 3, step: 1 }],
    });
    await updateConfig(app, configId, { scheduleEnabled: false });
    expect((await schedule().describe()).state.paused).toBe(true);
    await app.gqlData(`mutation($id: ID!) { deleteSyncConfig(id: $id) }`, { id: configId });
    await expect(schedule().describe()).rejects.toThrow(/not found/i);
  });

  it('refuses an enabled schedule without interval or cron, and both at once', async () => {
    const directory = await createDirectory(app, directoryInputFor(slapd));
    const base = syncConfigInputFor(slapd, directory.id);
    const create = `mutation($input: CreateSyncConfigInput!) { createSyncConfig(input: $input) { id } }`;
    expect(
      (await app.gql(create, { input: { ...base, scheduleEnabled: true } })).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await app.gql(create, { input: { ...base, scheduleIntervalMinutes: 5, scheduleCron: '* * * * *' } }))
        .errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });
});
