import { DirectorySyncApplyRepository, type ApplyCounts } from '../db/directory-sync-apply.repository.js';
import {
  DirectorySyncPlanRepository,
  type DifferentialSnapshot,
  type PlanCounts,
} from '../db/directory-sync-plan.repository.js';
import { MembershipResolutionRepository, type EdgeSource } from '../db/membership-resolution.repository.js';
import { PlanContextRepository, type PlanContextSettings } from '../db/plan-context.repository.js';
import { RunLogRepository } from '../db/run-log.repository.js';
import { SyncRunRepository } from '../db/sync-run.repository.js';
import { evaluateSafetyGuard, type GuardDecision } from '../sync/safety-guard.js';
import type { ActivityDeps } from './activity-deps.js';
import type { RunInput } from './read-directory.activities.js';
import { loadRunContext, stagingRunOf, type RunContext } from './run-context.js';

export interface PlanResult {
  counts: PlanCounts;
  guard: GuardDecision;
}

/** Resolve, plan and apply of a directory sync; every step set-based SQL over the run's staging. */
export function createDirectorySyncActivities(deps: ActivityDeps) {
  const { pool } = deps.database;
  const runs = new SyncRunRepository(pool);
  const log = new RunLogRepository(pool);
  const resolution = new MembershipResolutionRepository(pool);
  const planner = new DirectorySyncPlanRepository(pool);
  const applier = new DirectorySyncApplyRepository(pool);
  const planContext = new PlanContextRepository(pool);

  /**
   * The snapshot a differential run compares its users with: the last successful run, when its plan
   * context (recorded by the resolve) equals this run's. An on-demand full reconciliation re-plans every
   * entry: it is also how drift on the application side heals.
   */
  async function differentialSnapshotOf(
    { run, config }: RunContext,
    planContextDigest: string | null,
  ): Promise<DifferentialSnapshot | null> {
    if (!config.differentialSync || run.fullRequested || planContextDigest === null) return null;
    const snapshot = await runs.findSnapshot(config.id);
    return snapshot?.planContextDigest === planContextDigest ? snapshot : null;
  }

  return {
    /**
     * Readies the staging for the plan (statistics) and records the plan context a later differential
     * run compares with. The edges themselves are the plan's.
     */
    async resolveMembers({ runId }: RunInput): Promise<void> {
      const context = await loadRunContext(deps.database.orm.em.fork(), runId);
      const { run, config } = context;
      await runs.setPhase(runId, 'RESOLVE_MEMBERS');
      // An adopted staging is as the snapshot's run resolved it: nothing new to analyze.
      if (run.stagingRunId == null) await resolution.analyzeStaging();
      // Without differential sync no run compares with it; the first run after switching it on plans all.
      const planContextDigest = config.differentialSync
        ? await planContext.digest(stagingRunOf(run), planContextSettings(context))
        : null;
      await runs.setPlanContextDigest(runId, planContextDigest);
      await log.append(runId, 'INFO', 'RESOLVE_MEMBERS', resolveMessage(config));
    },

    async planChanges({ runId }: RunInput): Promise<PlanResult> {
      const context = await loadRunContext(deps.database.orm.em.fork(), runId);
      const { run, config, directory } = context;
      await runs.setPhase(runId, 'PLAN');
      const counts = await planner.plan(runId, {
        syncConfigId: config.id,
        directoryId: directory.id,
        autoCreateUsers: config.autoCreateUsers,
        autoDeactivateUsers: config.autoDeactivateUsers,
        fullRead: run.readMode === 'FULL',
        differentialAgainst: await differentialSnapshotOf(context, run.planContextDigest ?? null),
        recordsIdentityVersions: config.differentialSync,
        stagingRunId: stagingRunOf(run),
        stagedFromRunId: run.stagedFromRunId ?? null,
        edges: edgeSourceOf(config),
      });
      const {
        identitiesAffected,
        activeIdentities,
        asSnapshotLeft,
        usersPlannedFromMemberOfChanges,
        ...planCounters
      } = counts;
      await runs.mergeCounters(runId, planCounters);
      const guard = evaluateSafetyGuard({
        identitiesAffected,
        activeIdentities,
        thresholdPercent: config.safetyThresholdPercent,
        usersRead: run.counters.usersStaged ?? run.counters.usersRead ?? 0,
        previousUsersRead: await runs.previousUsersRead(config.id, runId),
      });
      await log.append(
        runId,
        'INFO',
        'PLAN',
        asSnapshotLeft ? nothingChangedMessage(counts) : plannedMessage(counts),
      );
      return { counts, guard };
    },

    async awaitApproval({ runId, reason }: RunInput & { reason: string }): Promise<void> {
      await runs.setStatus(runId, 'AWAITING_APPROVAL', 'AWAIT_APPROVAL');
      await log.append(runId, 'WARN', 'AWAIT_APPROVAL', `Waiting for approval: ${reason}`);
    },

    async resumeAfterApproval({ runId }: RunInput): Promise<void> {
      await runs.setStatus(runId, 'RUNNING', 'APPLY');
      await log.append(runId, 'INFO', 'AWAIT_APPROVAL', 'Approved by an operator');
    },

    async applyPlan({ runId }: RunInput): Promise<ApplyCounts | null> {
      const { config, directory } = await loadRunContext(deps.database.orm.em.fork(), runId);
      await runs.setPhase(runId, 'APPLY');
      const counts = await applier.apply(runId, {
        directoryId: directory.id,
        syncConfigId: config.id,
        defaultAuthorizationType: config.defaultAuthorizationType,
      });
      if (counts !== null) {
        await runs.mergeCounters(runId, counts);
        await log.append(
          runId,
          'INFO',
          'APPLY',
          `Applied: created ${counts.identitiesCreated}, updated ${counts.identitiesUpdated}, deactivated ${counts.identitiesDeactivated}, ` +
            `reactivated ${counts.identitiesReactivated}, added ${counts.membershipsAdded} and removed ${counts.membershipsRemoved} memberships`,
        );
      }
      return counts;
    },

    /**
     * Keeps the staging of the config's newest run (the groups list shows it; a successful run's is the
     * snapshot the next incremental or differential run starts from) and drops older runs'. A dry run
     * keeps the snapshot too.
     */
    async cleanUpStaging({ runId }: RunInput): Promise<void> {
      const { run, config } = await loadRunContext(deps.database.orm.em.fork(), runId);
      await runs.setPhase(runId, 'CLEAN_UP');
      const snapshot = run.dryRun ? await runs.findSnapshot(config.id) : null;
      await runs.dropOlderStaging(runId, snapshot?.runId ?? null);
    },
  };
}

function plannedMessage(counts: PlanCounts): string {
  return (
    `Planned: create ${counts.identitiesToCreate}, update ${counts.identitiesToUpdate}, deactivate ${counts.identitiesToDeactivate}, ` +
    `reactivate ${counts.identitiesToReactivate}, add ${counts.membershipsToAdd} and remove ${counts.membershipsToRemove} memberships, ` +
    `${counts.entriesSkipped} entries skipped, ${counts.entriesUnchanged} unchanged since the last successful run ` +
    `(${counts.membershipEdges} user-in-group memberships of the planned users` +
    (counts.usersPlannedFromMemberOfChanges > 0
      ? `; ${counts.usersPlannedFromMemberOfChanges} users planned from their memberOf changes alone)`
      : ')')
  );
}

function nothingChangedMessage(counts: PlanCounts): string {
  return (
    `Planned nothing: no entry and no identity changed since the last successful run applied its plan ` +
    `(${counts.entriesUnchanged} entries unchanged, ${counts.entriesSkipped} skipped)`
  );
}

function resolveMessage(config: RunContext['config']): string {
  const source =
    config.membershipSource === 'MEMBER_OF' ? "the users' memberOf" : "the groups' member values";
  return `Memberships come from ${source}${config.expandNestedGroups ? ', nested groups expanded' : ''}`;
}

function edgeSourceOf(config: RunContext['config']): EdgeSource {
  return {
    membershipSource: config.membershipSource,
    groupMemberAttribute: config.groupMemberAttribute,
    expandNestedGroups: config.expandNestedGroups,
  };
}

function planContextSettings({ config, directory }: RunContext): PlanContextSettings {
  return {
    syncConfigId: config.id,
    directoryId: directory.id,
    autoCreateUsers: config.autoCreateUsers,
    autoDeactivateUsers: config.autoDeactivateUsers,
    defaultAuthorizationType: config.defaultAuthorizationType,
    ...edgeSourceOf(config),
  };
}
