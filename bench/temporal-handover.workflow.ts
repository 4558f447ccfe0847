// The workflow bench/temporal-handover.ts times: a chain of no-op activities, one after another, as a
// sync's phases run.
import { proxyActivities } from '@temporalio/workflow';

export interface HandoverActivities {
  step(index: number): Promise<number>;
}

const { step } = proxyActivities<HandoverActivities>({ startToCloseTimeout: '1 minute' });

export async function activityChain(steps: number): Promise<number> {
  let sum = 0;
  for (let index = 0; index < steps; index++) sum += await step(index);
  return sum;
}
