/**
 * Calls fn for the indexes 0..count-1 in order, with at most `lanes` calls running at once. After the
 * first failure no further index starts; the failure is thrown once the calls still running settle, so
 * nothing is left running behind the caller.
 */
export async function forEachInLanes(
  count: number,
  lanes: number,
  fn: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < count) {
      const index = next++;
      try {
        await fn(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(lanes, count) }, lane));
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}
