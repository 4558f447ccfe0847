import { defineEntity, p } from '@mikro-orm/core';
import { Role } from './role.entity.js';

/** A node of the role catalogue tree; its code is its full path, so a path names one node only. */
export const RoleCatalogueNodeSchema = defineEntity({
  name: 'RoleCatalogueNode',
  tableName: 'role_catalogue_node',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.text(),
    code: p.string().length(1000).unique(),
    parent: () => p.manyToOne(RoleCatalogueNode).nullable().deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class RoleCatalogueNode extends RoleCatalogueNodeSchema.class {}
RoleCatalogueNodeSchema.setClass(RoleCatalogueNode);

export const RoleCataloguePlacementSchema = defineEntity({
  name: 'RoleCataloguePlacement',
  tableName: 'role_catalogue_placement',
  properties: {
    role: () => p.manyToOne(Role).primary().deleteRule('cascade'),
    node: () => p.manyToOne(RoleCatalogueNode).primary().deleteRule('cascade'),
  },
});

export class RoleCataloguePlacement extends RoleCataloguePlacementSchema.class {}
RoleCataloguePlacementSchema.setClass(RoleCataloguePlacement);
