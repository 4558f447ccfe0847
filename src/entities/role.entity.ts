import { defineEntity, p } from '@mikro-orm/core';
import { cascadeDeletesTrigger } from './cascade-deletes.js';
import { Directory } from './directory.entity.js';
import { SyncConfig } from './sync-config.entity.js';

/** An application role; a synced one keeps its LDAP group's normalized DN as its identifier on the system. */
export const RoleSchema = defineEntity({
  name: 'Role',
  tableName: 'role',
  triggers: [
    cascadeDeletesTrigger([
      'delete from identity_role where role_id = old.id;',
      'delete from role_request_item where role_id = old.id;',
    ]),
  ],
  uniques: [{ properties: ['sourceDirectory', 'systemIdentifier'] }],
  indexes: [
    {
      // A role sync compares every group name with the role codes case-insensitively.
      name: 'role_code_lower_index',
      expression: 'create index "role_code_lower_index" on "role" (lower("code"))',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.text(),
    code: p.string().length(400).unique(),
    description: p.text().nullable(),
    sourceDirectory: () => p.manyToOne(Directory).nullable().deleteRule('set null'),
    syncConfig: () => p.manyToOne(SyncConfig).nullable().deleteRule('set null'),
    /** Normalized DN of the group the role came from. */
    systemIdentifier: p.text().nullable(),
    /** Membership management: the member system, its member attribute and the value naming the role there. */
    memberDirectory: () => p.manyToOne(Directory).nullable().deleteRule('set null'),
    memberAttribute: p.string().length(100).nullable(),
    roleMembershipId: p.text().nullable(),
    forwardProvisioning: p.boolean().default(false),
    skipValueIfContractExcluded: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Role extends RoleSchema.class {}
RoleSchema.setClass(Role);
