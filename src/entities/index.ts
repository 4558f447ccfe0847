import { ApiTokenSchema } from './api-token.entity.js';
import { AppGroupSchema } from './app-group.entity.js';
import { ContractSchema } from './contract.entity.js';
import { IdentityRoleSchema } from './identity-role.entity.js';
import { MemberLookupSchema } from './member-lookup.entity.js';
import { RoleCatalogueNodeSchema, RoleCataloguePlacementSchema } from './role-catalogue.entity.js';
import { RoleRequestItemSchema, RoleRequestSchema } from './role-request.entity.js';
import { RoleSchema } from './role.entity.js';
import { DirectorySchema } from './directory.entity.js';
import { GroupMappingSchema } from './group-mapping.entity.js';
import { ManualMembershipSchema, SyncedMembershipSchema } from './group-membership.entity.js';
import { IdentitySchema } from './identity.entity.js';
import { RunLogSchema } from './run-log.entity.js';
import { PlanIdentitySchema, PlanMembershipSchema } from './run-plan.entity.js';
import { StagedGroupSchema } from './staged-group.entity.js';
import { StagedUserSchema } from './staged-user.entity.js';
import { SyncConfigSchema } from './sync-config.entity.js';
import { SyncRunSchema } from './sync-run.entity.js';

export { Directory } from './directory.entity.js';
export { SyncConfig } from './sync-config.entity.js';
export { SyncRun } from './sync-run.entity.js';
export { AppGroup } from './app-group.entity.js';
export { GroupMapping } from './group-mapping.entity.js';
export { Identity } from './identity.entity.js';

/** Every entity schema, for the ORM config (explicit: no folder scanning at start-up). */
export const ENTITY_SCHEMAS = [
  DirectorySchema,
  SyncConfigSchema,
  SyncRunSchema,
  StagedUserSchema,
  StagedGroupSchema,
  IdentitySchema,
  AppGroupSchema,
  GroupMappingSchema,
  ManualMembershipSchema,
  SyncedMembershipSchema,
  PlanIdentitySchema,
  PlanMembershipSchema,
  RunLogSchema,
  RoleSchema,
  RoleCatalogueNodeSchema,
  RoleCataloguePlacementSchema,
  ContractSchema,
  IdentityRoleSchema,
  RoleRequestSchema,
  RoleRequestItemSchema,
  MemberLookupSchema,
  ApiTokenSchema,
];
