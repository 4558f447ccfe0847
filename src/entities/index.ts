import { DirectorySchema } from './directory.entity.js';
import { StagedGroupMemberSchema } from './staged-group-member.entity.js';
import { StagedGroupSchema } from './staged-group.entity.js';
import { StagedUserSchema } from './staged-user.entity.js';
import { SyncConfigSchema } from './sync-config.entity.js';
import { SyncRunSchema } from './sync-run.entity.js';

export { Directory } from './directory.entity.js';
export { SyncConfig } from './sync-config.entity.js';
export { SyncRun } from './sync-run.entity.js';

/** Every entity schema, for the ORM config (explicit: no folder scanning at start-up). */
export const ENTITY_SCHEMAS = [
  DirectorySchema,
  SyncConfigSchema,
  SyncRunSchema,
  StagedUserSchema,
  StagedGroupSchema,
  StagedGroupMemberSchema,
];
