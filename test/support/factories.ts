import type { LdapServerInfo } from './provided-context.js';
import type { TestApp } from './test-app.js';

/** Test data through the public API, with overrides (immich-style factories). */

export interface DirectoryInput {
  name: string;
  kind: 'ACTIVE_DIRECTORY' | 'OPENLDAP' | 'FREEIPA' | 'OTHER';
  urls: string[];
  tlsMode: 'NONE' | 'STARTTLS' | 'LDAPS';
  caCertPem?: string | null;
  verifyCertificate?: boolean;
  bindDn?: string | null;
  bindPassword?: string | null;
  pageSize?: number;
  accessLogBaseDn?: string | null;
  connectTimeoutMs?: number;
  operationTimeoutMs?: number;
  maxConcurrentRuns?: number;
  maxConnections?: number;
}

let sequence = 0;
export function uniqueName(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

export function directoryInputFor(
  server: LdapServerInfo,
  overrides: Partial<DirectoryInput> = {},
): DirectoryInput {
  return {
    name: uniqueName(server.kind),
    kind: server.kind === 'ad' ? 'ACTIVE_DIRECTORY' : 'OPENLDAP',
    urls: [server.url],
    tlsMode: 'STARTTLS',
    caCertPem: server.caCertPem,
    bindDn: server.bindDn,
    bindPassword: server.bindPassword,
    pageSize: 200,
    ...overrides,
  };
}

export const DIRECTORY_FIELDS = `id name kind urls tlsMode caCertPem verifyCertificate bindDn hasBindPassword pageSize accessLogBaseDn connectTimeoutMs operationTimeoutMs`;

export async function createDirectory(app: TestApp, input: DirectoryInput): Promise<{ id: string }> {
  const data = await app.gqlData<{ createDirectory: { id: string } }>(
    `mutation($input: CreateDirectoryInput!) { createDirectory(input: $input) { id } }`,
    { input },
  );
  return data.createDirectory;
}

export interface SyncConfigInput {
  name: string;
  directoryId: string;
  usersBaseDn: string;
  usersScope?: 'BASE' | 'ONE' | 'SUB';
  usersFilter: string;
  loginAttribute: string;
  nameAttribute?: string | null;
  emailAttribute?: string | null;
  externalIdAttribute?: string | null;
  groupsBaseDn: string;
  groupsScope?: 'BASE' | 'ONE' | 'SUB';
  groupsFilter: string;
  groupNameAttribute?: string;
  groupMemberAttribute?: 'member' | 'uniqueMember' | 'memberUid';
  membershipSource?: 'MEMBER_OF' | 'GROUP_MEMBERS';
  autoCreateUsers?: boolean;
  autoDeactivateUsers?: boolean;
  defaultAuthorizationType?: 'LDAP' | 'LOCAL' | 'SSO';
  expandNestedGroups?: boolean;
  safetyThresholdPercent?: number;
  scheduleEnabled?: boolean;
  scheduleIntervalMinutes?: number | null;
  scheduleCron?: string | null;
  kind?: 'DIRECTORY_SYNC' | 'ROLE_SYNC';
  assignRolesToIdentities?: boolean;
  membershipManagement?: boolean;
  memberDirectoryId?: string | null;
  memberAttribute?: string | null;
  removeRolesNotInSystem?: boolean;
  catalogueEnabled?: boolean;
  catalogueAttribute?: string | null;
  catalogueMainNode?: string | null;
  catalogueStrategy?: 'ALL_UNDER_MAIN' | 'RESOLVE_BY_DN';
  forwardProvisioning?: boolean;
  skipValueIfContractExcluded?: boolean;
  differentialSync?: boolean;
  incrementalReads?: boolean;
  fullSyncIntervalMinutes?: number;
}

export function syncConfigInputFor(
  server: LdapServerInfo,
  directoryId: string,
  overrides: Partial<SyncConfigInput> = {},
): SyncConfigInput {
  const ad = server.kind === 'ad';
  return {
    name: uniqueName('config'),
    directoryId,
    usersBaseDn: server.usersDn,
    usersFilter: ad ? '(&(objectClass=user)(objectCategory=person))' : '(objectClass=inetOrgPerson)',
    loginAttribute: ad ? 'sAMAccountName' : 'uid',
    nameAttribute: ad ? 'displayName' : 'cn',
    emailAttribute: 'mail',
    groupsBaseDn: server.groupsDn,
    groupsFilter: ad ? '(objectClass=group)' : '(objectClass=groupOfNames)',
    ...overrides,
  };
}

export async function createSyncConfig(app: TestApp, input: SyncConfigInput): Promise<{ id: string }> {
  const data = await app.gqlData<{ createSyncConfig: { id: string } }>(
    `mutation($input: CreateSyncConfigInput!) { createSyncConfig(input: $input) { id } }`,
    { input },
  );
  return data.createSyncConfig;
}
