import { ACTIVE_RUN_STATUSES, SYNC_PHASES } from '../../../src/domain/sync-run-state.js';
import { graphql } from '../gql/index.js';
import type { RunDetailsFragment, SyncPhase, SyncRunStatus } from '../gql/graphql.js';

export const RunDetailsFragmentDoc = graphql(`
  fragment RunDetails on SyncRun {
    id
    syncConfigId
    status
    phase
    trigger
    dryRun
    readMode
    retryOfId
    errorCode
    errorMessage
    createdAt
    startedAt
    finishedAt
    counters {
      usersRead
      groupsRead
      usersStaged
      entriesUnchanged
      memberOfValuesRead
      groupMemberValuesRead
      entriesSkipped
      membershipEdges
      identitiesToCreate
      identitiesToUpdate
      identitiesToDeactivate
      identitiesToReactivate
      membershipsToAdd
      membershipsToRemove
      identitiesCreated
      identitiesUpdated
      identitiesDeactivated
      identitiesReactivated
      membershipsAdded
      membershipsRemoved
      rolesCreated
      rolesUpdated
      memberValues
      lookupsMade
      cacheHits
      membersUnresolved
      roleRequestsCreated
      roleRequestsExecuted
      rolesAdded
      rolesRemoved
    }
  }
`);

export type RunDetails = RunDetailsFragment;
export type RunCounterName = Exclude<keyof RunDetails['counters'], '__typename'>;

export function isActive(status: SyncRunStatus): boolean {
  return ACTIVE_RUN_STATUSES.includes(status);
}

/** Whether the run has reached `phase` (phases in the order a run passes them). */
export function reachedPhase(run: Pick<RunDetails, 'phase'>, phase: SyncPhase): boolean {
  return SYNC_PHASES.indexOf(run.phase) >= SYNC_PHASES.indexOf(phase);
}

/** How far a run got, by phase: a succeeded run is at 100%, a failed one stays where it stopped. */
export function progressPercent(run: Pick<RunDetails, 'status' | 'phase'>): number {
  if (run.status === 'SUCCEEDED' || run.phase === 'DONE') return 100;
  return Math.round((SYNC_PHASES.indexOf(run.phase) / (SYNC_PHASES.length - 1)) * 100);
}

/** The counters by what they count; a group shows when the run's kind fills it. */
export const COUNTER_GROUPS: readonly { title: string; counters: readonly RunCounterName[] }[] = [
  {
    title: 'Read',
    counters: [
      'usersRead',
      'groupsRead',
      'usersStaged',
      'entriesUnchanged',
      'memberOfValuesRead',
      'groupMemberValuesRead',
      'entriesSkipped',
      'membershipEdges',
    ],
  },
  {
    title: 'Planned',
    counters: [
      'identitiesToCreate',
      'identitiesToUpdate',
      'identitiesToDeactivate',
      'identitiesToReactivate',
      'membershipsToAdd',
      'membershipsToRemove',
    ],
  },
  {
    title: 'Applied',
    counters: [
      'identitiesCreated',
      'identitiesUpdated',
      'identitiesDeactivated',
      'identitiesReactivated',
      'membershipsAdded',
      'membershipsRemoved',
    ],
  },
  {
    title: 'Roles',
    counters: [
      'rolesCreated',
      'rolesUpdated',
      'memberValues',
      'lookupsMade',
      'cacheHits',
      'membersUnresolved',
      'roleRequestsCreated',
      'roleRequestsExecuted',
      'rolesAdded',
      'rolesRemoved',
    ],
  },
];

/** usersRead -> "Users read". */
export function counterLabel(name: RunCounterName): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
