import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  PlanIdentityAction,
  PlanMembershipAction,
  RunLogLevel,
  SyncPhase,
} from '../../domain/sync-run-state.js';
import type { RunLog } from '../../entities/run-log.entity.js';
import type { PlanIdentity, PlanMembership } from '../../entities/run-plan.entity.js';
import {
  PlanIdentityActionEnum,
  PlanMembershipActionEnum,
  RunLogLevelEnum,
  SyncPhaseEnum,
} from '../enums.js';

@ObjectType('RunLogEntry', { description: 'One step of a run' })
export class RunLogEntryType {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => RunLogLevelEnum) level!: RunLogLevel;
  @Field(() => SyncPhaseEnum) phase!: SyncPhase;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true, description: 'The directory entry concerned' }) dn!: string | null;

  static from(entry: RunLog): RunLogEntryType {
    return Object.assign(new RunLogEntryType(), {
      id: String(entry.id),
      at: entry.createdAt,
      level: entry.level,
      phase: entry.phase,
      message: entry.message,
      dn: entry.dn ?? null,
    });
  }
}

@ObjectType('RunLogPage')
export class RunLogPageType {
  @Field(() => Int) total!: number;
  @Field(() => [RunLogEntryType]) items!: RunLogEntryType[];
}

@ObjectType('PlannedIdentityChange', {
  description: 'An identity change a run planned (and applied unless dry run)',
})
export class PlannedIdentityChangeType {
  @Field(() => ID) identityId!: string;
  @Field(() => PlanIdentityActionEnum) action!: PlanIdentityAction;
  @Field(() => String) login!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) dn!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;

  static from(change: PlanIdentity): PlannedIdentityChangeType {
    return Object.assign(new PlannedIdentityChangeType(), {
      identityId: change.identityId,
      action: change.action,
      login: change.login,
      displayName: change.displayName ?? null,
      email: change.email ?? null,
      dn: change.dn ?? null,
      reason: change.reason ?? null,
    });
  }
}

@ObjectType('PlannedIdentityChangePage')
export class PlannedIdentityChangePageType {
  @Field(() => Int) total!: number;
  @Field(() => [PlannedIdentityChangeType]) items!: PlannedIdentityChangeType[];
}

@ObjectType('PlannedMembershipChange')
export class PlannedMembershipChangeType {
  @Field(() => ID) identityId!: string;
  @Field(() => ID) appGroupId!: string;
  @Field(() => String, { description: 'The mapped LDAP group that gives (or gave) the membership' })
  ldapGroupDnNorm!: string;
  @Field(() => PlanMembershipActionEnum) action!: PlanMembershipAction;

  static from(change: PlanMembership): PlannedMembershipChangeType {
    return Object.assign(new PlannedMembershipChangeType(), {
      identityId: change.identityId,
      appGroupId: change.appGroupId,
      ldapGroupDnNorm: change.ldapGroupDnNorm,
      action: change.action,
    });
  }
}

@ObjectType('PlannedMembershipChangePage')
export class PlannedMembershipChangePageType {
  @Field(() => Int) total!: number;
  @Field(() => [PlannedMembershipChangeType]) items!: PlannedMembershipChangeType[];
}
