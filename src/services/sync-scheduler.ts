import { ScheduleNotFoundError } from '@temporalio/client';
import type { SyncConfig } from '../entities/sync-config.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { TemporalHandle } from '../temporal/temporal-connection.js';
import { upsertSchedule } from '../temporal/upsert-schedule.js';
import type { scheduledSyncWorkflow } from '../workflows/scheduled-sync.workflow.js';
import { scheduledSyncWorkflowId, syncScheduleId } from '../workflows/workflow-ids.js';

/**
 * Keeps a config's Temporal Schedule in step with its schedule settings: created or updated when it has
 * an interval or cron, paused while disabled, deleted when it has neither or the config is deleted.
 * Overlaps are skipped: a scheduled start while a run is active does nothing.
 */
export class SyncScheduler {
  constructor(private readonly temporal: TemporalHandle) {}

  async apply(config: SyncConfig): Promise<void> {
    const spec =
      config.scheduleCron != null
        ? { cronExpressions: [config.scheduleCron] }
        : config.scheduleIntervalMinutes != null
          ? { intervals: [{ every: `${config.scheduleIntervalMinutes}m` }] }
          : null;
    if (spec === null) {
      await this.remove(config.id);
      return;
    }
    const action = {
      type: 'startWorkflow' as const,
      workflowType: 'scheduledSyncWorkflow',
      args: [{ syncConfigId: config.id }] as Parameters<typeof scheduledSyncWorkflow>,
      taskQueue: this.temporal.taskQueue,
      workflowId: scheduledSyncWorkflowId(config.id),
    };
    const state = {
      paused: !config.scheduleEnabled,
      note: config.scheduleEnabled ? 'enabled' : 'disabled in Rolesync',
    };
    await this.call(() =>
      upsertSchedule(this.temporal.client, syncScheduleId(config.id), { spec, action, state }),
    );
  }

  async remove(syncConfigId: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.temporal.client.schedule.getHandle(syncScheduleId(syncConfigId)).delete();
      } catch (error) {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      }
    });
  }

  private async call(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      throw new AppError(ErrorCode.TEMPORAL_UNAVAILABLE, 'The schedule could not be changed in Temporal.', {
        cause: error,
      });
    }
  }
}
