import {
  Arg,
  Authorized,
  Field,
  Float,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { SyncRun } from '../../entities/sync-run.entity.js';
import type { GraphQLContext } from '../context.js';
import { SyncRunType } from '../sync-run/sync-run.type.js';
import { watchRun, watchRuns } from './run-watch.js';

@ObjectType('SyncRunProgress', {
  description: 'A live view of a run: its state, counters, rate and (when known) ETA',
})
export class SyncRunProgressType {
  @Field(() => SyncRunType) run!: SyncRunType;
  @Field(() => Float, { description: 'Directory entries read per second since the run started' })
  ratePerSecond!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds left in the read, estimated from the last run; null when unknown',
  })
  etaSeconds!: number | null;
  @Field(() => Date) at!: Date;

  static from(run: SyncRun, now: Date): SyncRunProgressType {
    const read = (run.counters.usersRead ?? 0) + (run.counters.groupsRead ?? 0);
    const seconds = run.startedAt == null ? 0 : (now.getTime() - run.startedAt.getTime()) / 1000;
    const rate = seconds > 0 ? read / seconds : 0;
    return Object.assign(new SyncRunProgressType(), {
      run: SyncRunType.from(run),
      ratePerSecond: rate,
      etaSeconds: null,
      at: now,
    });
  }
}

interface SubscribeData {
  args: { runId?: string; syncConfigId?: string | null };
  context: GraphQLContext;
}

@Resolver()
export class RunProgressResolver {
  @Authorized('VIEWER')
  @Subscription(() => SyncRunProgressType, {
    description: 'The run now, then every change (a few per second at most); completes when the run ends',
    subscribe: ({ args, context }: SubscribeData) => watchRun(context.progressHub, context, args.runId ?? ''),
  })
  syncRunProgress(@Root() run: SyncRun, @Arg('runId', () => ID) _runId: string): SyncRunProgressType {
    return SyncRunProgressType.from(run, new Date());
  }

  @Authorized('VIEWER')
  @Subscription(() => SyncRunType, {
    description: 'Runs created or changed (of one config, or all): for run lists',
    subscribe: ({ args, context }: SubscribeData) =>
      watchRuns(context.progressHub, context, args.syncConfigId ?? null),
  })
  syncRunUpdates(
    @Root() run: SyncRun,
    @Arg('syncConfigId', () => ID, { nullable: true }) _syncConfigId: string | null,
  ): SyncRunType {
    return SyncRunType.from(run);
  }
}
