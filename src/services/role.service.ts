import type { EntityManager } from '@mikro-orm/postgresql';
import { RoleCatalogueNode, RoleCataloguePlacement } from '../entities/role-catalogue.entity.js';
import { Role } from '../entities/role.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { splitCataloguePath } from '../sync/catalogue-path.js';
import { flushOrExplain } from './orm-errors.js';

export const ROLE_PAGE_MAX = 500;

const CONSTRAINTS = {
  unique: 'A role with this code already exists.',
  inUse: 'The role is still referenced.',
};
const NODE_CONSTRAINTS = {
  unique: 'A catalogue node with this path already exists.',
  inUse: 'The node is still referenced.',
};

export interface RoleFilter {
  search?: string | null;
  syncConfigId?: string | null;
  catalogueNodeId?: string | null;
}

/** Roles and the role catalogue, read and edited by hand. */
export class RoleService {
  constructor(private readonly em: EntityManager) {}

  async list(filter: RoleFilter, limit: number, offset: number): Promise<{ total: number; items: Role[] }> {
    const search =
      filter.search == null || filter.search === ''
        ? null
        : `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const placed =
      filter.catalogueNodeId == null
        ? null
        : (await this.em.find(RoleCataloguePlacement, { node: filter.catalogueNodeId })).map(
            (placement) => placement.role.id,
          );
    const [items, total] = await this.em.findAndCount(
      Role,
      {
        ...(search === null ? {} : { $or: [{ name: { $ilike: search } }, { code: { $ilike: search } }] }),
        ...(filter.syncConfigId == null ? {} : { syncConfig: filter.syncConfigId }),
        ...(placed === null ? {} : { id: { $in: placed } }),
      },
      { orderBy: { code: 'asc' }, limit: Math.min(limit, ROLE_PAGE_MAX), offset },
    );
    return { total, items };
  }

  async get(id: string): Promise<Role> {
    const role = await this.em.findOne(Role, { id });
    if (role === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Role ${id} does not exist.`, { details: { id } });
    return role;
  }

  async create(fields: { name: string; code: string; description?: string | null }): Promise<Role> {
    const role = this.em.create(Role, {
      name: requireText('name', fields.name),
      code: requireText('code', fields.code),
      description: fields.description ?? null,
    });
    await flushOrExplain(this.em, CONSTRAINTS);
    return role;
  }

  async update(
    id: string,
    changes: {
      name?: string | null;
      description?: string | null;
      forwardProvisioning?: boolean | null;
      skipValueIfContractExcluded?: boolean | null;
    },
  ): Promise<Role> {
    const role = await this.get(id);
    if (changes.name != null) role.name = requireText('name', changes.name);
    if (changes.description !== undefined) role.description = changes.description;
    if (changes.forwardProvisioning != null) role.forwardProvisioning = changes.forwardProvisioning;
    if (changes.skipValueIfContractExcluded != null)
      role.skipValueIfContractExcluded = changes.skipValueIfContractExcluded;
    await flushOrExplain(this.em, CONSTRAINTS);
    return role;
  }

  catalogue(): Promise<RoleCatalogueNode[]> {
    return this.em.find(RoleCatalogueNode, {}, { orderBy: { code: 'asc' } });
  }

  async placementsOf(roleIds: string[]): Promise<Map<string, string[]>> {
    const placements = await this.em.find(RoleCataloguePlacement, { role: { $in: roleIds } });
    const byRole = new Map<string, string[]>();
    for (const placement of placements)
      byRole.set(placement.role.id, [...(byRole.get(placement.role.id) ?? []), placement.node.id]);
    return byRole;
  }

  /** A node under a parent (or at the root); its code is its full path. */
  async createNode(name: string, parentId: string | null): Promise<RoleCatalogueNode> {
    const [segment] = splitCataloguePath(name);
    if (segment === undefined || splitCataloguePath(name).length !== 1) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must be one non-empty path segment (no "/").', {
        details: { field: 'name' },
      });
    }
    const parent = parentId === null ? null : await this.em.findOne(RoleCatalogueNode, { id: parentId });
    if (parentId !== null && parent === null) {
      throw new AppError(ErrorCode.NOT_FOUND, `Catalogue node ${parentId} does not exist.`, {
        details: { field: 'parentId' },
      });
    }
    const node = this.em.create(RoleCatalogueNode, {
      name: segment,
      code: parent === null ? segment : `${parent.code}/${segment}`,
      parent,
    });
    await flushOrExplain(this.em, NODE_CONSTRAINTS);
    return node;
  }

  async place(roleId: string, nodeId: string): Promise<Role> {
    const role = await this.get(roleId);
    const node = await this.em.findOne(RoleCatalogueNode, { id: nodeId });
    if (node === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Catalogue node ${nodeId} does not exist.`, {
        details: { field: 'nodeId' },
      });
    this.em.create(RoleCataloguePlacement, { role, node });
    await flushOrExplain(this.em, {
      unique: 'The role is already in this node.',
      inUse: 'The node is still referenced.',
    });
    return role;
  }
}

function requireText(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '')
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must not be empty.`, { details: { field } });
  return trimmed;
}
