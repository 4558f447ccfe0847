import { defineEntity, p } from '@mikro-orm/core';
import { cascadeDeletesTrigger } from './cascade-deletes.js';
import { AUTHORIZATION_TYPES, DEACTIVATION_REASONS } from '../domain/identity-states.js';
import { Directory } from './directory.entity.js';

/** A person known to the application; from a directory (sourceDirectory set) or registered locally. */
export const IdentitySchema = defineEntity({
  name: 'Identity',
  tableName: 'identity',
  triggers: [
    cascadeDeletesTrigger([
      'delete from synced_membership where identity_id = old.id;',
      'delete from identity_role where identity_id = old.id;',
    ]),
  ],
  uniques: [
    { properties: ['sourceDirectory', 'externalId'] },
    {
      name: 'identity_login_lower_unique',
      expression: 'create unique index "identity_login_lower_unique" on "identity" (lower("login"))',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    /** Unique case-insensitively (index on lower(login) in the migration). */
    login: p.text(),
    displayName: p.text().nullable(),
    email: p.text().nullable(),
    sourceDirectory: () => p.manyToOne(Directory).nullable().deleteRule('set null'),
    /** The entry's stable id in the directory (objectGUID, entryUUID, ...): renames keep the identity. */
    externalId: p.text().nullable(),
    dn: p.text().nullable(),
    /** Canonical DN: role sync finds member DNs here before it looks them up in the directory. */
    dnNorm: p.text().nullable().index(),
    authorizationType: p.enum(AUTHORIZATION_TYPES).default('LOCAL'),
    active: p.boolean().default(true),
    deactivationReason: p.enum(DEACTIVATION_REASONS).nullable(),
    deactivatedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Identity extends IdentitySchema.class {}
IdentitySchema.setClass(Identity);
