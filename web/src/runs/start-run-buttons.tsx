import { useMutation } from 'urql';
import { graphql } from '../gql/index.js';
import { navigate } from '../routing/router.js';
import { ErrorNotice } from '../ui/error-notice.js';

const StartSyncMutation = graphql(`
  mutation StartSync($syncConfigId: ID!, $dryRun: Boolean!) {
    startSync(syncConfigId: $syncConfigId, dryRun: $dryRun) {
      id
      status
    }
  }
`);

/** Starts a run (or a dry run that only plans) and opens its page to watch it. */
export function StartRunButtons(props: { syncConfigId: string; dryRunOnly?: boolean }) {
  const [started, startSync] = useMutation(StartSyncMutation);

  function start(dryRun: boolean): void {
    void startSync({ syncConfigId: props.syncConfigId, dryRun }).then((result) => {
      const id = result.data?.startSync.id;
      if (id !== undefined) navigate(`/runs/${id}`);
    });
  }

  return (
    <div className="actions">
      {props.dryRunOnly === true ? null : (
        <button type="button" className="primary" disabled={started.fetching} onClick={() => start(false)}>
          Start sync
        </button>
      )}
      <button type="button" disabled={started.fetching} onClick={() => start(true)}>
        Dry run (plan only)
      </button>
      <ErrorNotice error={started.error} title="The run did not start." />
    </div>
  );
}
