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
    /** Read by this run (false: carried over from the snapshot by an incremental run). */
    fresh: p.boolean().default(true),
  },
});

export class StagedGroup extends StagedGroupSchema.class {}
StagedGroupSchema.setClass(StagedGroup);
