import { defineEntity, p } from '@mikro-orm/core';
import { IDENTITY_ROLE_ORIGINS } from '../domain/role-states.js';
import { Contract } from './contract.entity.js';
import { Identity } from './identity.entity.js';
import { Role } from './role.entity.js';
import { SyncConfig } from './sync-config.entity.js';

/** A role held by an identity through one of its contracts. */
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
    identity: () => p.manyToOne(Identity).deleteRule('cascade'),
    contract: () => p.manyToOne(Contract).deleteRule('cascade'),
    role: () => p.manyToOne(Role).deleteRule('cascade'),
    origin: p.enum(IDENTITY_ROLE_ORIGINS),
    syncConfig: () => p.manyToOne(SyncConfig).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class IdentityRole extends IdentityRoleSchema.class {}
IdentityRoleSchema.setClass(IdentityRole);
