import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlanIdentityAction, PlanMembershipAction, RunLogLevel } from '../domain/sync-run-state.js';
import { RunLog } from '../entities/run-log.entity.js';
import { PlanIdentity, PlanMembership } from '../entities/run-plan.entity.js';

export const INSPECTION_PAGE_MAX = 500;

export interface RunLogFilter {
  levels?: RunLogLevel[] | null;
  search?: string | null;
}

/** Read-only views of a run: its step-by-step log and its planned changes, paged. */
export class RunInspectionService {
  constructor(private readonly em: EntityManager) {}

  async log(
    runId: string,
    filter: RunLogFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: RunLog[] }> {
    const where = {
      run: runId,
      ...(filter.levels == null || filter.levels.length === 0 ? {} : { level: { $in: filter.levels } }),
      ...(filter.search == null || filter.search === ''
        ? {}
        : {
            $or: [
              { message: { $ilike: `%${escapeLike(filter.search)}%` } },
              { dn: { $ilike: `%${escapeLike(filter.search)}%` } },
            ],
          }),
    };
    const [items, total] = await this.em.findAndCount(RunLog, where, {
      orderBy: { id: 'asc' },
      limit: Math.min(limit, INSPECTION_PAGE_MAX),
      offset,
    });
    return { total, items };
  }

  async identityChanges(
    runId: string,
    action: PlanIdentityAction | null,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: PlanIdentity[] }> {
    const [items, total] = await this.em.findAndCount(
      PlanIdentity,
      { runId, ...(action === null ? {} : { action }) },
      { orderBy: { action: 'asc', login: 'asc' }, limit: Math.min(limit, INSPECTION_PAGE_MAX), offset },
    );
    return { total, items };
  }

  async membershipChanges(
    runId: string,
    action: PlanMembershipAction | null,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: PlanMembership[] }> {
    const [items, total] = await this.em.findAndCount(
      PlanMembership,
      { runId, ...(action === null ? {} : { action }) },
      {
        orderBy: { action: 'asc', identityId: 'asc', appGroupId: 'asc' },
        limit: Math.min(limit, INSPECTION_PAGE_MAX),
        offset,
      },
    );
    return { total, items };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
