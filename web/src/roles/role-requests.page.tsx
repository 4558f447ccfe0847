import { useState } from 'react';
import type { RoleRequestState } from '../gql/graphql.js';
import { SelectField, TextField } from '../ui/form-fields.js';
import { RoleRequestList } from './role-request-list.js';

const ANY = 'ANY';
const STATES: readonly (RoleRequestState | typeof ANY)[] = [ANY, 'CONCEPT', 'EXECUTED', 'FAILED'];

export function RoleRequestsPage() {
  const [state, setState] = useState<RoleRequestState | typeof ANY>(ANY);
  const [resultCode, setResultCode] = useState('');
  const filter = {
    state: state === ANY ? null : state,
    resultCode: resultCode.trim() === '' ? null : resultCode.trim(),
  };

  return (
    <>
      <h1>Role requests</h1>
      <form
        className="filters"
        aria-label="Role request filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="State"
          options={STATES}
          labels={{ ANY: 'Any' }}
          value={state}
          onChange={setState}
        />
        <TextField
          label="Result code"
          hint="e.g. SYNC-OF-ROLES-COMMON-ROLE-REQUEST"
          value={resultCode}
          onChange={setResultCode}
        />
      </form>
      <RoleRequestList
        key={JSON.stringify(filter)}
        filter={filter}
        filtered={filter.state !== null || filter.resultCode !== null}
      />
    </>
  );
}
