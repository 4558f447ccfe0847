import { type Client, ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';

type ScheduleSettings = Pick<ScheduleOptions, 'spec' | 'action' | 'state'>;

/**
 * Makes a Temporal Schedule match the settings: updated when it exists, created otherwise. Overlapping
 * starts are skipped.
 */
export async function upsertSchedule(
  client: Client,
  scheduleId: string,
  settings: ScheduleSettings,
): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleId).update((previous) => ({
      ...previous,
      spec: settings.spec,
      action: settings.action,
      ...(settings.state === undefined ? {} : { state: settings.state }),
      policies: { ...previous.policies, overlap: 'SKIP' },
    }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await client.schedule.create({
      scheduleId,
      ...settings,
      policies: { overlap: 'SKIP', catchupWindow: '1 minute' },
    });
  }
}
