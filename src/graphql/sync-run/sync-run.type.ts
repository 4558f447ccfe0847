import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SyncPhase, SyncRunCounters, SyncRunStatus } from '../../domain/sync-run-state.js';
import type { SyncRun } from '../../entities/sync-run.entity.js';
import { SyncPhaseEnum, SyncRunStatusEnum } from '../enums.js';

@ObjectType('SyncRunCounters')
export class SyncRunCountersType {
  @Field(() => Int) usersRead!: number;
  @Field(() => Int) groupsRead!: number;
  @Field(() => Int) memberOfValuesRead!: number;
  @Field(() => Int) groupMemberValuesRead!: number;

  static from(counters: SyncRunCounters): SyncRunCountersType {
    return Object.assign(new SyncRunCountersType(), {
      usersRead: counters.usersRead ?? 0,
      groupsRead: counters.groupsRead ?? 0,
      memberOfValuesRead: counters.memberOfValuesRead ?? 0,
      groupMemberValuesRead: counters.groupMemberValuesRead ?? 0,
    });
  }
}

@ObjectType('SyncRun', { description: 'One execution of a sync config' })
export class SyncRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID) syncConfigId!: string;
  @Field(() => SyncRunStatusEnum) status!: SyncRunStatus;
  @Field(() => SyncPhaseEnum) phase!: SyncPhase;
  @Field(() => String) trigger!: string;
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
      counters: SyncRunCountersType.from(run.counters),
      errorCode: run.errorCode ?? null,
      errorMessage: run.errorMessage ?? null,
      createdAt: run.createdAt,
      startedAt: run.startedAt ?? null,
      finishedAt: run.finishedAt ?? null,
    });
  }
}
