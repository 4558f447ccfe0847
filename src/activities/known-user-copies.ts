import type { KnownRows, StagingRepository } from '../db/staging.repository.js';

/**
 * The users a full read knew by their entries' digests, staged as copies of the snapshot's rows as their
 * pages arrive (the copy of one page overlaps the read of the next). While every entry read so far is
 * known the copies wait: when all are known and the snapshot holds no other user, nothing is copied at
 * all (stageGroups adopts the snapshot, or copies its users then).
 */
export class KnownUserCopies {
  /** Known users read, and their memberOf values (from the snapshot's rows). */
  read = 0;
  memberOfValues = 0;
  private decoded = 0;
  private waiting: string[] = [];

  constructor(
    private readonly staging: StagingRepository,
    private readonly runId: string,
    private readonly snapshotRunId: string,
    private readonly known: KnownRows,
  ) {}

  /** The digests the read knows. */
  get knownDigests(): Pick<ReadonlySet<string>, 'has'> {
    return this.known.byDigest;
  }

  /** One page: how many entries it decoded, and the digests of those it knew. */
  async page(decoded: number, knownDigests: readonly string[]): Promise<void> {
    this.decoded += decoded;
    this.read += knownDigests.length;
    for (const digest of knownDigests) {
      const row = this.known.byDigest.get(digest);
      if (row === undefined) continue;
      this.memberOfValues += row.values;
      this.waiting.push(row.dnNorm);
    }
    if (this.decoded > 0) await this.copyWaiting();
  }

  /** Ends the read. True: the run's users are the snapshot's, none was copied; else all are staged. */
  async finish(): Promise<boolean> {
    if (this.decoded === 0 && this.read === this.known.rows) return true;
    await this.copyWaiting();
    return false;
  }

  private async copyWaiting(): Promise<void> {
    if (this.waiting.length === 0) return;
    const dnNorms = this.waiting;
    this.waiting = [];
    await this.staging.copyKnownUsers(this.runId, this.snapshotRunId, dnNorms);
  }
}
