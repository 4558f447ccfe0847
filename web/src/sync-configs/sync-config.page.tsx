import { useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import { MappingEditor } from '../mappings/mapping-editor.js';
import { Link, navigate, useLocation } from '../routing/router.js';
import { RunList } from '../runs/run-list.js';
import { StartRunButtons } from '../runs/start-run-buttons.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { useFormState } from '../ui/form-fields.js';
import { Tabs } from '../ui/tabs.js';
import { GeneralFields, GroupsFields, UsersFields } from './sync-config-fields.js';
import { newSyncConfig, type SyncConfigSettings } from './sync-config-settings.js';

const SyncConfigQuery = graphql(`
  query SyncConfig($id: ID!) {
    syncConfig(id: $id) {
      id
      ...SyncConfigSettings
      effectiveDifferentialSync
      differentialSyncNote
      updatedAt
    }
  }
`);

const DirectoryNamesQuery = graphql(`
  query DirectoryNames {
    directories {
      id
      name
    }
  }
`);

const CreateSyncConfigMutation = graphql(`
  mutation CreateSyncConfig($input: CreateSyncConfigInput!) {
    createSyncConfig(input: $input) {
      id
    }
  }
`);

const UpdateSyncConfigMutation = graphql(`
  mutation UpdateSyncConfig($id: ID!, $input: UpdateSyncConfigInput!) {
    updateSyncConfig(id: $id, input: $input) {
      id
      ...SyncConfigSettings
      effectiveDifferentialSync
      differentialSyncNote
      updatedAt
    }
  }
`);

type TabKey = 'general' | 'users' | 'groups' | 'mappings' | 'runs';
const SETTINGS_TABS = [
  { key: 'general', label: 'General' },
  { key: 'users', label: 'Users' },
  { key: 'groups', label: 'Groups' },
] as const;
const SAVED_TABS = [
  ...SETTINGS_TABS,
  { key: 'mappings', label: 'Mappings' },
  { key: 'runs', label: 'Runs' },
] as const;

/** A sync config: create (id null) or view and edit, with its mappings and runs once it exists. */
export function SyncConfigPage(props: { id: string | null }) {
  const { query } = useLocation();
  const [directories] = useQuery({ query: DirectoryNamesQuery });
  const [config] = useQuery({
    query: SyncConfigQuery,
    variables: { id: props.id ?? '' },
    pause: props.id === null,
  });
  const directoryList = directories.data?.directories ?? [];
  const loaded = config.data?.syncConfig;

  if (props.id === null) {
    if (directories.fetching) return <h1>New sync config</h1>;
    if (directoryList.length === 0) {
      return (
        <>
          <h1>New sync config</h1>
          <ErrorNotice error={directories.error} />
          <EmptyState title="A sync config reads from a directory, and there is none yet.">
            <Link to="/directories">Add a directory</Link> first, then come back here.
          </EmptyState>
        </>
      );
    }
    const directoryId = query.get('directoryId') ?? directoryList[0]?.id ?? '';
    return <SyncConfigEditor id={null} initial={newSyncConfig(directoryId)} directories={directoryList} />;
  }
  if (loaded === undefined) {
    return (
      <>
        <h1>Sync config</h1>
        <ErrorNotice error={config.error ?? directories.error} title="The sync config could not be loaded." />
      </>
    );
  }
  const { __typename, id, effectiveDifferentialSync, differentialSyncNote, updatedAt, ...settings } = loaded;
  return (
    <SyncConfigEditor
      key={id}
      id={id}
      initial={settings}
      directories={directoryList}
      differentialSyncNote={effectiveDifferentialSync ? null : differentialSyncNote}
    />
  );
}

function SyncConfigEditor(props: {
  id: string | null;
  initial: SyncConfigSettings;
  directories: readonly { id: string; name: string }[];
  differentialSyncNote?: string | null;
}) {
  const [values, set] = useFormState(props.initial);
  const [tab, setTab] = useState<TabKey>('general');
  const [created, createConfig] = useMutation(CreateSyncConfigMutation);
  const [updated, updateConfig] = useMutation(UpdateSyncConfigMutation);
  const saving = created.fetching || updated.fetching;
  const saveError = created.error ?? updated.error;
  const { id } = props;

  function save(event: SyntheticEvent): void {
    event.preventDefault();
    if (id === null) {
      void createConfig({ input: values }).then((result) => {
        const newId = result.data?.createSyncConfig.id;
        if (newId !== undefined) navigate(`/sync-configs/${newId}`, { replace: true });
      });
    } else {
      const { kind, ...changes } = values;
      void updateConfig({ id, input: changes });
    }
  }

  const settingsTab = tab === 'general' || tab === 'users' || tab === 'groups';
  return (
    <>
      <h1>{id === null ? 'New sync config' : `Sync config ${props.initial.name}`}</h1>
      {id === null ? null : <StartRunButtons syncConfigId={id} />}
      {props.differentialSyncNote == null ? null : <p className="notice">{props.differentialSyncNote}</p>}
      <Tabs
        label="Sync config"
        tabs={id === null ? SETTINGS_TABS : SAVED_TABS}
        selected={tab}
        onSelect={setTab}
      >
        {settingsTab ? (
          <form onSubmit={save}>
            {tab === 'general' ? (
              <GeneralFields values={values} set={set} directories={props.directories} isNew={id === null} />
            ) : tab === 'users' ? (
              <UsersFields values={values} set={set} />
            ) : (
              <GroupsFields values={values} set={set} />
            )}
            <ErrorNotice error={saveError} title="The sync config was not saved." />
            {updated.data === undefined || updated.error !== undefined ? null : (
              <p role="status" className="notice notice-ok">
                Saved.
              </p>
            )}
            <div className="form-actions">
              <button type="submit" className="primary" disabled={saving}>
                {id === null ? 'Create sync config' : 'Save changes'}
              </button>
              {id === null ? (
                <span className="hint">Settings of all three tabs are saved together.</span>
              ) : null}
            </div>
          </form>
        ) : id === null ? null : tab === 'mappings' ? (
          <MappingEditor syncConfigId={id} kind={values.kind} />
        ) : (
          <RunList filter={{ syncConfigId: id }} />
        )}
      </Tabs>
    </>
  );
}
