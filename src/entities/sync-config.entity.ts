import { defineEntity, p } from '@mikro-orm/core';
import { cascadeDeletesTrigger } from './cascade-deletes.js';
import {
  GROUP_MEMBER_ATTRIBUTES,
  MEMBERSHIP_SOURCES,
  SEARCH_SCOPES,
  SYNC_KINDS,
} from '../domain/directory-kinds.js';
import { AUTHORIZATION_TYPES } from '../domain/identity-states.js';
import { CATALOGUE_STRATEGIES } from '../domain/role-states.js';
import { Directory } from './directory.entity.js';

export const SyncConfigSchema = defineEntity({
  name: 'SyncConfig',
  tableName: 'sync_config',
  triggers: [
    cascadeDeletesTrigger([
      'delete from synced_membership where sync_config_id = old.id;',
      'update identity_role set sync_config_id = null where sync_config_id = old.id;',
    ]),
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(200).unique(),
    kind: p.enum(SYNC_KINDS).default('DIRECTORY_SYNC'),
    directory: () => p.manyToOne(Directory).deleteRule('restrict'),
    usersBaseDn: p.text(),
    usersScope: p.enum(['BASE', 'ONE', 'SUB'] as const satisfies typeof SEARCH_SCOPES).default('SUB'),
    usersFilter: p.text(),
    loginAttribute: p.string().length(100),
    nameAttribute: p.string().length(100).nullable(),
    emailAttribute: p.string().length(100).nullable(),
    externalIdAttribute: p.string().length(100).nullable(),
    groupsBaseDn: p.text(),
    groupsScope: p.enum(['BASE', 'ONE', 'SUB'] as const satisfies typeof SEARCH_SCOPES).default('SUB'),
    groupsFilter: p.text(),
    groupNameAttribute: p.string().length(100).default('cn'),
    groupMemberAttribute: p.enum(GROUP_MEMBER_ATTRIBUTES).default('member'),
    membershipSource: p.enum(MEMBERSHIP_SOURCES).default('MEMBER_OF'),
    /** Create unregistered users found in a mapped group, with defaultAuthorizationType. */
    autoCreateUsers: p.boolean().default(false),
    /** Deactivate this directory's identities that are in no mapped group or no longer found. */
    autoDeactivateUsers: p.boolean().default(false),
    defaultAuthorizationType: p.enum(AUTHORIZATION_TYPES).default('LDAP'),
    /** Mappings apply transitively through nested groups (off: direct membership only, as the reference). */
    expandNestedGroups: p.boolean().default(false),
    /** A run that would deactivate or strip more than this share of identities waits for approval. */
    safetyThresholdPercent: p.integer().default(10),
    scheduleEnabled: p.boolean().default(false),
    scheduleIntervalMinutes: p.integer().nullable(),
    scheduleCron: p.text().nullable(),
    /** Skip entries unchanged since the last run (issue 9); always off with membership management. */
    differentialSync: p.boolean().default(true),
    /** Read only entries changed since the last successful run where the server allows it (issue 9). */
    incrementalReads: p.boolean().default(true),
    /** A full read (the only kind that sees deletions) at least this often; incremental runs in between. */
    fullSyncIntervalMinutes: p.integer().default(1440),
    // Role sync (kind ROLE_SYNC): groups become roles.
    roleDescriptionAttribute: p.string().length(100).nullable(),
    /** Membership management: roles are linked to the member system and its member attribute. */
    membershipManagement: p.boolean().default(false),
    memberDirectory: () => p.manyToOne(Directory).nullable().deleteRule('set null'),
    memberAttribute: p.string().length(100).nullable(),
    /** Resolve group members to identities and assign the roles (one request per identity). */
    assignRolesToIdentities: p.boolean().default(false),
    removeRolesNotInSystem: p.boolean().default(false),
    catalogueEnabled: p.boolean().default(false),
    /** Group attribute whose value is a catalogue path ("IT/Servers"); strategy ALL_UNDER_MAIN uses it. */
    catalogueAttribute: p.string().length(100).nullable(),
    catalogueMainNode: p.text().nullable(),
    catalogueStrategy: p.enum(CATALOGUE_STRATEGIES).default('ALL_UNDER_MAIN'),
    forwardProvisioning: p.boolean().default(false),
    skipValueIfContractExcluded: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class SyncConfig extends SyncConfigSchema.class {}
SyncConfigSchema.setClass(SyncConfig);
