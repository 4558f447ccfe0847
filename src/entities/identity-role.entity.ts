import { defineEntity, p } from '@mikro-orm/core';
import { IDENTITY_ROLE_ORIGINS } from '../domain/role-states.js';
import { Contract } from './contract.entity.js';
import { Identity } from './identity.entity.js';
import { Role } from './role.entity.js';
import { SyncConfig } from './sync-config.entity.js';

/**
 * A role held by an identity through one of its contracts. No foreign keys, like synced_membership: a
 * first role sync at 100k users writes a million rows, and four per-row FK checks doubled that insert.
 * Its one writer (RoleRequestRepository.executeRequests) locks the rows it refers to and inserts only
 * rows whose parents exist; deletes of the parents cascade (or clear syncConfig) through their
 * triggers (cascadeDeletesTrigger).
 */
export const IdentityRoleSchema = defineEntity({
  name: 'IdentityRole',
  tableName: 'identity_role',
  uniques: [{ properties: ['contract', 'role'] }],
  indexes: [{ properties: ['role'] }, { properties: ['identity'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    identity: () => p.manyToOne(Identity).createForeignKeyConstraint(false),
    contract: () => p.manyToOne(Contract).createForeignKeyConstraint(false),
    role: () => p.manyToOne(Role).createForeignKeyConstraint(false),
    origin: p.enum(IDENTITY_ROLE_ORIGINS),
    syncConfig: () => p.manyToOne(SyncConfig).nullable().createForeignKeyConstraint(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class IdentityRole extends IdentityRoleSchema.class {}
IdentityRoleSchema.setClass(IdentityRole);
