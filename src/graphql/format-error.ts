import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isAppError } from '../errors/app-error.js';
import { sqlStateOf } from '../services/orm-errors.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { Logger } from '../logging/logger.js';

const INVALID_TEXT_REPRESENTATION = '22P02';

/** The error a resolver or a subscription's source stream threw, under GraphQL's wrapping. */
function originalErrorOf(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError !== undefined)
    current = current.originalError;
  return current;
}

/**
 * The edge where errors meet clients: AppErrors keep their code and human message; input validation
 * becomes BAD_USER_INPUT naming the fields; anything unexpected is logged and answered as INTERNAL
 * without its message or stack (which might carry internals).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalErrorOf(error);
    if (isAppError(original)) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...original.details, code: original.code },
      };
    }
    if (sqlStateOf(original) === INVALID_TEXT_REPRESENTATION) {
      // A malformed id (not a UUID) reached the database: the client's input, not our fault.
      return {
        ...formatted,
        message: 'An id or value has the wrong format.',
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors.flatMap((issue) =>
        Object.values(issue.constraints ?? {}).map((text) => text),
      );
      return {
        ...formatted,
        message: `Invalid input: ${problems.join('; ')}`,
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          fields: original.extensions.validationErrors.map((issue) => issue.property),
        },
      };
    }
    const reason = formatted.extensions?.reason;
    const code = typeof reason === 'string' ? reason : formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // GraphQL's own parse/validation errors: already safe and coded.
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL },
    };
  };
}
