/** Pure domain constants shared by entities, GraphQL and workflows (no I/O here). */

export const DIRECTORY_KINDS = ['ACTIVE_DIRECTORY', 'OPENLDAP', 'FREEIPA', 'OTHER'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const TLS_MODES = ['NONE', 'STARTTLS', 'LDAPS'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const SEARCH_SCOPES = ['BASE', 'ONE', 'SUB'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/** Where user-to-group membership is read from: the users' memberOf, or the groups' member values. */
export const MEMBERSHIP_SOURCES = ['MEMBER_OF', 'GROUP_MEMBERS'] as const;
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number];

export const GROUP_MEMBER_ATTRIBUTES = ['member', 'uniqueMember', 'memberUid'] as const;
export type GroupMemberAttribute = (typeof GROUP_MEMBER_ATTRIBUTES)[number];

export const SYNC_KINDS = ['DIRECTORY_SYNC', 'ROLE_SYNC'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
