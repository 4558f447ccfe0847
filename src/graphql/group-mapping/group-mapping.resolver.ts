import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import {
  Authorized,
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { GroupMappingType, LdapGroupType } from './group-mapping.type.js';

@InputType({ description: 'One LDAP group and every application group it maps to' })
class GroupMappingInput {
  @Field(() => String) @MaxLength(2000) ldapGroupDn!: string;
  @Field(() => [ID]) @ArrayMaxSize(1000) appGroupIds!: string[];
}

@ArgsType()
class LdapGroupsArgs {
  @Field(() => ID) syncConfigId!: string;
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => Int, { defaultValue: 100 }) @Min(1) @Max(1000) limit!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) offset!: number;
}

@Resolver()
export class GroupMappingResolver {
  @Authorized('VIEWER')
  @Query(() => [LdapGroupType], {
    description: 'Groups found by the newest run of the config, with their mappings',
  })
  async ldapGroups(
    @Args(() => LdapGroupsArgs) args: LdapGroupsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LdapGroupType[]> {
    const config = await ctx.syncConfigs.get(args.syncConfigId);
    const groups = await ctx.mappings.ldapGroups(config, args.search ?? null, args.limit, args.offset);
    return groups.map((group) => LdapGroupType.from(group));
  }

  @Authorized('VIEWER')
  @Query(() => [GroupMappingType])
  async groupMappings(
    @Arg('syncConfigId', () => ID) syncConfigId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupMappingType[]> {
    const config = await ctx.syncConfigs.get(syncConfigId);
    return (await ctx.mappings.list(config)).map((mapping) => GroupMappingType.from(mapping));
  }

  @Authorized('OPERATOR')
  @Mutation(() => [GroupMappingType], {
    description:
      'Replaces every mapping of the config in one transaction; nothing changes if any mapping is invalid',
  })
  async setGroupMappings(
    @Arg('syncConfigId', () => ID) syncConfigId: string,
    @Arg('mappings', () => [GroupMappingInput]) mappings: GroupMappingInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupMappingType[]> {
    const config = await ctx.syncConfigs.get(syncConfigId);
    return (await ctx.mappings.replace(config, mappings)).map((mapping) => GroupMappingType.from(mapping));
  }

  @Authorized('OPERATOR')
  @Mutation(() => [GroupMappingType])
  async addGroupMapping(
    @Arg('syncConfigId', () => ID) syncConfigId: string,
    @Arg('ldapGroupDn', () => String) ldapGroupDn: string,
    @Arg('appGroupId', () => ID) appGroupId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupMappingType[]> {
    const config = await ctx.syncConfigs.get(syncConfigId);
    return (await ctx.mappings.add(config, ldapGroupDn, appGroupId)).map((mapping) =>
      GroupMappingType.from(mapping),
    );
  }

  @Authorized('OPERATOR')
  @Mutation(() => [GroupMappingType])
  async removeGroupMapping(
    @Arg('syncConfigId', () => ID) syncConfigId: string,
    @Arg('ldapGroupDn', () => String) ldapGroupDn: string,
    @Arg('appGroupId', () => ID) appGroupId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GroupMappingType[]> {
    const config = await ctx.syncConfigs.get(syncConfigId);
    return (await ctx.mappings.remove(config, ldapGroupDn, appGroupId)).map((mapping) =>
      GroupMappingType.from(mapping),
    );
  }
}
