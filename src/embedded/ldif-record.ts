// LDIF writing (RFC 2849) for the directories Rolesync loads into its own slapd: the demo's, the
// test harness's and the benchmark's.

export type LdifAttribute = readonly [name: string, value: string];

export function ldifRecord(dn: string, attributes: readonly LdifAttribute[]): string {
  return [ldifLine('dn', dn), ...attributes.map(([name, value]) => ldifLine(name, value)), '', ''].join('\n');
}

/** One LDIF line; values that are not SAFE-STRINGs (RFC 2849) or end in a space are base64-encoded. */
export function ldifLine(name: string, value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be caught
  const safe = /^(?:[\x01-\x09\x0b\x0c\x0e-\x1f\x21-\x39\x3b\x3d-\x7f][\x01-\x09\x0b\x0c\x0e-\x7f]*)?$/.test(
    value,
  );
  if (safe && !value.endsWith(' ')) return `${name}: ${value}`;
  return `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}
