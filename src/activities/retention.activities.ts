import { RetentionRepository, type PruneCounts } from '../db/retention.repository.js';
import type { ActivityDeps } from './activity-deps.js';

export interface RetentionInput {
  /** Run logs and plans of runs that ended longer ago than this are deleted. */
  retentionDays: number;
}

/** A failed run's staging (what its retry continues from) is kept at least this long. */
const STAGING_KEPT_MS = 24 * 3_600_000;

export function createRetentionActivities(deps: ActivityDeps) {
  const retention = new RetentionRepository(deps.database.pool);
  return {
    async pruneOldRunData({ retentionDays }: RetentionInput): Promise<PruneCounts> {
      const now = Date.now();
      const counts = await retention.prune(
        new Date(now - retentionDays * 86_400_000),
        new Date(now - STAGING_KEPT_MS),
      );
      deps.logger.info({ retentionDays, ...counts }, 'old run data pruned');
      return counts;
    },
  };
}
