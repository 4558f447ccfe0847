import { NON_RETRYABLE_CODES, type ErrorCode } from './error-codes.js';

export interface AppErrorOptions {
  cause?: unknown;
  /** Safe, client-visible details (never secrets), e.g. the offending field. */
  details?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The one error family of Rolesync. The message is for humans and must never contain secrets;
 * the code is stable and mapped at the edges (GraphQL extensions.code, Temporal failure type).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? {};
  }

  /** Codes that retrying cannot fix: configuration, credentials, bad input. */
  get retryable(): boolean {
    return !NON_RETRYABLE.has(this.code);
  }
}

const NON_RETRYABLE: ReadonlySet<ErrorCode> = new Set(NON_RETRYABLE_CODES);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
