// Counts LDAP operations from slapd's "stats" log (one RESULT line per answered operation, with the
// entries a search returned), so every measured step can report how many requests it made.

export interface LdapOperationCounts {
  connections: number;
  binds: number;
  /** Search requests; with paged results, one per page. */
  searches: number;
  entriesReturned: number;
  modifies: number;
  /** Every other answered operation (add, delete, extended, compare, ...). */
  other: number;
}

const RESULT_TAG = { bind: 97, search: 101, modify: 103 } as const;

export function emptyCounts(): LdapOperationCounts {
  return { connections: 0, binds: 0, searches: 0, entriesReturned: 0, modifies: 0, other: 0 };
}

export function subtractCounts(after: LdapOperationCounts, before: LdapOperationCounts): LdapOperationCounts {
  return {
    connections: after.connections - before.connections,
    binds: after.binds - before.binds,
    searches: after.searches - before.searches,
    entriesReturned: after.entriesReturned - before.entriesReturned,
    modifies: after.modifies - before.modifies,
    other: after.other - before.other,
  };
}

export class LdapOperationLog {
  private readonly counts = emptyCounts();
  private partialLine = '';

  consume(chunk: Buffer): void {
    const lines = (this.partialLine + chunk.toString('utf8')).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) this.count(line);
  }

  snapshot(): LdapOperationCounts {
    return { ...this.counts };
  }

  private count(line: string): void {
    if (line.includes(' ACCEPT from ')) {
      this.counts.connections++;
      return;
    }
    const tag = / RESULT tag=(\d+) /.exec(line)?.[1];
    if (tag === undefined) return;
    switch (Number(tag)) {
      case RESULT_TAG.bind:
        this.counts.binds++;
        break;
      case RESULT_TAG.search:
        this.counts.searches++;
        this.counts.entriesReturned += Number(/ nentries=(\d+)/.exec(line)?.[1] ?? 0);
        break;
      case RESULT_TAG.modify:
        this.counts.modifies++;
        break;
      default:
        this.counts.other++;
    }
  }
}
