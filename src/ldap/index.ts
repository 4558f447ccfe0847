// The LDAP layer: connections, paged and ranged reads, DN and filter handling, error mapping.
export { objectGuidToBuffer, objectGuidToString, objectSidToString } from './binary-attributes.js';
export { type LdapConnectionOptions, type TlsMode } from './connection-options.js';
export { dnEquals, isDnWithin, normalizeDn, parentDn, rdnPath } from './dn-normalize.js';
export { type AttributeTypeAndValue, escapeDnValue, formatDn, parseDn, type Rdn } from './dn-parse.js';
export { readStableId, STABLE_ID_ATTRIBUTES, type StableId, type StableIdAttribute } from './entry-id.js';
export { type KnownEntries } from './entry-digests.js';
export { escapeFilterValue } from './filter-escape.js';
export { validateFilter } from './filter-parse.js';
export { getAttributeValues, type LdapEntry } from './ldap-entry.js';
export { type LdapErrorContext, toAppError } from './ldap-error-map.js';
export { type LdapSession } from './ldap-session.js';
export { openLdapSession } from './open-ldap-session.js';
export {
  type DigestedEntry,
  type DigestedPage,
  type LdapScope,
  MAX_PAGE_SIZE,
  type PagedSearchRequest,
} from './paged-search.js';
export { DEFAULT_RANGE_STEP } from './ranged-attribute.js';
export { type DirectoryServerType, type RootDse } from './root-dse.js';
