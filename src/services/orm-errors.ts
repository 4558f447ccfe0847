import type { EntityManager } from '@mikro-orm/postgresql';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/** Turns constraint violations into coded, human errors; anything else passes through. */
export function mapConstraintError(error: unknown, what: { unique: string; inUse: string }): unknown {
  if (error instanceof UniqueConstraintViolationException) {
    return new AppError(ErrorCode.BAD_USER_INPUT, what.unique, { cause: error });
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new AppError(ErrorCode.BAD_USER_INPUT, what.inUse, { cause: error });
  }
  return error;
}

/** Flushes the unit of work; constraint violations become coded errors and the unit of work is reset. */
export async function flushOrExplain(em: EntityManager, what: { unique: string; inUse: string }): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    em.clear();
    throw mapConstraintError(error, what);
  }
}
