import type { EntityManager } from '@mikro-orm/postgresql';
import { Contract } from '../entities/contract.entity.js';
import { Identity } from '../entities/identity.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { flushOrExplain } from './orm-errors.js';

export interface ContractFields {
  position?: string | null;
  primary: boolean;
  validFrom?: Date | null;
  validTill?: Date | null;
  excluded: boolean;
}

/** Contracts of identities; one is primary, and synced roles go to it. */
export class ContractService {
  constructor(private readonly em: EntityManager) {}

  list(identityId: string): Promise<Contract[]> {
    return this.em.find(Contract, { identity: identityId }, { orderBy: { createdAt: 'asc' } });
  }

  async create(identityId: string, fields: ContractFields): Promise<Contract> {
    const identity = await this.em.findOne(Identity, { id: identityId });
    if (identity === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Identity ${identityId} does not exist.`, {
        details: { field: 'identityId' },
      });
    if (fields.validFrom != null && fields.validTill != null && fields.validFrom > fields.validTill) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'validFrom must not be after validTill.', {
        details: { field: 'validFrom' },
      });
    }
    if (fields.primary)
      await this.em.nativeUpdate(Contract, { identity: identityId, primary: true }, { primary: false });
    const contract = this.em.create(Contract, { identity, ...fields });
    await flushOrExplain(this.em, {
      unique: 'The contract already exists.',
      inUse: 'The contract is still referenced.',
    });
    return contract;
  }

  async update(
    id: string,
    changes: Partial<{ excluded: boolean | null; validFrom: Date | null; validTill: Date | null }>,
  ): Promise<Contract> {
    const contract = await this.em.findOne(Contract, { id });
    if (contract === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Contract ${id} does not exist.`, { details: { id } });
    if (changes.excluded != null) contract.excluded = changes.excluded;
    if (changes.validFrom !== undefined) contract.validFrom = changes.validFrom;
    if (changes.validTill !== undefined) contract.validTill = changes.validTill;
    await flushOrExplain(this.em, {
      unique: 'The contract already exists.',
      inUse: 'The contract is still referenced.',
    });
    return contract;
  }
}
