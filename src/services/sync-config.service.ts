import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthorizationType } from '../domain/identity-states.js';
import { MAX_FULL_SYNC_INTERVAL_MINUTES } from '../domain/read-modes.js';
import type { CatalogueStrategy } from '../domain/role-states.js';
import type {
  GroupMemberAttribute,
  MembershipSource,
  SearchScope,
  SyncKind,
} from '../domain/directory-kinds.js';
import { Directory } from '../entities/directory.entity.js';
import { SyncConfig } from '../entities/sync-config.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { requireAttributeName, requireDn, requireFilter, requireRange } from './input-rules.js';
import { checkedSchedule } from './schedule-rules.js';
import { mergeChanges } from './merge-changes.js';
import type { SyncScheduler } from './sync-scheduler.js';
import { flushOrExplain } from './orm-errors.js';

export interface SyncConfigFields {
  name: string;
  kind: SyncKind;
  directoryId: string;
  usersBaseDn: string;
  usersScope: SearchScope;
  usersFilter: string;
  loginAttribute: string;
  nameAttribute?: string | null;
  emailAttribute?: string | null;
  externalIdAttribute?: string | null;
  groupsBaseDn: string;
  groupsScope: SearchScope;
  groupsFilter: string;
  groupNameAttribute: string;
  groupMemberAttribute: GroupMemberAttribute;
  membershipSource: MembershipSource;
  autoCreateUsers: boolean;
  autoDeactivateUsers: boolean;
  defaultAuthorizationType: AuthorizationType;
  expandNestedGroups: boolean;
  safetyThresholdPercent: number;
  scheduleEnabled: boolean;
  scheduleIntervalMinutes?: number | null;
  scheduleCron?: string | null;
  differentialSync: boolean;
  incrementalReads: boolean;
  fullSyncIntervalMinutes: number;
  roleDescriptionAttribute?: string | null;
  membershipManagement: boolean;
  memberDirectoryId?: string | null;
  memberAttribute?: string | null;
  assignRolesToIdentities: boolean;
  removeRolesNotInSystem: boolean;
  catalogueEnabled: boolean;
  catalogueAttribute?: string | null;
  catalogueMainNode?: string | null;
  catalogueStrategy: CatalogueStrategy;
  forwardProvisioning: boolean;
  skipValueIfContractExcluded: boolean;
}

/** The editable fields of a stored config (what an update starts from and the API shows). */
export function syncConfigFieldsOf(config: SyncConfig): SyncConfigFields {
  return {
    name: config.name,
    kind: config.kind,
    directoryId: config.directory.id,
    usersBaseDn: config.usersBaseDn,
    usersScope: config.usersScope,
    usersFilter: config.usersFilter,
    loginAttribute: config.loginAttribute,
    nameAttribute: config.nameAttribute,
    emailAttribute: config.emailAttribute,
    externalIdAttribute: config.externalIdAttribute,
    groupsBaseDn: config.groupsBaseDn,
    groupsScope: config.groupsScope,
    groupsFilter: config.groupsFilter,
    groupNameAttribute: config.groupNameAttribute,
    groupMemberAttribute: config.groupMemberAttribute,
    membershipSource: config.membershipSource,
    autoCreateUsers: config.autoCreateUsers,
    autoDeactivateUsers: config.autoDeactivateUsers,
    defaultAuthorizationType: config.defaultAuthorizationType,
    expandNestedGroups: config.expandNestedGroups,
    safetyThresholdPercent: config.safetyThresholdPercent,
    scheduleEnabled: config.scheduleEnabled,
    scheduleIntervalMinutes: config.scheduleIntervalMinutes,
    scheduleCron: config.scheduleCron,
    differentialSync: config.differentialSync,
    incrementalReads: config.incrementalReads,
    fullSyncIntervalMinutes: config.fullSyncIntervalMinutes,
    roleDescriptionAttribute: config.roleDescriptionAttribute,
    membershipManagement: config.membershipManagement,
    memberDirectoryId: config.memberDirectory?.id ?? null,
    memberAttribute: config.memberAttribute,
    assignRolesToIdentities: config.assignRolesToIdentities,
    removeRolesNotInSystem: config.removeRolesNotInSystem,
    catalogueEnabled: config.catalogueEnabled,
    catalogueAttribute: config.catalogueAttribute,
    catalogueMainNode: config.catalogueMainNode,
    catalogueStrategy: config.catalogueStrategy,
    forwardProvisioning: config.forwardProvisioning,
    skipValueIfContractExcluded: config.skipValueIfContractExcluded,
  };
}

/**
 * Membership management makes every run full (the reference switches differential sync off with it):
 * the effective setting and the reason, for the API to show.
 */
export function effectiveDifferentialSync(config: SyncConfig): { enabled: boolean; note: string | null } {
  if (config.membershipManagement) {
    return { enabled: false, note: 'Off: membership management is on, so every run is a full run.' };
  }
  if (config.kind === 'ROLE_SYNC') {
    return { enabled: false, note: 'Off: a role sync plans every group on each run.' };
  }
  return { enabled: config.differentialSync, note: null };
}

const CLEARABLE = new Set<keyof SyncConfigFields>([
  'nameAttribute',
  'emailAttribute',
  'externalIdAttribute',
  'scheduleIntervalMinutes',
  'scheduleCron',
  'roleDescriptionAttribute',
  'memberDirectoryId',
  'memberAttribute',
  'catalogueAttribute',
  'catalogueMainNode',
]);

const CONSTRAINTS = {
  unique: 'A sync config with this name already exists.',
  inUse: 'The sync config is still referenced.',
};

export class SyncConfigService {
  constructor(
    private readonly em: EntityManager,
    private readonly scheduler: SyncScheduler,
  ) {}

  list(directoryId?: string): Promise<SyncConfig[]> {
    return this.em.find(SyncConfig, directoryId === undefined ? {} : { directory: directoryId }, {
      orderBy: { name: 'asc' },
      populate: ['directory'],
    });
  }

  async get(id: string): Promise<SyncConfig> {
    const config = await this.em.findOne(SyncConfig, { id }, { populate: ['directory'] });
    if (config === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Sync config ${id} does not exist.`, { details: { id } });
    return config;
  }

  async create(fields: SyncConfigFields): Promise<SyncConfig> {
    const checked = await this.checked(fields);
    const config = this.em.create(SyncConfig, checked);
    await this.flush();
    await this.scheduler.apply(config);
    return config;
  }

  async update(
    id: string,
    changes: { [K in keyof SyncConfigFields]?: SyncConfigFields[K] | null },
  ): Promise<SyncConfig> {
    const config = await this.get(id);
    this.em.assign(config, await this.checked(mergeChanges(syncConfigFieldsOf(config), changes, CLEARABLE)));
    await this.flush();
    await this.scheduler.apply(config);
    return config;
  }

  async delete(id: string): Promise<boolean> {
    const config = await this.get(id);
    this.em.remove(config);
    await this.flush();
    await this.scheduler.remove(id);
    return true;
  }

  private async checked(fields: SyncConfigFields) {
    const directory = await this.requireDirectory(fields.directoryId, 'directoryId');
    const optionalAttribute = (field: string, value: string | null | undefined): string | null =>
      value == null || value.trim() === '' ? null : requireAttributeName(field, value);
    return {
      name: fields.name.trim(),
      kind: fields.kind,
      directory,
      usersBaseDn: requireDn('usersBaseDn', fields.usersBaseDn),
      usersScope: fields.usersScope,
      usersFilter: requireFilter('usersFilter', fields.usersFilter),
      loginAttribute: requireAttributeName('loginAttribute', fields.loginAttribute),
      nameAttribute: optionalAttribute('nameAttribute', fields.nameAttribute),
      emailAttribute: optionalAttribute('emailAttribute', fields.emailAttribute),
      externalIdAttribute: optionalAttribute('externalIdAttribute', fields.externalIdAttribute),
      groupsBaseDn: requireDn('groupsBaseDn', fields.groupsBaseDn),
      groupsScope: fields.groupsScope,
      groupsFilter: requireFilter('groupsFilter', fields.groupsFilter),
      groupNameAttribute: requireAttributeName('groupNameAttribute', fields.groupNameAttribute),
      groupMemberAttribute: fields.groupMemberAttribute,
      membershipSource: fields.membershipSource,
      autoCreateUsers: fields.autoCreateUsers,
      autoDeactivateUsers: fields.autoDeactivateUsers,
      defaultAuthorizationType: fields.defaultAuthorizationType,
      expandNestedGroups: fields.expandNestedGroups,
      safetyThresholdPercent: requireRange('safetyThresholdPercent', fields.safetyThresholdPercent, 0, 100),
      ...checkedSchedule(fields),
      differentialSync: fields.differentialSync,
      incrementalReads: fields.incrementalReads,
      fullSyncIntervalMinutes: requireRange(
        'fullSyncIntervalMinutes',
        fields.fullSyncIntervalMinutes,
        1,
        MAX_FULL_SYNC_INTERVAL_MINUTES,
      ),
      roleDescriptionAttribute: optionalAttribute(
        'roleDescriptionAttribute',
        fields.roleDescriptionAttribute,
      ),
      membershipManagement: fields.membershipManagement,
      memberDirectory:
        fields.memberDirectoryId == null
          ? null
          : await this.requireDirectory(fields.memberDirectoryId, 'memberDirectoryId'),
      memberAttribute: optionalAttribute('memberAttribute', fields.memberAttribute),
      assignRolesToIdentities: fields.assignRolesToIdentities,
      removeRolesNotInSystem: fields.removeRolesNotInSystem,
      catalogueEnabled: fields.catalogueEnabled,
      catalogueAttribute: optionalAttribute('catalogueAttribute', fields.catalogueAttribute),
      catalogueMainNode:
        fields.catalogueMainNode == null || fields.catalogueMainNode.trim() === ''
          ? null
          : fields.catalogueMainNode.trim(),
      catalogueStrategy: fields.catalogueStrategy,
      forwardProvisioning: fields.forwardProvisioning,
      skipValueIfContractExcluded: fields.skipValueIfContractExcluded,
    };
  }

  private async requireDirectory(id: string, field: string): Promise<Directory> {
    const directory = await this.em.findOne(Directory, { id });
    if (directory === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Directory ${id} does not exist.`, { details: { field } });
    return directory;
  }

  private flush(): Promise<void> {
    return flushOrExplain(this.em, CONSTRAINTS);
  }
}
