import { Max, Min } from 'class-validator';
import {
  Authorized,
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { SyncKind } from '../../domain/directory-kinds.js';
import type { SyncRunStatus } from '../../domain/sync-run-state.js';
import { RUN_PAGE_MAX } from '../../services/sync-run.service.js';
import { SyncKindEnum, SyncRunStatusEnum } from '../enums.js';
import type { GraphQLContext } from '../context.js';
import { SyncRunType } from './sync-run.type.js';

@ArgsType()
class SyncRunsArgs {
  @Field(() => ID, { nullable: true, description: 'Runs of one config; all configs when omitted' })
  syncConfigId?: string | null;
  @Field(() => SyncKindEnum, {
    nullable: true,
    description: 'Job type: DIRECTORY_SYNC (LDAP synchronization) or ROLE_SYNC',
  })
  jobType?: SyncKind | null;
  @Field(() => SyncRunStatusEnum, { nullable: true }) status?: SyncRunStatus | null;
  @Field(() => Date, { nullable: true, description: 'Runs created at or after this instant' })
  createdFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Runs created before this instant' })
  createdBefore?: Date | null;
  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(RUN_PAGE_MAX) limit!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) offset!: number;
}

@Resolver(() => SyncRunType)
export class SyncRunResolver {
  @Authorized('VIEWER')
  @Query(() => SyncRunType)
  async syncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SyncRunType> {
    return SyncRunType.from(await ctx.syncRuns.get(id));
  }

  @Authorized('VIEWER')
  @Query(() => [SyncRunType], { description: 'Runs of a sync config, newest first' })
  async syncRuns(
    @Args(() => SyncRunsArgs) args: SyncRunsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SyncRunType[]> {
    return (await ctx.syncRuns.list(args, args.limit, args.offset)).map((run) => SyncRunType.from(run));
  }

  @Authorized('OPERATOR')
  @Mutation(() => SyncRunType, {
    description:
      'Starts a run of the config as a Temporal workflow; RUN_ALREADY_ACTIVE while one is queued or running',
  })
  async startSync(
    @Arg('syncConfigId', () => ID) syncConfigId: string,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Plan only; apply nothing' })
    dryRun: boolean,
    @Arg('fullReconciliation', () => Boolean, {
      defaultValue: false,
      description:
        'Read every entry (the only read that sees deletions) and re-plan every one, skipping nothing as unchanged',
    })
    fullReconciliation: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SyncRunType> {
    return SyncRunType.from(await ctx.syncRuns.start(syncConfigId, { dryRun, fullReconciliation }));
  }

  @Authorized('OPERATOR')
  @Mutation(() => SyncRunType, {
    description:
      'Starts a new run linked to a failed or cancelled one, continuing from its completed reads when possible',
  })
  async retrySyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SyncRunType> {
    return SyncRunType.from(await ctx.syncRuns.retry(id));
  }

  @Authorized('OPERATOR')
  @Mutation(() => SyncRunType, { description: 'Lets a run stopped by the safety guard apply its plan' })
  async approveSyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SyncRunType> {
    return SyncRunType.from(await ctx.syncRuns.approve(id));
  }

  @Authorized('OPERATOR')
  @Mutation(() => SyncRunType, {
    description: 'Cancels a queued, running or waiting run; what is not applied stays unapplied',
  })
  async cancelSyncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SyncRunType> {
    return SyncRunType.from(await ctx.syncRuns.cancel(id));
  }
}
