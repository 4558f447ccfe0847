/** One run at a time per config: the workflow id is derived from the config id, never random. */
export function directorySyncWorkflowId(syncConfigId: string): string {
  return `directory-sync/${syncConfigId}`;
}

/** Scheduled runs: Temporal appends the scheduled time to this id. */
export function scheduledSyncWorkflowId(syncConfigId: string): string {
  return `directory-sync/${syncConfigId}/scheduled`;
}

export function syncScheduleId(syncConfigId: string): string {
  return `sync-schedule/${syncConfigId}`;
}

export function roleRequestWorkflowId(requestId: string): string {
  return `role-request/${requestId}`;
}
