// Size of a sync's Temporal workflow history, read through the Temporal client: the design promises
// that it holds counts, never entries, so it must not grow with the directory.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface HistoryStats {
  events: number;
  /** As the server accounts it (DescribeWorkflowExecution history size). */
  bytes: number;
  /** Events per type (the name of the event's attributes, e.g. activityTaskScheduled). */
  eventTypes: Record<string, number>;
  timings: HistoryTimings;
}

/** Where the workflow's time went, from its events' times (seconds). */
export interface HistoryTimings {
  /** From the execution's start event to its close event. */
  workflowSeconds: number;
  /** Inside activities: from each activity's (last attempt's) start to its completion. */
  activitySeconds: number;
  /**
   * The rest: the server and worker handing tasks over (workflow tasks, activity dispatch). The
   * workflow runs its activities one after another, so this is what orchestration adds to the run.
   */
  orchestrationSeconds: number;
}

const ATTRIBUTES_SUFFIX = 'EventAttributes';

/**
 * The latest execution of the workflow id (the run that just ended), once it has closed. The run is
 * marked ended by the workflow's last activity; its last workflow task and completion event follow
 * moments later, so read too early the same workflow counted 57 events instead of 59.
 */
export async function workflowHistoryStats(client: Client, workflowId: string): Promise<HistoryStats> {
  const handle = client.workflow.getHandle(workflowId);
  // Only the closing matters here: a failed or cancelled run's outcome is measured from the run itself.
  await handle.result().catch(() => undefined);
  const description = await handle.describe();
  const history = await handle.fetchHistory();
  const eventTypes: Record<string, number> = {};
  for (const event of history.events ?? []) {
    const type = eventTypeOf(event);
    eventTypes[type] = (eventTypes[type] ?? 0) + 1;
  }
  return {
    events: description.historyLength,
    bytes: description.historySize ?? 0,
    eventTypes,
    timings: historyTimings(history.events ?? []),
  };
}

function historyTimings(events: readonly HistoryEvent[]): HistoryTimings {
  const timeOf = new Map(events.map((event) => [String(event.eventId), eventSeconds(event)]));
  const workflowSeconds = eventSeconds(events.at(-1)) - eventSeconds(events[0]);
  let activitySeconds = 0;
  for (const event of events) {
    const ended =
      event.activityTaskCompletedEventAttributes ??
      event.activityTaskFailedEventAttributes ??
      event.activityTaskTimedOutEventAttributes ??
      event.activityTaskCanceledEventAttributes;
    const startedAt = timeOf.get(String(ended?.startedEventId));
    if (startedAt !== undefined) activitySeconds += eventSeconds(event) - startedAt;
  }
  return { workflowSeconds, activitySeconds, orchestrationSeconds: workflowSeconds - activitySeconds };
}

function eventSeconds(event: HistoryEvent | undefined): number {
  const time = event?.eventTime;
  // Seconds are a Long in the decoded protobuf.
  return Number(time?.seconds?.toString() ?? 0) + (time?.nanos ?? 0) / 1e9;
}

/** Every history event carries exactly one `<type>EventAttributes` field. */
function eventTypeOf(event: object): string {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith(ATTRIBUTES_SUFFIX) && value != null) return key.slice(0, -ATTRIBUTES_SUFFIX.length);
  }
  return 'unknown';
}
