import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { requireRange } from './input-rules.js';

export interface ScheduleFields {
  scheduleEnabled: boolean;
  scheduleIntervalMinutes?: number | null;
  scheduleCron?: string | null;
}

/** A config runs on an interval or a cron expression (not both); enabling needs one of them. */
export function checkedSchedule(fields: ScheduleFields): {
  scheduleEnabled: boolean;
  scheduleIntervalMinutes: number | null;
  scheduleCron: string | null;
} {
  const interval = fields.scheduleIntervalMinutes ?? null;
  const cron =
    fields.scheduleCron == null || fields.scheduleCron.trim() === '' ? null : fields.scheduleCron.trim();
  if (interval !== null && cron !== null) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'Set either scheduleIntervalMinutes or scheduleCron, not both.',
      {
        details: { field: 'scheduleCron' },
      },
    );
  }
  if (interval !== null) requireRange('scheduleIntervalMinutes', interval, 1, 525_600);
  if (cron !== null && !/^(\S+\s+){4}\S+$/.test(cron)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'scheduleCron must have five fields (minute hour day month weekday).',
      {
        details: { field: 'scheduleCron' },
      },
    );
  }
  if (fields.scheduleEnabled && interval === null && cron === null) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'An enabled schedule needs scheduleIntervalMinutes or scheduleCron.',
      {
        details: { field: 'scheduleEnabled' },
      },
    );
  }
  return { scheduleEnabled: fields.scheduleEnabled, scheduleIntervalMinutes: interval, scheduleCron: cron };
}
