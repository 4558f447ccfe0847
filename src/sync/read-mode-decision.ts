import type { ReadMark, ReadMode } from '../domain/read-modes.js';
import type { DirectoryServerType } from '../ldap/index.js';
import { isEntryCsn } from './entry-csn.js';

/** What decides whether a run may read only the changes since the snapshot (the last successful run). */
export interface ReadModeInputs {
  fullRequested: boolean;
  incrementalReads: boolean;
  /** Role sync with membership management: every run is full (the role-sync reference). */
  membershipManagement: boolean;
  /** The config's last successful run whose staging is kept, with the mark its read reached. */
  snapshot: { mark: ReadMark | null; createdAt: Date } | null;
  configUpdatedAt: Date;
  lastFullReadAt: Date | null;
  fullSyncIntervalMinutes: number;
  now: Date;
  server: { type: DirectoryServerType; dsServiceName: string | null };
}

export type ReadModeDecision =
  | { mode: Extract<ReadMode, 'FULL'>; reason: string }
  | { mode: Extract<ReadMode, 'INCREMENTAL'>; since: ReadMark };

/**
 * Incremental reads cannot see deletions, so a full read is kept for whenever the snapshot cannot be
 * trusted to be the directory minus the changes since its mark: first run, config edited, mark from
 * another domain controller (USNs are per DC), or the full-reconciliation interval passed.
 */
export function decideReadMode(inputs: ReadModeInputs): ReadModeDecision {
  const full = (reason: string): ReadModeDecision => ({ mode: 'FULL', reason });
  if (inputs.fullRequested) return full('a full reconciliation was asked for');
  if (!inputs.incrementalReads) return full('incremental reads are off for this config');
  if (inputs.membershipManagement) return full('membership management reads every group in full');
  const { snapshot } = inputs;
  if (snapshot === null) return full('no earlier successful run to continue from');
  if (snapshot.mark === null) return full('the last successful run recorded no change mark');
  if (inputs.configUpdatedAt > snapshot.createdAt)
    return full('the config changed since the last successful run');
  const dueAt =
    inputs.lastFullReadAt === null
      ? null
      : inputs.lastFullReadAt.getTime() + inputs.fullSyncIntervalMinutes * 60_000;
  if (dueAt === null || dueAt <= inputs.now.getTime()) {
    return full(`the last full read is older than ${inputs.fullSyncIntervalMinutes} minutes`);
  }
  const isAd = inputs.server.type === 'ACTIVE_DIRECTORY';
  if (snapshot.mark.kind === 'USN') {
    if (!isAd) return full('the server no longer identifies as Active Directory');
    if (snapshot.mark.server !== inputs.server.dsServiceName) {
      return full('another domain controller answers than the one the last run read (USNs are per DC)');
    }
  } else if (isAd) {
    return full('the last run read the server by modifyTimestamp, Active Directory is read by USN');
  }
  return { mode: 'INCREMENTAL', since: snapshot.mark };
}

/** The filter clause selecting entries changed since the mark. */
export function changedSinceFilter(mark: ReadMark): string {
  // Marks come from the server, never from input; still, only digits, a CSN or a GeneralizedTime pass.
  if (mark.kind === 'USN') return `(uSNChanged>=${(BigInt(mark.value) + 1n).toString()})`;
  if (mark.kind === 'ENTRY_CSN') {
    if (!isEntryCsn(mark.value)) throw new Error(`not an entryCSN: ${mark.value}`);
    return `(&(entryCSN>=${mark.value})(!(entryCSN=${mark.value})))`;
  }
  if (parseGeneralizedTime(mark.value) === null) throw new Error(`not a GeneralizedTime: ${mark.value}`);
  return `(modifyTimestamp>=${mark.value})`;
}

/** A query's filter narrowed to the entries changed since the mark; unchanged without one. */
export function withChangedSince(filter: string, mark: ReadMark | null): string {
  return mark === null ? filter : `(&${filter}${changedSinceFilter(mark)})`;
}

/** The later of two GeneralizedTime values (either may be null); a value that does not parse loses. */
export function laterTimestamp(a: string | null, b: string | null): string | null {
  const keyA = a === null ? null : parseGeneralizedTime(a);
  const keyB = b === null ? null : parseGeneralizedTime(b);
  if (keyA === null) return keyB === null ? null : b;
  if (keyB === null) return a;
  return keyB > keyA ? b : a;
}

/**
 * A sortable key for a UTC GeneralizedTime (YYYYMMDDHHMMSS[.fraction]Z), as OpenLDAP, 389-DS and AD
 * return modifyTimestamp; null for anything else.
 */
function parseGeneralizedTime(value: string): string | null {
  const match = /^(\d{14})(?:[.,](\d{1,9}))?Z$/.exec(value);
  if (match === null) return null;
  return `${match[1] ?? ''}.${(match[2] ?? '').padEnd(9, '0')}`;
}
