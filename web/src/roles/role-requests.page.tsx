import { useState } from 'react';
import { ROLE_REQUEST_STATES } from '../../../src/domain/role-states.js';
import type { RoleRequestState } from '../gql/graphql.js';
import { FilterSelectField, TextField } from '../ui/form-fields.js';
import { RoleRequestList } from './role-request-list.js';

export function RoleRequestsPage() {
  const [state, setState] = useState<RoleRequestState | null>(null);
  const [resultCode, setResultCode] = useState('');
  const filter = {
    state,
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
        <FilterSelectField label="State" options={ROLE_REQUEST_STATES} value={state} onChange={setState} />
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
