import { Field, ID, ObjectType } from 'type-graphql';
import type { GroupMemberAttribute, MembershipSource, SearchScope, SyncKind } from '../../domain/directory-kinds.js';
import type { SyncConfig } from '../../entities/sync-config.entity.js';
import { GroupMemberAttributeEnum, MembershipSourceEnum, SearchScopeEnum, SyncKindEnum } from '../enums.js';

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
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;

  static from(config: SyncConfig): SyncConfigType {
    return Object.assign(new SyncConfigType(), {
      id: config.id,
      name: config.name,
      kind: config.kind,
      directoryId: config.directory.id,
      usersBaseDn: config.usersBaseDn,
      usersScope: config.usersScope,
      usersFilter: config.usersFilter,
      loginAttribute: config.loginAttribute,
      nameAttribute: config.nameAttribute ?? null,
      emailAttribute: config.emailAttribute ?? null,
      externalIdAttribute: config.externalIdAttribute ?? null,
      groupsBaseDn: config.groupsBaseDn,
      groupsScope: config.groupsScope,
      groupsFilter: config.groupsFilter,
      groupNameAttribute: config.groupNameAttribute,
      groupMemberAttribute: config.groupMemberAttribute,
      membershipSource: config.membershipSource,
      createdAt: config.createdAt,
      updatedAt: config.updatedAt,
    });
  }
}
