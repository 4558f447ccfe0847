import { IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  GroupMemberAttribute,
  MembershipSource,
  SearchScope,
  SyncKind,
} from '../../domain/directory-kinds.js';
import type { AuthorizationType } from '../../domain/identity-states.js';
import {
  AuthorizationTypeEnum,
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
}
