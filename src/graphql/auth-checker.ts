import type { AuthChecker } from 'type-graphql';
import { API_ROLES, roleAllows, type ApiRole } from '../domain/api-roles.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { GraphQLContext } from './context.js';

function isApiRole(value: string): value is ApiRole {
  return (API_ROLES as readonly string[]).includes(value);
}

/** Every operation names its weakest allowed role; no token is UNAUTHENTICATED, a weaker role FORBIDDEN. */
export const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  if (context.principal === null) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'An API token is required (Authorization: Bearer <token>).',
    );
  }
  const required = roles.find(isApiRole) ?? 'ADMIN';
  if (!roleAllows(context.principal.role, required)) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `This operation needs the ${required} role; the token has ${context.principal.role}.`,
    );
  }
  return true;
};
