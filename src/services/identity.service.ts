import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../entities/identity.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

export const IDENTITY_PAGE_MAX = 500;

export interface IdentityFilter {
  directoryId?: string | null;
  active?: boolean | null;
  search?: string | null;
}

export interface IdentityPage {
  total: number;
  items: Identity[];
  /** Application groups of each listed identity (manual and synced), loaded in one query for the page. */
  groupIds: Map<string, string[]>;
}

export class IdentityService {
  constructor(private readonly em: EntityManager) {}

  async list(filter: IdentityFilter, limit: number, offset: number): Promise<IdentityPage> {
    const search =
      filter.search == null || filter.search === ''
        ? null
        : `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const [items, total] = await this.em.findAndCount(
      Identity,
      {
        ...(filter.directoryId == null ? {} : { sourceDirectory: filter.directoryId }),
        ...(filter.active == null ? {} : { active: filter.active }),
        ...(search === null
          ? {}
          : {
              $or: [
                { login: { $ilike: search } },
                { displayName: { $ilike: search } },
                { email: { $ilike: search } },
              ],
            }),
      },
      { orderBy: { login: 'asc' }, limit: Math.min(limit, IDENTITY_PAGE_MAX), offset },
    );
    return { total, items, groupIds: await this.groupIdsOf(items.map((identity) => identity.id)) };
  }

  /** One identity with its application groups. */
  async get(id: string): Promise<{ identity: Identity; groupIds: string[] }> {
    const identity = await this.em.findOne(Identity, { id });
    if (identity === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Identity ${id} does not exist.`, { details: { id } });
    return { identity, groupIds: (await this.groupIdsOf([id])).get(id) ?? [] };
  }

  private async groupIdsOf(identityIds: string[]): Promise<Map<string, string[]>> {
    if (identityIds.length === 0) return new Map();
    const rows = await this.em.getConnection().execute<{ identity_id: string; app_group_id: string }[]>(
      // MikroORM expands an array parameter into a list, hence `in (?)`.
      `select identity_id, app_group_id from manual_membership where identity_id in (?)
       union
       select identity_id, app_group_id from synced_membership where identity_id in (?)
       order by 1, 2`,
      [identityIds, identityIds],
    );
    const groups = new Map<string, string[]>();
    for (const row of rows)
      groups.set(row.identity_id, [...(groups.get(row.identity_id) ?? []), row.app_group_id]);
    return groups;
  }
}
