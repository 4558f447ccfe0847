import { defineEntity, p } from '@mikro-orm/core';

/** One directory group read by a run; bulk-written by SQL like StagedUser. */
export const StagedGroupSchema = defineEntity({
  name: 'StagedGroup',
  tableName: 'staged_group',
  properties: {
    runId: p.uuid().primary(),
    dnNorm: p.text().primary(),
    dn: p.text(),
    stableId: p.text().nullable(),
    name: p.text().nullable(),
    memberCount: p.integer(),
    /** Role sync: the values of the configured description and catalogue attributes. */
    description: p.text().nullable(),
    catalogueValue: p.text().nullable(),
    /**
     * CHANGED_GROUPS (MemberValuesUse): the member values of a group an incremental run re-read, as one
     * array; only the memberOf correction and the snapshot check unnest them. As staged_group_member
     * rows, 789k values took 2.8 s to insert at 100k users (the primary key's index and its sort order).
     */
    memberValues: p.array().nullable(),
    /**
     * CHANGED_GROUPS, read through the access log: the values the group gained and lost since the
     * snapshot (both set, maybe empty, in place of memberValues), applied to the memberOf carried over.
     */
    membersAdded: p.array().nullable(),
    membersRemoved: p.array().nullable(),
    /** Read by this run (false: carried over from the snapshot by an incremental run). */
    fresh: p.boolean().default(true),
    /**
     * As StagedUser.entryDigest. Never carried over by a completion: a group copied there may have its
     * member values renamed, and be no longer what its entry's bytes map to.
     */
    entryDigest: p.text().nullable(),
  },
});

export class StagedGroup extends StagedGroupSchema.class {}
StagedGroupSchema.setClass(StagedGroup);
