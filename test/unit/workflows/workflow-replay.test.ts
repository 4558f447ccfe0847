import { readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsEntryPath } from '../../../src/worker/workflow-bundle.js';

/**
 * Replays histories recorded from real runs against today's workflow code: a change that would break
 * running workflows (a non-deterministic edit without `patched()`) fails here, without any server.
 */
const HISTORIES = ['directory-sync-succeeded', 'directory-sync-failed-no-such-object', 'role-sync-succeeded'];

describe('workflow replay', () => {
  // Bundling the workflows takes seconds, more on a busy machine.
  it.each(HISTORIES)('replays %s deterministically', { timeout: 60_000 }, async (name) => {
    const history: unknown = JSON.parse(
      readFileSync(new URL(`../../fixtures/histories/${name}.json`, import.meta.url), 'utf8'),
    );
    await expect(
      Worker.runReplayHistory({ workflowsPath: workflowsEntryPath() }, history, name),
    ).resolves.toBeUndefined();
  });
});
