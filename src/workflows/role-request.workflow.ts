import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { PROVISIONING } from './activity-options.js';
import { describeFailure } from './failure-description.js';
import { bookkeeping } from './run-ending.js';

export interface RoleRequestInput {
  requestId: string;
}

const directory = proxyActivities<Activities>(PROVISIONING);

/**
 * A manual role request: executed (the assignment changes in Rolesync), then provisioned to the
 * directory with retries; when the directory stays unreachable, the items record the failure.
 */
export async function roleRequestWorkflow(input: RoleRequestInput): Promise<void> {
  await bookkeeping.executeRoleRequest(input);
  try {
    await directory.provisionRoleRequest(input);
  } catch (error) {
    const failure = describeFailure(error);
    await bookkeeping.failProvisioning({ ...input, message: `${failure.code}: ${failure.message}` });
  }
}
