/**
 * OpenLDAP's entryCSN: the change's time to the microsecond, then a change count, the server id and a
 * modification count, all fixed width (`20261202072958.609635Z#000000#000#000000`), so CSNs of one
 * server sort as strings.
 */
const ENTRY_CSN = /^\d{14}\.\d{6}Z#[0-9a-f]{6}#[0-9a-f]{3}#[0-9a-f]{6}$/i;

export function isEntryCsn(value: string): boolean {
  return ENTRY_CSN.test(value);
}

/** The later of two CSNs (either may be null). */
export function laterCsn(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}
