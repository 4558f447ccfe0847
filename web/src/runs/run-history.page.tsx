import { useState } from 'react';
import { SYNC_KINDS } from '../../../src/domain/directory-kinds.js';
import { SYNC_RUN_STATUSES } from '../../../src/domain/sync-run-state.js';
import type { SyncKind, SyncRunStatus } from '../gql/graphql.js';
import { FilterSelectField, TextField } from '../ui/form-fields.js';
import { RunList } from './run-list.js';

/** A yyyy-mm-dd day of the local calendar as the instant it starts; `nextDay` for an inclusive "to". */
function startOfDay(day: string, nextDay = false): string | null {
  if (day === '') return null;
  const date = new Date(`${day}T00:00:00`);
  if (nextDay) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function RunHistoryPage() {
  const [jobType, setJobType] = useState<SyncKind | null>(null);
  const [status, setStatus] = useState<SyncRunStatus | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = {
    jobType,
    status,
    createdFrom: startOfDay(from),
    createdBefore: startOfDay(to, true),
  };

  return (
    <>
      <h1>Run history</h1>
      <form className="filters" aria-label="Run filters" onSubmit={(event) => event.preventDefault()}>
        <FilterSelectField
          label="Job type"
          options={SYNC_KINDS}
          labels={{ DIRECTORY_SYNC: 'Directory sync', ROLE_SYNC: 'Role sync' }}
          value={jobType}
          onChange={setJobType}
        />
        <FilterSelectField label="Status" options={SYNC_RUN_STATUSES} value={status} onChange={setStatus} />
        <TextField label="From" type="date" value={from} onChange={setFrom} />
        <TextField label="To" type="date" value={to} onChange={setTo} />
      </form>
      <RunList
        key={JSON.stringify(filter)}
        filter={filter}
        filtered={Object.values(filter).some((value) => value !== null)}
      />
    </>
  );
}
