import { defineEntity, p } from '@mikro-orm/core';
import { AppGroup } from './app-group.entity.js';
import { Identity } from './identity.entity.js';
import { SyncConfig } from './sync-config.entity.js';

/** A membership given by hand. Syncs never touch these. */
export const ManualMembershipSchema = defineEntity({
  name: 'ManualMembership',
  tableName: 'manual_membership',
  properties: {
    identity: () => p.manyToOne(Identity).primary().deleteRule('cascade'),
    appGroup: () => p.manyToOne(AppGroup).primary().deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ManualMembership extends ManualMembershipSchema.class {}
ManualMembershipSchema.setClass(ManualMembership);

/**
 * A membership given by a sync config through one mapped LDAP group. An identity is in an application
 * group while any manual or synced row says so; a sync adds and removes only its own rows.
 *
 * No foreign keys: a first sync at 100k users inserts a million rows, and three per-row FK checks took
 * more than half of that insert. Integrity is kept set-based instead: the apply (its only writer) locks
 * the rows it refers to and inserts only rows whose parents exist; deleting an identity, app group or sync
 * config deletes their rows through its trigger (cascadeDeletesTrigger).
 */
export const SyncedMembershipSchema = defineEntity({
  name: 'SyncedMembership',
  tableName: 'synced_membership',
  indexes: [{ properties: ['syncConfig', 'identity'] }],
  properties: {
    identity: () => p.manyToOne(Identity).primary().createForeignKeyConstraint(false),
    appGroup: () => p.manyToOne(AppGroup).primary().createForeignKeyConstraint(false),
    syncConfig: () => p.manyToOne(SyncConfig).primary().createForeignKeyConstraint(false),
    ldapGroupDnNorm: p.text().primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class SyncedMembership extends SyncedMembershipSchema.class {}
SyncedMembershipSchema.setClass(SyncedMembership);
