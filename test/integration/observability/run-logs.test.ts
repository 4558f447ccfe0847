import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { directorySyncWorkflowId } from '../../../src/workflows/workflow-ids.js';
import { updateConfig } from '../../support/directory-sync-queries.js';
import {
  createDirectory,
  createSyncConfig,
  directoryInputFor,
  syncConfigInputFor,
} from '../../support/factories.js';
import { createScenarioTree, type ScenarioTree } from '../../support/ldap-scenario.js';
import { runSync, type RunView } from '../../support/sync-runs.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const { slapd } = inject('servers');
let app: TestApp;
let tree: ScenarioTree;
let configId: string;
let succeeded: RunView;
let failed: RunView;

interface LogLine {
  msg: string;
  level: number;
  runId?: string;
  syncConfigId?: string;
  workflowId?: string;
  temporalRunId?: string;
  activityType?: string;
  sdkComponent?: string;
}

/**
 * The app's real log stream (pino, level debug, Temporal's own lines routed into it) over two runs of
 * one config, hence one workflow id: a run that succeeds and one that fails in its first read.
 */
beforeAll(async () => {
  app = await startTestApp();
  tree = await createScenarioTree(slapd, 'run-logs');
  await tree.addGroup('staff', [await tree.addUser('ann')]);
  const directory = await createDirectory(app, directoryInputFor(slapd));
  configId = (
    await createSyncConfig(
      app,
      syncConfigInputFor(slapd, directory.id, { usersBaseDn: tree.usersDn, groupsBaseDn: tree.groupsDn }),
    )
  ).id;
  succeeded = await runSync(app, configId);
  await workflowEnded();
  await updateConfig(app, configId, { usersBaseDn: `ou=absent,${tree.baseDn}` });
  failed = await runSync(app, configId);
  await workflowEnded();
});
afterAll(async () => {
  await tree.close();
  await app.stop();
});

/** The run's row ends before its workflow does; the workflow's last lines come with its completion. */
async function workflowEnded(): Promise<void> {
  await app.temporal.client.workflow
    .getHandle(directorySyncWorkflowId(configId))
    .result()
    .catch(() => undefined);
}

function linesOfWorkflow(workflowId: string): LogLine[] {
  return app.logs
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.workflowId === workflowId);
}

describe('log lines of a run', () => {
  it('all carry the run id, the config id and the workflow id', () => {
    expect(succeeded.status).toBe('SUCCEEDED');
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'NO_SUCH_OBJECT' });
    const lines = linesOfWorkflow(directorySyncWorkflowId(configId));
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      const where = JSON.stringify(line);
      expect([succeeded.id, failed.id], where).toContain(line.runId);
      expect(line.syncConfigId, where).toBe(configId);
      expect(line.temporalRunId, where).toBeTypeOf('string');
    }
    // Wherever else a line names one of the runs (API, progress), it names it as its runId.
    for (const text of app.logs.filter((line) => line.startsWith('{'))) {
      for (const runId of [succeeded.id, failed.id]) {
        if (text.includes(runId)) expect((JSON.parse(text) as LogLine).runId, text).toBe(runId);
      }
    }
  });

  it("tell the runs apart: each Temporal execution's lines name one run", () => {
    const lines = linesOfWorkflow(directorySyncWorkflowId(configId));
    const runsOfExecution = new Map<string, Set<string>>();
    for (const line of lines) {
      const runs = runsOfExecution.get(line.temporalRunId ?? '') ?? new Set<string>();
      runs.add(line.runId ?? '');
      runsOfExecution.set(line.temporalRunId ?? '', runs);
    }
    expect([...runsOfExecution.values()].map((runs) => [...runs]).sort()).toEqual(
      [[succeeded.id], [failed.id]].sort(),
    );
  });

  it("include each activity's own lines and the application's lines written inside them", () => {
    const ofSucceeded = linesOfWorkflow(directorySyncWorkflowId(configId)).filter(
      (line) => line.runId === succeeded.id,
    );
    const started = ofSucceeded.filter((line) => line.msg === 'activity started');
    expect(started.map((line) => line.activityType)).toEqual(
      expect.arrayContaining(['markRunStarted', 'stageUsers', 'stageGroups', 'finishRun']),
    );
    expect(
      ofSucceeded.some((line) => line.msg === 'sync run finished' && line.activityType === 'finishRun'),
    ).toBe(true);
  });

  it("include the Temporal SDK's lines about the failed activity and workflow (sandbox logs through the sink)", () => {
    const ofFailed = linesOfWorkflow(directorySyncWorkflowId(configId)).filter(
      (line) => line.runId === failed.id,
    );
    expect(ofFailed).toContainEqual(
      expect.objectContaining({ msg: 'Activity failed', activityType: 'stageUsers', sdkComponent: 'worker' }),
    );
    expect(ofFailed).toContainEqual(
      expect.objectContaining({ msg: 'Workflow failed', sdkComponent: 'worker' }),
    );
  });
});
