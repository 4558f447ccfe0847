import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  GroupMemberAttribute,
  MembershipSource,
  SearchScope,
  SyncKind,
} from '../../domain/directory-kinds.js';
import type { SyncConfig } from '../../entities/sync-config.entity.js';
import { syncConfigFieldsOf } from '../../services/sync-config.service.js';
import type { AuthorizationType } from '../../domain/identity-states.js';
import {
  AuthorizationTypeEnum,
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
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(config: SyncConfig): SyncConfigType {
    const fields = syncConfigFieldsOf(config);
    return Object.assign(new SyncConfigType(), {
      ...fields,
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
