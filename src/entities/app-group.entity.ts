import { defineEntity, p } from '@mikro-orm/core';
import { cascadeDeletesTrigger } from './cascade-deletes.js';

/** A group of the application that LDAP groups are mapped to. */
export const AppGroupSchema = defineEntity({
  name: 'AppGroup',
  tableName: 'app_group',
  triggers: [cascadeDeletesTrigger(['delete from synced_membership where app_group_id = old.id;'])],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(200).unique(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class AppGroup extends AppGroupSchema.class {}
AppGroupSchema.setClass(AppGroup);
