import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  SYNC_RUN_COUNTER_KEYS,
  type SyncPhase,
  type SyncRunCounters,
  type SyncRunStatus,
} from '../../domain/sync-run-state.js';
import type { SyncRun } from '../../entities/sync-run.entity.js';
import type { ReadMode } from '../../domain/read-modes.js';
import { ReadModeEnum, SyncPhaseEnum, SyncRunStatusEnum } from '../enums.js';

@ObjectType('SyncRunCounters', {
  description: 'What a run read, planned (…To…) and applied; 0 until the phase ran',
})
export class SyncRunCountersType {
  @Field(() => Int) usersRead!: number;
  @Field(() => Int) groupsRead!: number;
  @Field(() => Int, {
    description: 'Users in the run’s view of the directory (incremental: the snapshot plus the changes read)',
  })
  usersStaged!: number;
  @Field(() => Int, {
    description: 'Entries unchanged since the last successful run, skipped (differential sync)',
  })
  entriesUnchanged!: number;
  @Field(() => Int) memberOfValuesRead!: number;
  @Field(() => Int) groupMemberValuesRead!: number;
  @Field(() => Int) entriesSkipped!: number;
  @Field(() => Int, {
    description:
      'User-in-group memberships resolved for the users the plan planned (with differential sync, those changed since the last successful run or whose identity drifted)',
  })
  membershipEdges!: number;
  @Field(() => Int) identitiesToCreate!: number;
  @Field(() => Int) identitiesToUpdate!: number;
  @Field(() => Int) identitiesToDeactivate!: number;
  @Field(() => Int) identitiesToReactivate!: number;
  @Field(() => Int) membershipsToAdd!: number;
  @Field(() => Int) membershipsToRemove!: number;
  @Field(() => Int) identitiesCreated!: number;
  @Field(() => Int) identitiesUpdated!: number;
  @Field(() => Int) identitiesDeactivated!: number;
  @Field(() => Int) identitiesReactivated!: number;
  @Field(() => Int) membershipsAdded!: number;
  @Field(() => Int) membershipsRemoved!: number;
  @Field(() => Int) rolesCreated!: number;
  @Field(() => Int) rolesUpdated!: number;
  @Field(() => Int) memberValues!: number;
  @Field(() => Int) lookupsMade!: number;
  @Field(() => Int) cacheHits!: number;
  @Field(() => Int) membersUnresolved!: number;
  @Field(() => Int) roleRequestsCreated!: number;
  @Field(() => Int) roleRequestsExecuted!: number;
  @Field(() => Int) rolesAdded!: number;
  @Field(() => Int) rolesRemoved!: number;

  static from(counters: SyncRunCounters): SyncRunCountersType {
    const type = new SyncRunCountersType();
    for (const key of SYNC_RUN_COUNTER_KEYS) type[key] = counters[key] ?? 0;
    return type;
  }
}

@ObjectType('SyncRun', { description: 'One execution of a sync config' })
export class SyncRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID) syncConfigId!: string;
  @Field(() => SyncRunStatusEnum) status!: SyncRunStatus;
  @Field(() => SyncPhaseEnum) phase!: SyncPhase;
  @Field(() => String) trigger!: string;
  @Field(() => Boolean, { description: 'Planned only, nothing applied' }) dryRun!: boolean;
  @Field(() => ReadModeEnum, {
    description: 'FULL: every entry read; INCREMENTAL: only changes since the last run',
  })
  readMode!: ReadMode;
  @Field(() => ID, { nullable: true, description: 'The failed or cancelled run this one retries' })
  retryOfId!: string | null;
  @Field(() => SyncRunCountersType) counters!: SyncRunCountersType;
  @Field(() => String, { nullable: true, description: 'Stable error code when the run failed' }) errorCode!:
    string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;

  static from(run: SyncRun): SyncRunType {
    return Object.assign(new SyncRunType(), {
      id: run.id,
      syncConfigId: run.syncConfig.id,
      status: run.status,
      phase: run.phase,
      trigger: run.trigger,
      dryRun: run.dryRun,
      readMode: run.readMode,
      retryOfId: run.retryOf?.id ?? null,
      counters: SyncRunCountersType.from(run.counters),
      errorCode: run.errorCode ?? null,
      errorMessage: run.errorMessage ?? null,
      createdAt: run.createdAt,
      startedAt: run.startedAt ?? null,
      finishedAt: run.finishedAt ?? null,
    });
  }
}
