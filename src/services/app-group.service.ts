import type { EntityManager } from '@mikro-orm/postgresql';
import { AppGroup } from '../entities/app-group.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { flushOrExplain } from './orm-errors.js';

const CONSTRAINTS = {
  unique: 'An application group with this name already exists.',
  inUse: 'The application group is still referenced.',
};

export class AppGroupService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<AppGroup[]> {
    return this.em.find(AppGroup, {}, { orderBy: { name: 'asc' } });
  }

  async get(id: string): Promise<AppGroup> {
    const group = await this.em.findOne(AppGroup, { id });
    if (group === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Application group ${id} does not exist.`, { details: { id } });
    return group;
  }

  async create(name: string, description: string | null): Promise<AppGroup> {
    const group = this.em.create(AppGroup, { name: requireName(name), description });
    await flushOrExplain(this.em, CONSTRAINTS);
    return group;
  }

  async update(
    id: string,
    changes: { name?: string | null; description?: string | null },
  ): Promise<AppGroup> {
    const group = await this.get(id);
    if (changes.name != null) group.name = requireName(changes.name);
    if (changes.description !== undefined) group.description = changes.description;
    await flushOrExplain(this.em, CONSTRAINTS);
    return group;
  }

  async delete(id: string): Promise<boolean> {
    this.em.remove(await this.get(id));
    await flushOrExplain(this.em, CONSTRAINTS);
    return true;
  }
}

function requireName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '')
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must not be empty.', { details: { field: 'name' } });
  return trimmed;
}
