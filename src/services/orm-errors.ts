import type { EntityManager } from '@mikro-orm/postgresql';
import { DriverException } from '@mikro-orm/core';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
/** Raised instead of 23503 by an `on delete restrict` foreign key. */
const RESTRICT_VIOLATION = '23001';

/**
 * Turns constraint violations into coded, human errors; anything else passes through. Matched by
 * SQLSTATE, since MikroORM has no subclass for some of them (23001 arrives as a plain DriverException).
 */
export function mapConstraintError(error: unknown, what: { unique: string; inUse: string }): unknown {
  if (isUniqueViolation(error)) return new AppError(ErrorCode.BAD_USER_INPUT, what.unique, { cause: error });
  const state = sqlStateOf(error);
  if (state === FOREIGN_KEY_VIOLATION || state === RESTRICT_VIOLATION)
    return new AppError(ErrorCode.BAD_USER_INPUT, what.inUse, { cause: error });
  return error;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === UNIQUE_VIOLATION;
}

/** The SQLSTATE of a database error (MikroORM fills sqlState or code), undefined for anything else. */
export function sqlStateOf(error: unknown): string | undefined {
  return error instanceof DriverException ? (error.sqlState ?? error.code) : undefined;
}

/** Flushes the unit of work; constraint violations become coded errors and the unit of work is reset. */
export async function flushOrExplain(
  em: EntityManager,
  what: { unique: string; inUse: string },
): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    em.clear();
    throw mapConstraintError(error, what);
  }
}
