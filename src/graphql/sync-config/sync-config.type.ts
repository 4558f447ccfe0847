import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  GroupMemberAttribute,
  MembershipSource,
  SearchScope,
  SyncKind,
} from '../../domain/directory-kinds.js';
import type { SyncConfig } from '../../entities/sync-config.entity.js';
import { effectiveDifferentialSync, syncConfigFieldsOf } from '../../services/sync-config.service.js';
import type { AuthorizationType } from '../../domain/identity-states.js';
import type { CatalogueStrategy } from '../../domain/role-states.js';
import {
  AuthorizationTypeEnum,
  CatalogueStrategyEnum,
  GroupMemberAttributeEnum,
  MembershipSourceEnum,
  SearchScopeEnum,
  SyncKindEnum,
} from '../enums.js';

@ObjectType('SyncConfig', { description: 'What to read from a directory and how to map it' })
export class SyncConfigType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => SyncKindEnum) kind!: SyncKind;
  @Field(() => ID) directoryId!: string;
  @Field(() => String) usersBaseDn!: string;
  @Field(() => SearchScopeEnum) usersScope!: SearchScope;
  @Field(() => String) usersFilter!: string;
  @Field(() => String) loginAttribute!: string;
  @Field(() => String, { nullable: true }) nameAttribute!: string | null;
  @Field(() => String, { nullable: true }) emailAttribute!: string | null;
  @Field(() => String, { nullable: true }) externalIdAttribute!: string | null;
  @Field(() => String) groupsBaseDn!: string;
  @Field(() => SearchScopeEnum) groupsScope!: SearchScope;
  @Field(() => String) groupsFilter!: string;
  @Field(() => String) groupNameAttribute!: string;
  @Field(() => GroupMemberAttributeEnum) groupMemberAttribute!: GroupMemberAttribute;
  @Field(() => MembershipSourceEnum) membershipSource!: MembershipSource;
  @Field(() => Boolean) autoCreateUsers!: boolean;
  @Field(() => Boolean) autoDeactivateUsers!: boolean;
  @Field(() => AuthorizationTypeEnum) defaultAuthorizationType!: AuthorizationType;
  @Field(() => Boolean) expandNestedGroups!: boolean;
  @Field(() => Int) safetyThresholdPercent!: number;
  @Field(() => Boolean) scheduleEnabled!: boolean;
  @Field(() => Int, { nullable: true }) scheduleIntervalMinutes!: number | null;
  @Field(() => String, { nullable: true }) scheduleCron!: string | null;
  @Field(() => Boolean, { description: 'The setting; see effectiveDifferentialSync for what runs do' })
  differentialSync!: boolean;
  @Field(() => Boolean, { description: 'Whether runs really skip unchanged entries' })
  effectiveDifferentialSync!: boolean;
  @Field(() => String, { nullable: true, description: 'Why differential sync is off, when it is' })
  differentialSyncNote!: string | null;
  @Field(() => Boolean, { description: 'Read only changes between full reads, where the server allows it' })
  incrementalReads!: boolean;
  @Field(() => Int, { description: 'A full read at least this often (minutes)' })
  fullSyncIntervalMinutes!: number;
  @Field(() => String, { nullable: true }) roleDescriptionAttribute!: string | null;
  @Field(() => Boolean) membershipManagement!: boolean;
  @Field(() => ID, { nullable: true }) memberDirectoryId!: string | null;
  @Field(() => String, { nullable: true }) memberAttribute!: string | null;
  @Field(() => Boolean) assignRolesToIdentities!: boolean;
  @Field(() => Boolean) removeRolesNotInSystem!: boolean;
  @Field(() => Boolean) catalogueEnabled!: boolean;
  @Field(() => String, { nullable: true }) catalogueAttribute!: string | null;
  @Field(() => String, { nullable: true }) catalogueMainNode!: string | null;
  @Field(() => CatalogueStrategyEnum) catalogueStrategy!: CatalogueStrategy;
  @Field(() => Boolean) forwardProvisioning!: boolean;
  @Field(() => Boolean) skipValueIfContractExcluded!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(config: SyncConfig): SyncConfigType {
    const fields = syncConfigFieldsOf(config);
    const differential = effectiveDifferentialSync(config);
    return Object.assign(new SyncConfigType(), {
      ...fields,
      effectiveDifferentialSync: differential.enabled,
      differentialSyncNote: differential.note,
      roleDescriptionAttribute: fields.roleDescriptionAttribute ?? null,
      memberDirectoryId: fields.memberDirectoryId ?? null,
      memberAttribute: fields.memberAttribute ?? null,
      catalogueAttribute: fields.catalogueAttribute ?? null,
      catalogueMainNode: fields.catalogueMainNode ?? null,
      id: config.id,
      nameAttribute: fields.nameAttribute ?? null,
      emailAttribute: fields.emailAttribute ?? null,
      externalIdAttribute: fields.externalIdAttribute ?? null,
      scheduleIntervalMinutes: fields.scheduleIntervalMinutes ?? null,
      scheduleCron: fields.scheduleCron ?? null,
      createdAt: config.createdAt,
      updatedAt: config.updatedAt,
    });
  }
}
