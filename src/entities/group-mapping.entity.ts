import { defineEntity, p } from '@mikro-orm/core';
import { AppGroup } from './app-group.entity.js';
import { SyncConfig } from './sync-config.entity.js';

/** One LDAP group (by normalized DN, never by name) mapped to one application group; a group may map to many. */
export const GroupMappingSchema = defineEntity({
  name: 'GroupMapping',
  tableName: 'group_mapping',
  properties: {
    syncConfig: () => p.manyToOne(SyncConfig).primary().deleteRule('cascade'),
    ldapGroupDnNorm: p.text().primary(),
    appGroup: () => p.manyToOne(AppGroup).primary().deleteRule('cascade'),
    /** The DN as the operator gave it, for display. */
    ldapGroupDn: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class GroupMapping extends GroupMappingSchema.class {}
GroupMappingSchema.setClass(GroupMapping);
