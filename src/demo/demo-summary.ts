// What the demo prints once both runs are done: the directory, each run's counters, what Rolesync now
// holds (read back through the API), and where to go next. Plain lines, so that scripts can read them.
import type { CompanyDirectory } from './company-directory.js';
import { listIdentities, type DemoObjects } from './demo-setup.js';
import type { RolesyncApi } from './rolesync-api.js';
import type { RunView } from './run-progress.js';

export interface DemoTotals {
  activeIdentities: number;
  /** App group memberships of the directory's active identities. */
  memberships: number;
  roles: number;
  /** Roles held by the directory's identities. */
  roleAssignments: number;
  /** Role requests any role sync run created. */
  syncRoleRequests: number;
}

export interface DemoSummary {
  directory: CompanyDirectory;
  ldapUrl: string;
  directoryRun: RunView;
  roleRun: RunView;
  contractsCreated: number;
  totals: DemoTotals;
  consoleUrl: string;
  graphqlUrl: string;
  adminToken: string;
  temporalUiUrl: string | undefined;
}

const SYNC_REQUEST_CODE = 'SYNC-OF-ROLES-COMMON-ROLE-REQUEST';
const BATCH = 100;

/** Reads the state the runs left, through the same API the console uses. */
export async function readDemoTotals(api: RolesyncApi, objects: DemoObjects): Promise<DemoTotals> {
  const identities = (await listIdentities(api, objects.directoryId)).filter((identity) => identity.active);
  let roleAssignments = 0;
  for (let start = 0; start < identities.length; start += BATCH) {
    const batch = identities.slice(start, start + BATCH);
    const data = await api.data<Record<string, { id: string }[]>>(
      `query(${batch.map((_identity, i) => `$i${i}: ID!`).join(', ')}) {
         ${batch.map((_identity, i) => `r${i}: identityRoles(identityId: $i${i}) { id }`).join(' ')}
       }`,
      Object.fromEntries(batch.map((identity, i) => [`i${i}`, identity.id])),
    );
    roleAssignments += Object.values(data).reduce((sum, roles) => sum + roles.length, 0);
  }
  const counts = await api.data<{ roles: { total: number }; roleRequests: { total: number } }>(
    `query($config: ID!, $code: String!) {
       roles(syncConfigId: $config, limit: 1) { total }
       roleRequests(resultCode: $code, limit: 1) { total }
     }`,
    { config: objects.roleSyncId, code: SYNC_REQUEST_CODE },
  );
  return {
    activeIdentities: identities.length,
    memberships: identities.reduce((sum, identity) => sum + identity.appGroupIds.length, 0),
    roles: counts.roles.total,
    roleAssignments,
    syncRoleRequests: counts.roleRequests.total,
  };
}

export function formatDemoSummary(summary: DemoSummary): string {
  const { directory, directoryRun, roleRun, totals } = summary;
  const groupsOf = (kind: string): number => directory.groups.filter((group) => group.kind === kind).length;
  const d = directoryRun.counters;
  const r = roleRun.counters;
  const lines = [
    '',
    `${directory.organization}: ${directory.users.length} users in ${directory.departments.length} departments, ` +
      `${directory.groups.length} groups (${groupsOf('department')} departments, ${groupsOf('team')} teams, ` +
      `${groupsOf('role')} role groups)`,
    `  ${summary.ldapUrl}  base ${directory.baseDn}`,
    '',
    `Directory sync: ${runOutcome(directoryRun)}`,
    `  users read ${d.usersRead}, groups read ${d.groupsRead}`,
    `  identities created ${d.identitiesCreated}, updated ${d.identitiesUpdated}, ` +
      `deactivated ${d.identitiesDeactivated}, reactivated ${d.identitiesReactivated}`,
    `  memberships added ${d.membershipsAdded}, removed ${d.membershipsRemoved}`,
    `Primary contracts created: ${summary.contractsCreated}`,
    `Role sync: ${runOutcome(roleRun)}`,
    `  roles created ${r.rolesCreated}, updated ${r.rolesUpdated}`,
    `  role requests created ${r.roleRequestsCreated}, executed ${r.roleRequestsExecuted}`,
    `  roles added ${r.rolesAdded}, removed ${r.rolesRemoved}`,
    '',
    `Rolesync now holds: active identities ${totals.activeIdentities}, memberships ${totals.memberships}, ` +
      `roles ${totals.roles}, role assignments ${totals.roleAssignments}, role requests ${totals.syncRoleRequests}`,
    '',
    `Console:     ${summary.consoleUrl}`,
    `GraphQL:     ${summary.graphqlUrl}`,
    ...(summary.temporalUiUrl === undefined ? [] : [`Temporal UI: ${summary.temporalUiUrl}`]),
    `Admin token: ${summary.adminToken}`,
    '',
  ];
  return lines.join('\n');
}

function runOutcome(run: RunView): string {
  const seconds =
    run.startedAt !== null && run.finishedAt !== null
      ? ` in ${((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1)} s`
      : '';
  const error = run.errorCode === null ? '' : ` (${run.errorCode}: ${run.errorMessage ?? ''})`;
  return `${run.status}${seconds}${error}`;
}
