/** Stable codes a client may rely on. Each names one failure a user can act on. */
export const ErrorCode = {
  // Input and configuration
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INVALID_CONFIG: 'INVALID_CONFIG',
  INVALID_DN: 'INVALID_DN',
  INVALID_FILTER: 'INVALID_FILTER',
  NOT_FOUND: 'NOT_FOUND',
  // Directory
  DIRECTORY_UNREACHABLE: 'DIRECTORY_UNREACHABLE',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  NO_SUCH_OBJECT: 'NO_SUCH_OBJECT',
  SIZE_LIMIT: 'SIZE_LIMIT',
  TIME_LIMIT: 'TIME_LIMIT',
  TLS_ERROR: 'TLS_ERROR',
  UNSUPPORTED_PAGE_SIZE: 'UNSUPPORTED_PAGE_SIZE',
  RANGE_RETRIEVAL_GAP: 'RANGE_RETRIEVAL_GAP',
  DIRECTORY_ERROR: 'DIRECTORY_ERROR',
  /** An incremental read met another AD domain controller mid-run (USNs are per DC). */
  DIRECTORY_SERVER_CHANGED: 'DIRECTORY_SERVER_CHANGED',
  /** Every run slot of the directory (maxConcurrentRuns) stayed taken while the run waited. */
  DIRECTORY_BUSY: 'DIRECTORY_BUSY',
  // Access
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  // Runs
  RUN_ALREADY_ACTIVE: 'RUN_ALREADY_ACTIVE',
  RUN_NOT_ACTIVE: 'RUN_NOT_ACTIVE',
  // Infrastructure
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  TEMPORAL_UNAVAILABLE: 'TEMPORAL_UNAVAILABLE',
  SECRET_KEY_ERROR: 'SECRET_KEY_ERROR',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that retrying cannot fix: configuration, credentials, bad input. Pure data, so workflows use it too. */
export const NON_RETRYABLE_CODES: readonly ErrorCode[] = [
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.INVALID_CONFIG,
  ErrorCode.INVALID_DN,
  ErrorCode.INVALID_FILTER,
  ErrorCode.NOT_FOUND,
  ErrorCode.INVALID_CREDENTIALS,
  ErrorCode.NO_SUCH_OBJECT,
  ErrorCode.SIZE_LIMIT,
  ErrorCode.TLS_ERROR,
  ErrorCode.UNSUPPORTED_PAGE_SIZE,
  ErrorCode.DIRECTORY_SERVER_CHANGED,
  ErrorCode.SECRET_KEY_ERROR,
  ErrorCode.RUN_ALREADY_ACTIVE,
  ErrorCode.RUN_NOT_ACTIVE,
];
