import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { PLAN_IDENTITY_ACTIONS, PLAN_MEMBERSHIP_ACTIONS } from '../../../src/domain/sync-run-state.js';
import type { PlanIdentityAction, PlanMembershipAction } from '../gql/graphql.js';
import { Link } from '../routing/router.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { FilterSelectField } from '../ui/form-fields.js';
import { Pager } from '../ui/pager.js';
import { isActive, reachedPhase, type RunDetails } from './run-details.js';
import { TableHead } from '../ui/table-head.js';

const PAGE_SIZE = 25;

const PlannedChangesQuery = graphql(`
  query PlannedChanges(
    $runId: ID!
    $limit: Int!
    $identityOffset: Int!
    $membershipOffset: Int!
    $identityAction: PlanIdentityAction
    $membershipAction: PlanMembershipAction
  ) {
    plannedIdentityChanges(runId: $runId, limit: $limit, offset: $identityOffset, action: $identityAction) {
      total
      items {
        identityId
        action
        login
        displayName
        email
        dn
        reason
      }
    }
    plannedMembershipChanges(
      runId: $runId
      limit: $limit
      offset: $membershipOffset
      action: $membershipAction
    ) {
      total
      items {
        identityId
        appGroupId
        ldapGroupDnNorm
        action
      }
    }
    appGroups {
      id
      name
    }
  }
`);

/**
 * The diff a run planned: identities to create, update, deactivate or reactivate and memberships to add
 * or remove. A dry run stops here; a real run applies exactly this.
 */
export function PlannedChanges(props: { run: RunDetails }) {
  const [identityAction, setIdentityAction] = useState<PlanIdentityAction | null>(null);
  const [membershipAction, setMembershipAction] = useState<PlanMembershipAction | null>(null);
  const [identityOffset, setIdentityOffset] = useState(0);
  const [membershipOffset, setMembershipOffset] = useState(0);
  const planned = reachedPhase(props.run, 'PLAN');
  const [{ data, error }, refetch] = useQuery({
    query: PlannedChangesQuery,
    variables: {
      runId: props.run.id,
      limit: PAGE_SIZE,
      identityOffset,
      membershipOffset,
      identityAction,
      membershipAction,
    },
    pause: !planned,
  });
  // The plan is written during PLAN; read it again as the run moves on.
  useEffect(() => {
    if (planned) refetch({ requestPolicy: 'network-only' });
  }, [planned, props.run.phase, refetch]);
  const groupNames = new Map((data?.appGroups ?? []).map((group) => [group.id, group.name]));
  const identities = data?.plannedIdentityChanges;
  const memberships = data?.plannedMembershipChanges;

  return (
    <section aria-labelledby="planned">
      <h2 id="planned">
        {props.run.dryRun ? 'Planned changes (dry run: nothing applied)' : 'Planned changes'}
      </h2>
      <ErrorNotice error={error} />
      <h3>Identities</h3>
      <FilterSelectField
        label="Identity action"
        options={PLAN_IDENTITY_ACTIONS}
        value={identityAction}
        onChange={(value) => {
          setIdentityAction(value);
          setIdentityOffset(0);
        }}
      />
      {identities === undefined || identities.items.length === 0 ? (
        <EmptyState title="No identity changes planned.">
          {planned
            ? 'Everyone is already in step with the directory, or no user is in a mapped group.'
            : isActive(props.run.status)
              ? 'The plan appears once the run has read the directory.'
              : 'The run ended before it planned anything.'}
        </EmptyState>
      ) : (
        <table className="diff">
          <TableHead caption="Identity changes" columns={['Action', 'Login', 'Name', 'Email', 'Reason']} />
          <tbody>
            {identities.items.map((change) => (
              <tr
                key={`${change.identityId}-${change.action}`}
                className={`diff-${change.action.toLowerCase()}`}
              >
                <td>{change.action}</td>
                <td>
                  {props.run.dryRun && change.action === 'CREATE' ? (
                    change.login
                  ) : (
                    <Link to={`/identities/${change.identityId}`}>{change.login}</Link>
                  )}
                </td>
                <td>{change.displayName ?? '–'}</td>
                <td>{change.email ?? '–'}</td>
                <td>{change.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Identity change pages"
        offset={identityOffset}
        limit={PAGE_SIZE}
        shown={identities?.items.length ?? 0}
        total={identities?.total}
        onChange={setIdentityOffset}
      />
      <h3>Memberships</h3>
      <FilterSelectField
        label="Membership action"
        options={PLAN_MEMBERSHIP_ACTIONS}
        value={membershipAction}
        onChange={(value) => {
          setMembershipAction(value);
          setMembershipOffset(0);
        }}
      />
      {memberships === undefined || memberships.items.length === 0 ? (
        <EmptyState title="No membership changes planned.">
          Map LDAP groups to application groups on the sync config's Mappings tab to plan memberships.
        </EmptyState>
      ) : (
        <table className="diff">
          <TableHead
            caption="Membership changes"
            columns={['Action', 'Identity', 'Application group', 'Through LDAP group']}
          />
          <tbody>
            {memberships.items.map((change) => (
              <tr
                key={`${change.identityId}-${change.appGroupId}-${change.ldapGroupDnNorm}`}
                className={`diff-${change.action.toLowerCase()}`}
              >
                <td>{change.action}</td>
                <td>
                  <Link to={`/identities/${change.identityId}`}>{change.identityId.slice(0, 8)}</Link>
                </td>
                <td>{groupNames.get(change.appGroupId) ?? change.appGroupId}</td>
                <td className="dn">{change.ldapGroupDnNorm}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label="Membership change pages"
        offset={membershipOffset}
        limit={PAGE_SIZE}
        shown={memberships?.items.length ?? 0}
        total={memberships?.total}
        onChange={setMembershipOffset}
      />
    </section>
  );
}
