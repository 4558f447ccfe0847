import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiRole } from '../domain/api-roles.js';
import { ApiToken } from '../entities/api-token.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/** Who made a request: the token's id and role. */
export interface Principal {
  tokenId: string;
  role: ApiRole;
}

const TOKEN_PREFIX = 'rs_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Reads `Bearer <token>` (or a bare token) from an Authorization header or WebSocket connection param. */
export function tokenFromAuthorization(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const token = value.replace(/^Bearer\s+/i, '').trim();
  return token === '' ? null : token;
}

/** API tokens: created with their secret shown once, stored hashed, checked on every request, revocable. */
export class ApiTokenService {
  constructor(private readonly em: EntityManager) {}

  async create(name: string, role: ApiRole): Promise<{ token: ApiToken; secret: string }> {
    const trimmed = name.trim();
    if (trimmed === '')
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'name must not be empty.', { details: { field: 'name' } });
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const token = this.em.create(ApiToken, {
      name: trimmed,
      role,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 10),
    });
    await this.em.flush();
    return { token, secret };
  }

  list(): Promise<ApiToken[]> {
    return this.em.find(ApiToken, {}, { orderBy: { createdAt: 'asc' } });
  }

  async revoke(id: string): Promise<ApiToken> {
    const token = await this.em.findOne(ApiToken, { id });
    if (token === null)
      throw new AppError(ErrorCode.NOT_FOUND, `API token ${id} does not exist.`, { details: { id } });
    token.revokedAt ??= new Date();
    await this.em.flush();
    return token;
  }

  /** The principal of a presented token, or null when it is unknown or revoked (checked every time). */
  async authenticate(secret: string | null): Promise<Principal | null> {
    if (secret === null) return null;
    // last_used_at is refreshed at most once a minute, so authenticating stays a read in the common case.
    const rows = await this.em.getConnection().execute<{ id: string; role: ApiRole }[]>(
      `with token as (select id, role from api_token where token_hash = ? and revoked_at is null),
            touched as (update api_token a set last_used_at = now() from token
                        where a.id = token.id and (a.last_used_at is null or a.last_used_at < now() - interval '1 minute'))
       select id, role from token`,
      [hashToken(secret)],
    );
    const row = rows[0];
    return row === undefined ? null : { tokenId: row.id, role: row.role };
  }

  async stillValid(tokenId: string): Promise<boolean> {
    return (await this.em.count(ApiToken, { id: tokenId, revokedAt: null })) > 0;
  }
}
