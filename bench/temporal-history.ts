// Size of a sync's Temporal workflow history, read through the Temporal client: the design promises
// that it holds counts, never entries, so it must not grow with the directory.
import type { Client } from '@temporalio/client';

export interface HistoryStats {
  events: number;
  /** As the server accounts it (DescribeWorkflowExecution history size). */
  bytes: number;
  activitiesScheduled: number;
}

/** The latest execution of the workflow id (the run that just ended). */
export async function workflowHistoryStats(client: Client, workflowId: string): Promise<HistoryStats> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe();
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  return {
    events: description.historyLength,
    bytes: description.historySize ?? 0,
    activitiesScheduled: events.filter((event) => event.activityTaskScheduledEventAttributes != null).length,
  };
}
