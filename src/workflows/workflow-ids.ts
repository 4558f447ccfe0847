/** One run at a time per config: the workflow id is derived from the config id, never random. */
export function directorySyncWorkflowId(syncConfigId: string): string {
  return `directory-sync/${syncConfigId}`;
}
