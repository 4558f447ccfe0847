import { Context } from '@temporalio/activity';
import { mapActivities } from './map-activities.js';

/** How often a running activity reports that its worker is alive; the activity options allow 20 s of silence. */
const HEARTBEAT_EVERY_MS = 5000;

/**
 * Heartbeats on a timer while fn runs. A long set-based statement cannot heartbeat by itself, and without
 * heartbeats a killed worker would be noticed only when the activity's start-to-close timeout ran out.
 */
export async function withHeartbeat<T>(fn: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => {
    context.heartbeat();
  }, HEARTBEAT_EVERY_MS);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/** Wraps every activity of a record with withHeartbeat. */
export function withHeartbeats<T extends Record<string, (input: never) => Promise<unknown>>>(
  activities: T,
): T {
  return mapActivities(activities, (activity) => (input) => withHeartbeat(() => activity(input)));
}
