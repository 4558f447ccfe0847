type ActivityFunction = (input: never) => Promise<unknown>;

/** Applies one wrapper to every activity of a record, keeping the record's type for proxyActivities. */
export function mapActivities<T extends Record<string, ActivityFunction>>(
  activities: T,
  wrap: (activity: ActivityFunction) => ActivityFunction,
): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [name, wrap(activity)]),
  ) as T;
}
