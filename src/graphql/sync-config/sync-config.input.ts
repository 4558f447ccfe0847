import { IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  GroupMemberAttribute,
  MembershipSource,
  SearchScope,
  SyncKind,
} from '../../domain/directory-kinds.js';
import type { AuthorizationType } from '../../domain/identity-states.js';
import { MAX_FULL_SYNC_INTERVAL_MINUTES } from '../../domain/read-modes.js';
import type { CatalogueStrategy } from '../../domain/role-states.js';
import {
  AuthorizationTypeEnum,
  CatalogueStrategyEnum,
  GroupMemberAttributeEnum,
  MembershipSourceEnum,
  SearchScopeEnum,
  SyncKindEnum,
} from '../enums.js';

const DN_MAX = 2000;
const FILTER_MAX = 10_000;
const ATTRIBUTE_MAX = 100;

@InputType({
  description: 'A new sync config. DNs and filters are checked for syntax before anything is stored.',
})
export class CreateSyncConfigInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => SyncKindEnum, { defaultValue: 'DIRECTORY_SYNC' }) kind!: SyncKind;
  @Field(() => ID) directoryId!: string;
  @Field(() => String) @MaxLength(DN_MAX) usersBaseDn!: string;
  @Field(() => SearchScopeEnum, { defaultValue: 'SUB' }) usersScope!: SearchScope;
  @Field(() => String) @Length(1, FILTER_MAX) usersFilter!: string;
  @Field(() => String) @Length(1, ATTRIBUTE_MAX) loginAttribute!: string;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) nameAttribute?:
    string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) emailAttribute?:
    string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) externalIdAttribute?:
    string | null;
  @Field(() => String) @MaxLength(DN_MAX) groupsBaseDn!: string;
  @Field(() => SearchScopeEnum, { defaultValue: 'SUB' }) groupsScope!: SearchScope;
  @Field(() => String) @Length(1, FILTER_MAX) groupsFilter!: string;
  @Field(() => String, { defaultValue: 'cn' }) @Length(1, ATTRIBUTE_MAX) groupNameAttribute!: string;
  @Field(() => GroupMemberAttributeEnum, { defaultValue: 'member' })
  groupMemberAttribute!: GroupMemberAttribute;
  @Field(() => MembershipSourceEnum, { defaultValue: 'MEMBER_OF' }) membershipSource!: MembershipSource;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Create unregistered users found in a mapped group',
  })
  autoCreateUsers!: boolean;
  @Field(() => Boolean, {
    defaultValue: false,
    description: "Deactivate this directory's identities in no mapped group",
  })
  autoDeactivateUsers!: boolean;
  @Field(() => AuthorizationTypeEnum, { defaultValue: 'LDAP' }) defaultAuthorizationType!: AuthorizationType;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Apply mappings through nested groups (transitively)',
  })
  expandNestedGroups!: boolean;
  @Field(() => Int, {
    defaultValue: 10,
    description: 'Share of identities (%) a run may deactivate or strip before it waits for approval',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  safetyThresholdPercent!: number;
  @Field(() => Boolean, { defaultValue: false }) scheduleEnabled!: boolean;
  @IsOptional() @Field(() => Int, { nullable: true }) @IsInt() @Min(1) scheduleIntervalMinutes?:
    number | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(200) scheduleCron?: string | null;
  @Field(() => Boolean, {
    defaultValue: true,
    description: 'Skip unchanged entries (always off with membership management)',
  })
  differentialSync!: boolean;
  @Field(() => Boolean, {
    defaultValue: true,
    description:
      'Read only entries changed since the last successful run (modifyTimestamp, or uSNChanged on AD) between full reads',
  })
  incrementalReads!: boolean;
  @Field(() => Int, {
    defaultValue: 1440,
    description: 'A full read (the only one that sees deletions) at least this often; default daily',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_FULL_SYNC_INTERVAL_MINUTES)
  fullSyncIntervalMinutes!: number;
  @IsOptional()
  @Field(() => String, { nullable: true, description: 'Role sync: group attribute for the role description' })
  @MaxLength(ATTRIBUTE_MAX)
  roleDescriptionAttribute?: string | null;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Role sync: link roles to the member system (provisioning)',
  })
  membershipManagement!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'Role sync: the member system (default: the same directory)',
  })
  memberDirectoryId?: string | null;
  @IsOptional()
  @Field(() => String, {
    nullable: true,
    description: 'Role sync: member attribute on the member system (default: groupMemberAttribute)',
  })
  @MaxLength(ATTRIBUTE_MAX)
  memberAttribute?: string | null;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Role sync: resolve members and assign the roles',
  })
  assignRolesToIdentities!: boolean;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Role sync: remove synced roles of identities no longer members',
  })
  removeRolesNotInSystem!: boolean;
  @Field(() => Boolean, { defaultValue: false }) catalogueEnabled!: boolean;
  @IsOptional()
  @Field(() => String, {
    nullable: true,
    description: 'Group attribute holding a catalogue path ("IT/Servers")',
  })
  @MaxLength(ATTRIBUTE_MAX)
  catalogueAttribute?: string | null;
  @IsOptional()
  @Field(() => String, { nullable: true, description: 'Path of the main node everything goes under' })
  @MaxLength(1000)
  catalogueMainNode?: string | null;
  @Field(() => CatalogueStrategyEnum, { defaultValue: 'ALL_UNDER_MAIN' })
  catalogueStrategy!: CatalogueStrategy;
  @Field(() => Boolean, { defaultValue: false }) forwardProvisioning!: boolean;
  @Field(() => Boolean, { defaultValue: false }) skipValueIfContractExcluded!: boolean;
}

@InputType({ description: 'Changes to a sync config; omitted fields keep their value.' })
export class UpdateSyncConfigInput {
  @IsOptional() @Field(() => String, { nullable: true }) @Length(1, 200) name?: string;
  @Field(() => ID, { nullable: true }) directoryId?: string;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(DN_MAX) usersBaseDn?: string;
  @Field(() => SearchScopeEnum, { nullable: true }) usersScope?: SearchScope;
  @IsOptional() @Field(() => String, { nullable: true }) @Length(1, FILTER_MAX) usersFilter?: string;
  @IsOptional() @Field(() => String, { nullable: true }) @Length(1, ATTRIBUTE_MAX) loginAttribute?: string;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) nameAttribute?:
    string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) emailAttribute?:
    string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) externalIdAttribute?:
    string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(DN_MAX) groupsBaseDn?: string;
  @Field(() => SearchScopeEnum, { nullable: true }) groupsScope?: SearchScope;
  @IsOptional() @Field(() => String, { nullable: true }) @Length(1, FILTER_MAX) groupsFilter?: string;
  @IsOptional()
  @Field(() => String, { nullable: true })
  @Length(1, ATTRIBUTE_MAX)
  groupNameAttribute?: string;
  @Field(() => GroupMemberAttributeEnum, { nullable: true }) groupMemberAttribute?: GroupMemberAttribute;
  @Field(() => MembershipSourceEnum, { nullable: true }) membershipSource?: MembershipSource;
  @Field(() => Boolean, { nullable: true }) autoCreateUsers?: boolean;
  @Field(() => Boolean, { nullable: true }) autoDeactivateUsers?: boolean;
  @Field(() => AuthorizationTypeEnum, { nullable: true }) defaultAuthorizationType?: AuthorizationType;
  @Field(() => Boolean, { nullable: true }) expandNestedGroups?: boolean;
  @IsOptional()
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(0)
  @Max(100)
  safetyThresholdPercent?: number;
  @Field(() => Boolean, { nullable: true }) scheduleEnabled?: boolean;
  @IsOptional() @Field(() => Int, { nullable: true }) @IsInt() @Min(1) scheduleIntervalMinutes?:
    number | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(200) scheduleCron?: string | null;
  @Field(() => Boolean, { nullable: true }) differentialSync?: boolean;
  @Field(() => Boolean, { nullable: true }) incrementalReads?: boolean;
  @IsOptional()
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(MAX_FULL_SYNC_INTERVAL_MINUTES)
  fullSyncIntervalMinutes?: number;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) roleDescriptionAttribute?:
    string | null;
  @Field(() => Boolean, { nullable: true }) membershipManagement?: boolean;
  @Field(() => ID, { nullable: true }) memberDirectoryId?: string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) memberAttribute?:
    string | null;
  @Field(() => Boolean, { nullable: true }) assignRolesToIdentities?: boolean;
  @Field(() => Boolean, { nullable: true }) removeRolesNotInSystem?: boolean;
  @Field(() => Boolean, { nullable: true }) catalogueEnabled?: boolean;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(ATTRIBUTE_MAX) catalogueAttribute?:
    string | null;
  @IsOptional() @Field(() => String, { nullable: true }) @MaxLength(1000) catalogueMainNode?: string | null;
  @Field(() => CatalogueStrategyEnum, { nullable: true }) catalogueStrategy?: CatalogueStrategy;
  @Field(() => Boolean, { nullable: true }) forwardProvisioning?: boolean;
  @Field(() => Boolean, { nullable: true }) skipValueIfContractExcluded?: boolean;
}
