import { useId, useState } from 'react';

/** Adds one application group to an LDAP group's mappings: pick from a list, then "Map". */
export function AppGroupPicker(props: {
  ldapGroupName: string;
  appGroups: readonly { id: string; name: string }[];
  onPick: (appGroupId: string) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState('');
  return (
    <div className="inline-form">
      <label htmlFor={id} className="visually-hidden">
        Application group for {props.ldapGroupName}
      </label>
      <select id={id} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        <option value="">Choose an application group…</option>
        {props.appGroups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={chosen === ''}
        aria-label={`Map ${props.ldapGroupName} to the chosen application group`}
        onClick={() => {
          props.onPick(chosen);
          setChosen('');
        }}
      >
        Map
      </button>
    </div>
  );
}
