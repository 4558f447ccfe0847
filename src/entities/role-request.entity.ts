import { defineEntity, p } from '@mikro-orm/core';
import {
  PROVISIONING_STATES,
  ROLE_REQUEST_ITEM_OPERATIONS,
  ROLE_REQUEST_ITEM_STATES,
  ROLE_REQUEST_STATES,
} from '../domain/role-states.js';
import { cascadeDeletesTrigger } from './cascade-deletes.js';
import { Identity } from './identity.entity.js';
import { Role } from './role.entity.js';

/**
 * All role changes of one identity from one run (or one manual change), executed together. This table
 * and role_request_item fill their pages only half (migration 20261201095956): each row is updated once,
 * on execution, and the room keeps that update on its page without new index entries.
 */
export const RoleRequestSchema = defineEntity({
  name: 'RoleRequest',
  tableName: 'role_request',
  triggers: [cascadeDeletesTrigger(['delete from role_request_item where request_id = old.id;'])],
  indexes: [{ properties: ['createdByRunId'] }, { properties: ['identity'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    identity: () => p.manyToOne(Identity).deleteRule('cascade'),
    state: p.enum(ROLE_REQUEST_STATES).default('CONCEPT'),
    resultCode: p.string().length(100),
    createdByRunId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    executedAt: p.datetime().nullable(),
  },
});

export class RoleRequest extends RoleRequestSchema.class {}
RoleRequestSchema.setClass(RoleRequest);

/**
 * One role change of a request. No foreign keys: a first role sync at 100k users writes a million items
 * in one statement, and two per-row FK checks took two thirds of it. Its writers (planSyncRequests and the
 * manual request) lock the role they refer to and write the request in the same transaction; deletes of
 * a request or a role take the items with them through their triggers (cascadeDeletesTrigger).
 */
export const RoleRequestItemSchema = defineEntity({
  name: 'RoleRequestItem',
  tableName: 'role_request_item',
  indexes: [{ properties: ['request'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    request: () => p.manyToOne(RoleRequest).createForeignKeyConstraint(false),
    role: () => p.manyToOne(Role).createForeignKeyConstraint(false),
    operation: p.enum(ROLE_REQUEST_ITEM_OPERATIONS),
    state: p.enum(ROLE_REQUEST_ITEM_STATES).default('PENDING'),
    error: p.text().nullable(),
    provisioningState: p.enum(PROVISIONING_STATES).default('NOT_NEEDED'),
    provisioningMessage: p.text().nullable(),
  },
});

export class RoleRequestItem extends RoleRequestItemSchema.class {}
RoleRequestItemSchema.setClass(RoleRequestItem);
