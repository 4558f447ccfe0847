const SYNC_WORKFLOW_PREFIX = 'directory-sync/';

/** One run at a time per config: the workflow id is derived from the config id, never random. */
export function directorySyncWorkflowId(syncConfigId: string): string {
  return `${SYNC_WORKFLOW_PREFIX}${syncConfigId}`;
}

/** Scheduled runs: Temporal appends the scheduled time to this id. */
export function scheduledSyncWorkflowId(syncConfigId: string): string {
  return `${SYNC_WORKFLOW_PREFIX}${syncConfigId}/scheduled`;
}

export function syncScheduleId(syncConfigId: string): string {
  return `sync-schedule/${syncConfigId}`;
}

/** The one schedule (and its workflows) that prunes old run data. */
export const RETENTION_SCHEDULE_ID = 'rolesync-retention';

export function roleRequestWorkflowId(requestId: string): string {
  return `role-request/${requestId}`;
}

/** The sync config a directory/role sync workflow id (manual or scheduled) belongs to; undefined for others. */
export function syncConfigIdOfWorkflowId(workflowId: string): string | undefined {
  if (!workflowId.startsWith(SYNC_WORKFLOW_PREFIX)) return undefined;
  return workflowId.slice(SYNC_WORKFLOW_PREFIX.length).split('/')[0];
}
