import pLimit, { type LimitFunction } from 'p-limit';
import type { SearchScope } from '../domain/directory-kinds.js';
import type { Directory } from '../entities/directory.entity.js';
import {
  openLdapSession,
  type LdapConnectionOptions,
  type LdapScope,
  type LdapSession,
} from '../ldap/index.js';
import type { SecretBox } from '../secrets/secret-box.js';

const SCOPES = { BASE: 'base', ONE: 'one', SUB: 'sub' } as const satisfies Record<SearchScope, LdapScope>;

export function ldapScope(scope: SearchScope): LdapScope {
  return SCOPES[scope];
}

/** LDAP connection options for a stored directory; the bind password is unsealed only here. */
export function connectionOptionsFor(directory: Directory, secrets: SecretBox): LdapConnectionOptions {
  return {
    urls: directory.urls,
    tlsMode: directory.tlsMode,
    caCertPem: directory.caCertPem ?? undefined,
    verifyCertificate: directory.verifyCertificate,
    bindDn: directory.bindDn ?? undefined,
    bindPassword:
      directory.bindPasswordSealed == null ? undefined : secrets.decrypt(directory.bindPasswordSealed),
    connectTimeoutMs: directory.connectTimeoutMs,
    operationTimeoutMs: directory.operationTimeoutMs,
  };
}

/** Per process and directory: at most maxConnections sessions open at once (the others wait). */
const connectionSlots = new Map<string, { max: number; limit: LimitFunction }>();

function connectionSlotsOf(directory: Directory): LimitFunction {
  const current = connectionSlots.get(directory.id);
  if (current?.max === directory.maxConnections) return current.limit;
  const limit = pLimit(directory.maxConnections);
  connectionSlots.set(directory.id, { max: directory.maxConnections, limit });
  return limit;
}

/**
 * Opens a bound session to the directory for the length of fn, and always closes it. Sessions to one
 * directory are limited to its maxConnections per process, so parallel runs cannot flood a server.
 */
export function withLdapSession<T>(
  directory: Directory,
  secrets: SecretBox,
  fn: (session: LdapSession) => Promise<T>,
): Promise<T> {
  return connectionSlotsOf(directory)(async () => {
    const session = await openLdapSession(connectionOptionsFor(directory, secrets));
    try {
      return await fn(session);
    } finally {
      await session.close();
    }
  });
}
