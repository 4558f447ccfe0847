import { describe, expect, it } from 'vitest';

import {
  changedSinceFilter,
  decideReadMode,
  laterTimestamp,
  withChangedSince,
  type ReadModeInputs,
} from '../../../src/sync/read-mode-decision.js';
import { isEntryCsn, laterCsn } from '../../../src/sync/entry-csn.js';

const now = new Date('2026-11-25T12:00:00Z');
const hoursAgo = (hours: number): Date => new Date(now.getTime() - hours * 3_600_000);
const openLdapMark = { kind: 'MODIFY_TIMESTAMP', value: '20261125110000Z' } as const;
const dc1 = 'CN=NTDS Settings,CN=DC1,CN=Servers,CN=Site,CN=Sites,CN=Configuration,DC=corp,DC=example';

function inputs(overrides: Partial<ReadModeInputs> = {}): ReadModeInputs {
  return {
    fullRequested: false,
    incrementalReads: true,
    membershipManagement: false,
    snapshot: { mark: openLdapMark, createdAt: hoursAgo(1) },
    configUpdatedAt: hoursAgo(48),
    lastFullReadAt: hoursAgo(2),
    fullSyncIntervalMinutes: 1440,
    now,
    server: { type: 'OPENLDAP', dsServiceName: null },
    ...overrides,
  };
}

describe('decideReadMode', () => {
  it('reads incrementally from the snapshot mark when nothing forces a full read', () => {
    expect(decideReadMode(inputs())).toEqual({ mode: 'INCREMENTAL', since: openLdapMark });
  });

  it.each([
    ['a full reconciliation was asked for', { fullRequested: true }],
    ['incremental reads are off for this config', { incrementalReads: false }],
    ['membership management reads every group in full', { membershipManagement: true }],
    ['no earlier successful run to continue from', { snapshot: null }],
    ['the last successful run recorded no change mark', { snapshot: { mark: null, createdAt: hoursAgo(1) } }],
    ['the config changed since the last successful run', { configUpdatedAt: hoursAgo(0.5) }],
    ['the last full read is older than 1440 minutes', { lastFullReadAt: hoursAgo(25) }],
    ['the last full read is older than 60 minutes', { fullSyncIntervalMinutes: 60 }],
    ['the last full read is older than 1440 minutes', { lastFullReadAt: null }],
  ] satisfies [string, Partial<ReadModeInputs>][])('reads in full when %s', (reason, overrides) => {
    expect(decideReadMode(inputs(overrides))).toEqual({ mode: 'FULL', reason });
  });

  it('continues an AD mark only on the same domain controller', () => {
    const usnMark = { kind: 'USN', server: dc1, value: '5000' } as const;
    const ad = { snapshot: { mark: usnMark, createdAt: hoursAgo(1) } };
    expect(
      decideReadMode(inputs({ ...ad, server: { type: 'ACTIVE_DIRECTORY', dsServiceName: dc1 } })),
    ).toEqual({
      mode: 'INCREMENTAL',
      since: usnMark,
    });
    const otherDc = decideReadMode(
      inputs({ ...ad, server: { type: 'ACTIVE_DIRECTORY', dsServiceName: dc1.replace('DC1', 'DC2') } }),
    );
    expect(otherDc.mode).toBe('FULL');
    expect(otherDc.mode === 'FULL' ? otherDc.reason : '').toContain('another domain controller');
  });

  it('does not read AD by a timestamp mark', () => {
    const decision = decideReadMode(inputs({ server: { type: 'ACTIVE_DIRECTORY', dsServiceName: dc1 } }));
    expect(decision.mode).toBe('FULL');
  });
});

describe('changedSinceFilter', () => {
  it('selects entries at or after a timestamp mark, and after a USN mark', () => {
    expect(changedSinceFilter(openLdapMark)).toBe('(modifyTimestamp>=20261125110000Z)');
    expect(changedSinceFilter({ kind: 'USN', server: dc1, value: '9007199254740993' })).toBe(
      '(uSNChanged>=9007199254740994)',
    );
  });

  it('selects entries strictly after an entryCSN mark', () => {
    const csn = '20261202072958.609635Z#000000#000#000000';
    expect(changedSinceFilter({ kind: 'ENTRY_CSN', value: csn })).toBe(
      `(&(entryCSN>=${csn})(!(entryCSN=${csn})))`,
    );
    expect(withChangedSince('(objectClass=person)', { kind: 'ENTRY_CSN', value: csn })).toBe(
      `(&(objectClass=person)(&(entryCSN>=${csn})(!(entryCSN=${csn}))))`,
    );
    expect(withChangedSince('(objectClass=person)', null)).toBe('(objectClass=person)');
  });

  it('refuses an entryCSN mark that is no CSN', () => {
    expect(() => changedSinceFilter({ kind: 'ENTRY_CSN', value: '20261202072958Z)(uid=*' })).toThrow(
      'not an entryCSN',
    );
  });

  it('refuses a timestamp mark that is no GeneralizedTime', () => {
    expect(() => changedSinceFilter({ kind: 'MODIFY_TIMESTAMP', value: '*)(uid=*' })).toThrow(
      'not a GeneralizedTime',
    );
  });
});

describe('laterTimestamp', () => {
  it('compares GeneralizedTime values with and without fractions', () => {
    expect(laterTimestamp('20261125110000Z', '20261125105959Z')).toBe('20261125110000Z');
    expect(laterTimestamp('20261125110000Z', '20261125110000.5Z')).toBe('20261125110000.5Z');
    expect(laterTimestamp(null, '20261125110000Z')).toBe('20261125110000Z');
    expect(laterTimestamp('garbage', '20261125110000Z')).toBe('20261125110000Z');
    expect(laterTimestamp(null, null)).toBeNull();
  });
});

describe('entryCSN', () => {
  const early = '20261202072958.609635Z#000000#000#000000';
  const later = '20261202072958.609636Z#000000#000#000000';

  it('recognises OpenLDAP CSNs only', () => {
    expect(isEntryCsn(early)).toBe(true);
    expect(isEntryCsn('20261202072958Z')).toBe(false);
    expect(isEntryCsn(`${early})(uid=*`)).toBe(false);
  });

  it('takes the later CSN, to the microsecond', () => {
    expect(laterCsn(early, later)).toBe(later);
    expect(laterCsn(later, early)).toBe(later);
    expect(laterCsn(null, early)).toBe(early);
    expect(laterCsn(null, null)).toBeNull();
  });
});
