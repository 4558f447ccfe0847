import { MaxLength, Max, Min } from 'class-validator';
import { Authorized, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { PlanIdentityAction, PlanMembershipAction, RunLogLevel } from '../../domain/sync-run-state.js';
import { INSPECTION_PAGE_MAX } from '../../services/run-inspection.service.js';
import type { GraphQLContext } from '../context.js';
import { PlanIdentityActionEnum, PlanMembershipActionEnum, RunLogLevelEnum } from '../enums.js';
import {
  PlannedIdentityChangePageType,
  PlannedIdentityChangeType,
  PlannedMembershipChangePageType,
  PlannedMembershipChangeType,
  RunLogEntryType,
  RunLogPageType,
} from './run-inspection.type.js';

@ArgsType()
class PageArgs {
  @Field(() => ID) runId!: string;
  @Field(() => Int, { defaultValue: 100 }) @Min(1) @Max(INSPECTION_PAGE_MAX) limit!: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) offset!: number;
}

@ArgsType()
class RunLogArgs extends PageArgs {
  @Field(() => [RunLogLevelEnum], { nullable: true }) levels?: RunLogLevel[] | null;
  @Field(() => String, { nullable: true, description: 'Text in the message or DN' }) @MaxLength(500) search?:
    string | null;
}

@ArgsType()
class IdentityChangesArgs extends PageArgs {
  @Field(() => PlanIdentityActionEnum, { nullable: true }) action?: PlanIdentityAction | null;
}

@ArgsType()
class MembershipChangesArgs extends PageArgs {
  @Field(() => PlanMembershipActionEnum, { nullable: true }) action?: PlanMembershipAction | null;
}

@Resolver()
export class RunInspectionResolver {
  @Authorized('VIEWER')
  @Query(() => RunLogPageType, { description: "A run's step-by-step log, oldest first" })
  async syncRunLog(
    @Args(() => RunLogArgs) args: RunLogArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RunLogPageType> {
    await ctx.syncRuns.get(args.runId);
    const page = await ctx.inspection.log(
      args.runId,
      { levels: args.levels, search: args.search },
      args.limit,
      args.offset,
    );
    return Object.assign(new RunLogPageType(), {
      total: page.total,
      items: page.items.map((entry) => RunLogEntryType.from(entry)),
    });
  }

  @Authorized('VIEWER')
  @Query(() => PlannedIdentityChangePageType, {
    description: 'Identity changes a run planned (a dry run shows them only)',
  })
  async plannedIdentityChanges(
    @Args(() => IdentityChangesArgs) args: IdentityChangesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlannedIdentityChangePageType> {
    await ctx.syncRuns.get(args.runId);
    const page = await ctx.inspection.identityChanges(
      args.runId,
      args.action ?? null,
      args.limit,
      args.offset,
    );
    return Object.assign(new PlannedIdentityChangePageType(), {
      total: page.total,
      items: page.items.map((change) => PlannedIdentityChangeType.from(change)),
    });
  }

  @Authorized('VIEWER')
  @Query(() => PlannedMembershipChangePageType, { description: 'Membership changes a run planned' })
  async plannedMembershipChanges(
    @Args(() => MembershipChangesArgs) args: MembershipChangesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlannedMembershipChangePageType> {
    await ctx.syncRuns.get(args.runId);
    const page = await ctx.inspection.membershipChanges(
      args.runId,
      args.action ?? null,
      args.limit,
      args.offset,
    );
    return Object.assign(new PlannedMembershipChangePageType(), {
      total: page.total,
      items: page.items.map((change) => PlannedMembershipChangeType.from(change)),
    });
  }
}
