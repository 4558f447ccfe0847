import { defineEntity, p } from '@mikro-orm/core';

/**
 * One directory user read by a run. Written in bulk by SQL (never through the unit of work) and
 * dropped when the run ends; the entity exists so that migrations describe the table.
 */
export const StagedUserSchema = defineEntity({
  name: 'StagedUser',
  tableName: 'staged_user',
  properties: {
    runId: p.uuid().primary(),
    /** Normalized DN (RFC 4514 canonical form), the key inside one run. */
    dnNorm: p.text().primary(),
    dn: p.text(),
    stableId: p.text().nullable(),
    login: p.text().nullable(),
    displayName: p.text().nullable(),
    email: p.text().nullable(),
    externalId: p.text().nullable(),
    /** Normalized DNs of the groups the entry's memberOf names. */
    memberOf: p.array(),
    /**
     * Decoded by this run (false: a copy of the snapshot's row, carried over by an incremental run, or
     * known to a full read by its entry's digest).
     */
    fresh: p.boolean().default(true),
    /** Carried over and then given another memberOf by the incremental correction. */
    corrected: p.boolean().default(false),
    /**
     * With corrected: the groups the correction added to and removed from the snapshot's memberOf, so that
     * the plan need not read the snapshot's row again for them.
     */
    memberOfAdded: p.array().nullable(),
    memberOfRemoved: p.array().nullable(),
    /**
     * SHA-256 (base64) of the entry as the server sent it, with the read's mapping (watchEntryDigests):
     * a full read takes the row of a known digest instead of decoding the entry again. Null where the
     * row is no longer what those bytes map to (corrected) or the read took none (ranged attributes).
     */
    entryDigest: p.text().nullable(),
  },
});

export class StagedUser extends StagedUserSchema.class {}
StagedUserSchema.setClass(StagedUser);
