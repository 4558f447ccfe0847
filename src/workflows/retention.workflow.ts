import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { RetentionInput } from '../activities/retention.activities.js';
import type { PruneCounts } from '../db/retention.repository.js';
import { SET_BASED_SQL } from './activity-options.js';

const sql = proxyActivities<Activities>(SET_BASED_SQL);

/** Started by the retention schedule: deletes old runs' logs, plans and leftover staging. */
export async function retentionWorkflow(input: RetentionInput): Promise<PruneCounts> {
  return sql.pruneOldRunData(input);
}
