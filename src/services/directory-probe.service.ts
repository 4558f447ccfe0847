import type { SearchScope } from '../domain/directory-kinds.js';
import type { Directory } from '../entities/directory.entity.js';
import type { LdapEntry, RootDse } from '../ldap/index.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { ldapScope, withLdapSession } from './directory-connection.js';
import { requireAttributeName, requireDn, requireFilter } from './input-rules.js';

export const PREVIEW_LIMIT_MAX = 500;

export interface ConnectionTestResult {
  connectedUrl: string;
  rootDse: RootDse;
}

export interface PreviewQuery {
  baseDn: string;
  scope: SearchScope;
  filter: string;
  attributes: string[];
  limit: number;
}

/** Live reads for operators: bind test with the root DSE, and a capped preview of a query. */
export class DirectoryProbeService {
  constructor(private readonly secrets: SecretBox) {}

  testConnection(directory: Directory): Promise<ConnectionTestResult> {
    return withLdapSession(directory, this.secrets, async (session) => ({
      connectedUrl: session.url,
      rootDse: await session.readRootDse(),
    }));
  }

  preview(directory: Directory, query: PreviewQuery): Promise<LdapEntry[]> {
    const baseDn = requireDn('baseDn', query.baseDn);
    const filter = requireFilter('filter', query.filter);
    const attributes = query.attributes.map((name, index) =>
      requireAttributeName(`attributes[${index}]`, name),
    );
    const limit = Math.min(Math.max(query.limit, 1), PREVIEW_LIMIT_MAX);
    return withLdapSession(directory, this.secrets, async (session) => {
      const entries: LdapEntry[] = [];
      const pages = session.pagedSearch({
        baseDn,
        scope: ldapScope(query.scope),
        filter,
        attributes,
        pageSize: limit,
        timeLimitSeconds: Math.ceil(directory.operationTimeoutMs / 1000),
      });
      for await (const page of pages) {
        entries.push(...page.slice(0, limit - entries.length));
        if (entries.length >= limit) break;
      }
      return entries;
    });
  }
}
