import type { ActivityDeps } from './activity-deps.js';
import { createDirectorySyncActivities } from './directory-sync.activities.js';
import { createProvisioningActivities } from './provisioning.activities.js';
import { createReadDirectoryActivities } from './read-directory.activities.js';
import { createRetentionActivities } from './retention.activities.js';
import { createRoleSyncActivities } from './role-sync.activities.js';
import { createSyncRunActivities } from './sync-run.activities.js';
import { withHeartbeats } from './heartbeat.js';
import { withFailureMapping } from './to-application-failure.js';

export type { ActivityDeps } from './activity-deps.js';

/** Every activity the worker registers, built from the process's dependencies. */
export function createActivities(deps: ActivityDeps) {
  return withFailureMapping(
    withHeartbeats({
      ...createSyncRunActivities(deps),
      ...createReadDirectoryActivities(deps),
      ...createDirectorySyncActivities(deps),
      ...createRoleSyncActivities(deps),
      ...createProvisioningActivities(deps),
      ...createRetentionActivities(deps),
    }),
  );
}

export type Activities = ReturnType<typeof createActivities>;
