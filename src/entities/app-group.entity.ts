import { defineEntity, p } from '@mikro-orm/core';

/** A group of the application that LDAP groups are mapped to. */
export const AppGroupSchema = defineEntity({
  name: 'AppGroup',
  tableName: 'app_group',
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
