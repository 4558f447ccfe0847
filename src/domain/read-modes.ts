/** How a run reads the directory: every entry, or only those changed since the snapshot's mark. */
export const READ_MODES = ['FULL', 'INCREMENTAL'] as const;
export type ReadMode = (typeof READ_MODES)[number];

/**
 * How far a run's read saw the directory. OpenLDAP, FreeIPA and 389-DS: the greatest modifyTimestamp
 * read (GeneralizedTime). Active Directory: the domain controller's highestCommittedUSN before the read;
 * USNs are per DC, so the mark names the DC (its dsServiceName) and is worthless on another one.
 */
export type ReadMark =
  { kind: 'MODIFY_TIMESTAMP'; value: string } | { kind: 'USN'; server: string; value: string };

/** The longest a config may go without a full read (a year): deletions must surface eventually. */
export const MAX_FULL_SYNC_INTERVAL_MINUTES = 366 * 24 * 60;
