import type { TemporalHandle } from '../temporal/temporal-connection.js';
import { upsertSchedule } from '../temporal/upsert-schedule.js';
import type { retentionWorkflow } from '../workflows/retention.workflow.js';
import { RETENTION_SCHEDULE_ID } from '../workflows/workflow-ids.js';

/** Creates or updates the schedule that prunes old run data (at worker start, from the config). */
export async function applyRetentionSchedule(
  temporal: TemporalHandle,
  settings: { retentionDays: number; retentionCron: string },
): Promise<void> {
  await upsertSchedule(temporal.client, RETENTION_SCHEDULE_ID, {
    spec: { cronExpressions: [settings.retentionCron] },
    action: {
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow',
      args: [{ retentionDays: settings.retentionDays }] as Parameters<typeof retentionWorkflow>,
      taskQueue: temporal.taskQueue,
      workflowId: RETENTION_SCHEDULE_ID,
    },
  });
}
