/** How a run reads the directory: every entry, or only those changed since the snapshot's mark. */
export const READ_MODES = ['FULL', 'INCREMENTAL'] as const;
export type ReadMode = (typeof READ_MODES)[number];

/**
 * How far a run's read saw the directory.
 * - Active Directory: the domain controller's highestCommittedUSN before the read. USNs are per DC, so
 *   the mark names the DC (its dsServiceName) and is worthless on another one.
 * - OpenLDAP: the greatest entryCSN of the entries to read, taken before the read. It is exact to the
 *   change, so the next read starts right after it.
 * - Servers whose entries carry no entryCSN (FreeIPA, 389-DS): the greatest modifyTimestamp read. It has
 *   whole seconds, so the next read starts at that second again.
 */
export type ReadMark =
  | { kind: 'MODIFY_TIMESTAMP'; value: string }
  | { kind: 'ENTRY_CSN'; value: string }
  | { kind: 'USN'; server: string; value: string };

/** The longest a config may go without a full read (a year): deletions must surface eventually. */
export const MAX_FULL_SYNC_INTERVAL_MINUTES = 366 * 24 * 60;
