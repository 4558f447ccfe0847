import { defineEntity, p } from '@mikro-orm/core';
import { API_ROLES } from '../domain/api-roles.js';

/** An API token; only its SHA-256 is stored (tokens are random, 256 bits: a fast hash is enough). */
export const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(200),
    role: p.enum(API_ROLES),
    tokenHash: p.string().length(64).unique().hidden(),
    /** The first characters of the token, so an operator can tell tokens apart. */
    prefix: p.string().length(16),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export class ApiToken extends ApiTokenSchema.class {}
ApiTokenSchema.setClass(ApiToken);
