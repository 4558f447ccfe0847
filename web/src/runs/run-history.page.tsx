import { useState } from 'react';
import type { SyncKind, SyncRunStatus } from '../gql/graphql.js';
import { SelectField, TextField } from '../ui/form-fields.js';
import { RunList } from './run-list.js';

const ANY = 'ANY';
const JOB_TYPES: readonly (SyncKind | typeof ANY)[] = [ANY, 'DIRECTORY_SYNC', 'ROLE_SYNC'];
const STATUSES: readonly (SyncRunStatus | typeof ANY)[] = [
  ANY,
  'QUEUED',
  'RUNNING',
  'AWAITING_APPROVAL',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
];

/** A yyyy-mm-dd day of the local calendar as the instant it starts; `nextDay` for an inclusive "to". */
function startOfDay(day: string, nextDay = false): string | null {
  if (day === '') return null;
  const date = new Date(`${day}T00:00:00`);
  if (nextDay) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function RunHistoryPage() {
  const [jobType, setJobType] = useState<SyncKind | typeof ANY>(ANY);
  const [status, setStatus] = useState<SyncRunStatus | typeof ANY>(ANY);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = {
    jobType: jobType === ANY ? null : jobType,
    status: status === ANY ? null : status,
    createdFrom: startOfDay(from),
    createdBefore: startOfDay(to, true),
  };

  return (
    <>
      <h1>Run history</h1>
      <form className="filters" aria-label="Run filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Job type"
          options={JOB_TYPES}
          labels={{ ANY: 'Any', DIRECTORY_SYNC: 'Directory sync', ROLE_SYNC: 'Role sync' }}
          value={jobType}
          onChange={setJobType}
        />
        <SelectField
          label="Status"
          options={STATUSES}
          labels={{ ANY: 'Any' }}
          value={status}
          onChange={setStatus}
        />
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
