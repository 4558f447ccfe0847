import { Length, MaxLength } from 'class-validator';
import { Authorized, Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { AppGroupType } from './app-group.type.js';

@InputType()
class AppGroupInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String, { nullable: true }) @MaxLength(2000) description?: string | null;
}

@Resolver(() => AppGroupType)
export class AppGroupResolver {
  @Authorized('VIEWER')
  @Query(() => [AppGroupType], { description: 'Application groups, by name' })
  async appGroups(@Ctx() ctx: GraphQLContext): Promise<AppGroupType[]> {
    return (await ctx.appGroups.list()).map((group) => AppGroupType.from(group));
  }

  @Authorized('OPERATOR')
  @Mutation(() => AppGroupType)
  async createAppGroup(
    @Arg('input', () => AppGroupInput) input: AppGroupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AppGroupType> {
    return AppGroupType.from(await ctx.appGroups.create(input.name, input.description ?? null));
  }

  @Authorized('OPERATOR')
  @Mutation(() => AppGroupType)
  async updateAppGroup(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AppGroupInput) input: AppGroupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AppGroupType> {
    return AppGroupType.from(await ctx.appGroups.update(id, input));
  }

  @Authorized('OPERATOR')
  @Mutation(() => Boolean, { description: 'Deletes the group with its memberships and mappings' })
  deleteAppGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.appGroups.delete(id);
  }
}
