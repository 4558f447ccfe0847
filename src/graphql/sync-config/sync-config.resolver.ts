import { Authorized, Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { CreateSyncConfigInput, UpdateSyncConfigInput } from './sync-config.input.js';
import { SyncConfigType } from './sync-config.type.js';

@Resolver(() => SyncConfigType)
export class SyncConfigResolver {
  @Authorized('VIEWER')
  @Query(() => [SyncConfigType], { description: 'Sync configs, optionally of one directory' })
  async syncConfigs(
    @Arg('directoryId', () => ID, { nullable: true }) directoryId: string | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SyncConfigType[]> {
    return (await ctx.syncConfigs.list(directoryId ?? undefined)).map((config) =>
      SyncConfigType.from(config),
    );
  }

  @Authorized('VIEWER')
  @Query(() => SyncConfigType)
  async syncConfig(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SyncConfigType> {
    return SyncConfigType.from(await ctx.syncConfigs.get(id));
  }

  @Authorized('OPERATOR')
  @Mutation(() => SyncConfigType)
  async createSyncConfig(
    @Arg('input', () => CreateSyncConfigInput) input: CreateSyncConfigInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SyncConfigType> {
    return SyncConfigType.from(await ctx.syncConfigs.create(input));
  }

  @Authorized('OPERATOR')
  @Mutation(() => SyncConfigType)
  async updateSyncConfig(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSyncConfigInput) input: UpdateSyncConfigInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SyncConfigType> {
    return SyncConfigType.from(await ctx.syncConfigs.update(id, input));
  }

  @Authorized('OPERATOR')
  @Mutation(() => Boolean)
  deleteSyncConfig(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.syncConfigs.delete(id);
  }
}
