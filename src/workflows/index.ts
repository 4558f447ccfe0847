// The workflow bundle's entry point: workflow functions only.
export { directorySyncWorkflow } from './directory-sync.workflow.js';
export { roleRequestWorkflow } from './role-request.workflow.js';
export { retentionWorkflow } from './retention.workflow.js';
export { roleSyncWorkflow } from './role-sync.workflow.js';
export { scheduledSyncWorkflow } from './scheduled-sync.workflow.js';
