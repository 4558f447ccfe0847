import {
  GROUP_MEMBER_ATTRIBUTES,
  MEMBERSHIP_SOURCES,
  SEARCH_SCOPES,
  SYNC_KINDS,
} from '../../../src/domain/directory-kinds.js';
import { AUTHORIZATION_TYPES } from '../../../src/domain/identity-states.js';
import { CATALOGUE_STRATEGIES } from '../../../src/domain/role-states.js';
import {
  CheckboxField,
  NumberField,
  SelectField,
  TextField,
  textOrNull,
  type SetField,
} from '../ui/form-fields.js';
import { LdapPreview } from './ldap-preview.js';
import type { SyncConfigSettings } from './sync-config-settings.js';

// The settings of a sync config in three groups, one per tab: general, the users query, the groups query.

interface FieldsProps {
  values: SyncConfigSettings;
  set: SetField<SyncConfigSettings>;
}

const SCOPE_LABELS = { SUB: 'Whole subtree', ONE: 'One level', BASE: 'Base entry only' } as const;

export function GeneralFields(
  props: FieldsProps & { directories: readonly { id: string; name: string }[]; isNew: boolean },
) {
  const { values, set } = props;
  return (
    <div className="form-grid">
      <TextField label="Name" required value={values.name} onChange={(v) => set('name', v)} />
      {props.isNew ? (
        <SelectField
          label="Job type"
          options={SYNC_KINDS}
          labels={{
            DIRECTORY_SYNC: 'Directory sync (users and groups)',
            ROLE_SYNC: 'Role sync (groups become roles)',
          }}
          value={values.kind}
          onChange={(v) => set('kind', v)}
        />
      ) : null}
      <SelectField
        label="Directory"
        options={props.directories.map((directory) => directory.id)}
        labels={Object.fromEntries(props.directories.map((directory) => [directory.id, directory.name]))}
        value={values.directoryId}
        onChange={(v) => set('directoryId', v)}
      />
      {values.kind === 'DIRECTORY_SYNC' ? (
        <>
          <CheckboxField
            label="Create new users found in mapped LDAP groups"
            value={values.autoCreateUsers}
            onChange={(v) => set('autoCreateUsers', v)}
          />
          <SelectField
            label="Authorization type of created users"
            options={AUTHORIZATION_TYPES}
            value={values.defaultAuthorizationType}
            onChange={(v) => set('defaultAuthorizationType', v)}
          />
          <CheckboxField
            label="Deactivate users who belong to no mapped LDAP group"
            value={values.autoDeactivateUsers}
            onChange={(v) => set('autoDeactivateUsers', v)}
          />
        </>
      ) : (
        <RoleSyncFields values={values} set={set} />
      )}
      <NumberField
        label="Safety threshold (%)"
        hint="A run that would deactivate or strip more than this share of identities waits for approval."
        min={0}
        max={100}
        value={values.safetyThresholdPercent}
        onChange={(v) => set('safetyThresholdPercent', v ?? 0)}
      />
      <CheckboxField
        label="Skip unchanged entries (differential sync)"
        value={values.differentialSync}
        onChange={(v) => set('differentialSync', v)}
      />
      <CheckboxField
        label="Run on a schedule"
        value={values.scheduleEnabled}
        onChange={(v) => set('scheduleEnabled', v)}
      />
      {values.scheduleEnabled ? (
        <>
          <NumberField
            label="Every (minutes)"
            min={1}
            value={values.scheduleIntervalMinutes}
            onChange={(v) => set('scheduleIntervalMinutes', v)}
          />
          <TextField
            label="Or cron expression"
            hint="e.g. 0 */6 * * * (used instead of the interval)"
            value={values.scheduleCron ?? ''}
            onChange={(v) => set('scheduleCron', textOrNull(v))}
          />
        </>
      ) : null}
    </div>
  );
}

function RoleSyncFields({ values, set }: FieldsProps) {
  return (
    <>
      <TextField
        label="Role description attribute"
        value={values.roleDescriptionAttribute ?? ''}
        onChange={(v) => set('roleDescriptionAttribute', textOrNull(v))}
      />
      <CheckboxField
        label="Assign the roles to identities (resolve group members)"
        value={values.assignRolesToIdentities}
        onChange={(v) => set('assignRolesToIdentities', v)}
      />
      <CheckboxField
        label="Membership management (link roles to the member system)"
        value={values.membershipManagement}
        onChange={(v) => set('membershipManagement', v)}
      />
      <TextField
        label="Member attribute on the member system"
        value={values.memberAttribute ?? ''}
        onChange={(v) => set('memberAttribute', textOrNull(v))}
      />
      <CheckboxField
        label="Remove roles no longer in the system"
        value={values.removeRolesNotInSystem}
        onChange={(v) => set('removeRolesNotInSystem', v)}
      />
      <CheckboxField
        label="Place roles in the role catalogue"
        value={values.catalogueEnabled}
        onChange={(v) => set('catalogueEnabled', v)}
      />
      <SelectField
        label="Catalogue strategy"
        options={CATALOGUE_STRATEGIES}
        labels={{ ALL_UNDER_MAIN: 'All under the main node', RESOLVE_BY_DN: 'Resolve from the DN (OU path)' }}
        value={values.catalogueStrategy}
        onChange={(v) => set('catalogueStrategy', v)}
      />
      <TextField
        label="Catalogue main node"
        hint="Path such as Synced/Corp"
        value={values.catalogueMainNode ?? ''}
        onChange={(v) => set('catalogueMainNode', textOrNull(v))}
      />
      <TextField
        label="Catalogue attribute"
        value={values.catalogueAttribute ?? ''}
        onChange={(v) => set('catalogueAttribute', textOrNull(v))}
      />
      <CheckboxField
        label="Forward provisioning"
        value={values.forwardProvisioning}
        onChange={(v) => set('forwardProvisioning', v)}
      />
      <CheckboxField
        label="Skip value if the contract is excluded"
        value={values.skipValueIfContractExcluded}
        onChange={(v) => set('skipValueIfContractExcluded', v)}
      />
    </>
  );
}

export function UsersFields({ values, set }: FieldsProps) {
  const attributes = [values.loginAttribute, values.nameAttribute, values.emailAttribute].filter(
    (name): name is string => name !== null && name !== '',
  );
  return (
    <>
      <div className="form-grid">
        <TextField
          label="Users base DN"
          required
          value={values.usersBaseDn}
          onChange={(v) => set('usersBaseDn', v)}
        />
        <SelectField
          label="Users scope"
          options={SEARCH_SCOPES}
          labels={SCOPE_LABELS}
          value={values.usersScope}
          onChange={(v) => set('usersScope', v)}
        />
        <TextField
          label="Users filter"
          hint="e.g. (&(objectClass=user)(memberOf=*))"
          required
          value={values.usersFilter}
          onChange={(v) => set('usersFilter', v)}
        />
        <TextField
          label="Login attribute"
          required
          value={values.loginAttribute}
          onChange={(v) => set('loginAttribute', v)}
        />
        <TextField
          label="Name attribute"
          value={values.nameAttribute ?? ''}
          onChange={(v) => set('nameAttribute', textOrNull(v))}
        />
        <TextField
          label="Email attribute"
          value={values.emailAttribute ?? ''}
          onChange={(v) => set('emailAttribute', textOrNull(v))}
        />
        <TextField
          label="External id attribute"
          hint="Empty: the server's stable id (entryUUID, objectGUID, ...)"
          value={values.externalIdAttribute ?? ''}
          onChange={(v) => set('externalIdAttribute', textOrNull(v))}
        />
      </div>
      <LdapPreview
        label="Preview users"
        query={{
          directoryId: values.directoryId,
          baseDn: values.usersBaseDn,
          scope: values.usersScope,
          filter: values.usersFilter,
          attributes,
        }}
      />
    </>
  );
}

export function GroupsFields({ values, set }: FieldsProps) {
  return (
    <>
      <div className="form-grid">
        <TextField
          label="Groups base DN"
          required
          value={values.groupsBaseDn}
          onChange={(v) => set('groupsBaseDn', v)}
        />
        <SelectField
          label="Groups scope"
          options={SEARCH_SCOPES}
          labels={SCOPE_LABELS}
          value={values.groupsScope}
          onChange={(v) => set('groupsScope', v)}
        />
        <TextField
          label="Groups filter"
          required
          value={values.groupsFilter}
          onChange={(v) => set('groupsFilter', v)}
        />
        <TextField
          label="Group name attribute"
          required
          value={values.groupNameAttribute}
          onChange={(v) => set('groupNameAttribute', v)}
        />
        <SelectField
          label="Group member attribute"
          options={GROUP_MEMBER_ATTRIBUTES}
          value={values.groupMemberAttribute}
          onChange={(v) => set('groupMemberAttribute', v)}
        />
        <SelectField
          label="Membership read from"
          options={MEMBERSHIP_SOURCES}
          labels={{ MEMBER_OF: "The users' memberOf", GROUP_MEMBERS: "The groups' member values" }}
          value={values.membershipSource}
          onChange={(v) => set('membershipSource', v)}
        />
        <CheckboxField
          label="Expand nested groups (transitive membership)"
          value={values.expandNestedGroups}
          onChange={(v) => set('expandNestedGroups', v)}
        />
      </div>
      <LdapPreview
        label="Preview groups"
        query={{
          directoryId: values.directoryId,
          baseDn: values.groupsBaseDn,
          scope: values.groupsScope,
          filter: values.groupsFilter,
          attributes: [values.groupNameAttribute, values.groupMemberAttribute],
        }}
      />
    </>
  );
}
