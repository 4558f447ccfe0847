import { useState, type SyntheticEvent } from 'react';
import { DIRECTORY_KINDS, TLS_MODES } from '../../../src/domain/directory-kinds.js';
import type { DirectoryKind, TlsMode } from '../gql/graphql.js';
import {
  CheckboxField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
  useFormState,
} from '../ui/form-fields.js';

export interface DirectoryFormValues {
  name: string;
  kind: DirectoryKind;
  urls: string[];
  tlsMode: TlsMode;
  caCertPem: string | null;
  verifyCertificate: boolean;
  bindDn: string | null;
  pageSize: number;
  connectTimeoutMs: number;
  operationTimeoutMs: number;
}

/** What happens to the stored bind password: keep it, replace it, or remove it. */
export type BindPasswordChange = { kind: 'keep' } | { kind: 'set'; password: string } | { kind: 'remove' };

export const NEW_DIRECTORY: DirectoryFormValues = {
  name: '',
  kind: 'OPENLDAP',
  urls: [],
  tlsMode: 'STARTTLS',
  caCertPem: null,
  verifyCertificate: true,
  bindDn: null,
  pageSize: 1000,
  connectTimeoutMs: 10000,
  operationTimeoutMs: 120000,
};

/**
 * Create and edit form of a directory. The bind password is write-only: the form never shows one, it
 * only says whether one is stored and lets the operator replace or remove it.
 */
export function DirectoryForm(props: {
  initial: DirectoryFormValues;
  hasBindPassword: boolean;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: DirectoryFormValues, password: BindPasswordChange) => void;
}) {
  const [values, set] = useFormState(props.initial);
  const [urlsText, setUrlsText] = useState(props.initial.urls.join('\n'));
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);

  function submit(event: SyntheticEvent): void {
    event.preventDefault();
    const urls = urlsText
      .split(/\s+/)
      .map((url) => url.trim())
      .filter((url) => url !== '');
    const change: BindPasswordChange =
      password !== '' ? { kind: 'set', password } : removePassword ? { kind: 'remove' } : { kind: 'keep' };
    props.onSubmit({ ...values, urls }, change);
  }

  return (
    <form onSubmit={submit} className="form-grid">
      <TextField label="Name" required value={values.name} onChange={(v) => set('name', v)} />
      <SelectField
        label="Kind"
        options={DIRECTORY_KINDS}
        value={values.kind}
        onChange={(v) => set('kind', v)}
      />
      <TextAreaField
        label="Server URLs"
        hint="One per line, tried in order (failover), e.g. ldap://ldap1.example.org:389"
        required
        value={urlsText}
        onChange={setUrlsText}
      />
      <SelectField
        label="TLS mode"
        options={TLS_MODES}
        labels={{ STARTTLS: 'StartTLS on ldap://', LDAPS: 'LDAPS (ldaps://)', NONE: 'None (plain LDAP)' }}
        value={values.tlsMode}
        onChange={(v) => set('tlsMode', v)}
      />
      <TextAreaField
        label="CA certificate (PEM)"
        hint="Only when the server's certificate is not signed by a public CA"
        rows={2}
        value={values.caCertPem ?? ''}
        onChange={(v) => set('caCertPem', v === '' ? null : v)}
      />
      <CheckboxField
        label="Verify the server certificate"
        value={values.verifyCertificate}
        onChange={(v) => set('verifyCertificate', v)}
      />
      <TextField
        label="Bind DN"
        hint="The account Rolesync reads with, e.g. cn=reader,dc=example,dc=org"
        value={values.bindDn ?? ''}
        onChange={(v) => set('bindDn', v === '' ? null : v)}
      />
      <TextField
        label="Bind password"
        type="password"
        autoComplete="new-password"
        hint={
          props.hasBindPassword
            ? 'A password is stored (never shown). Type a new one to replace it, or leave empty to keep it.'
            : 'Write-only: stored encrypted and never shown again.'
        }
        value={password}
        onChange={setPassword}
      />
      {props.hasBindPassword ? (
        <CheckboxField
          label="Remove the stored password"
          value={removePassword}
          onChange={setRemovePassword}
        />
      ) : null}
      <NumberField
        label="Page size"
        min={1}
        max={10000}
        value={values.pageSize}
        onChange={(v) => set('pageSize', v ?? 0)}
      />
      <NumberField
        label="Connect timeout (ms)"
        min={1}
        value={values.connectTimeoutMs}
        onChange={(v) => set('connectTimeoutMs', v ?? 0)}
      />
      <NumberField
        label="Operation timeout (ms)"
        min={1}
        value={values.operationTimeoutMs}
        onChange={(v) => set('operationTimeoutMs', v ?? 0)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
