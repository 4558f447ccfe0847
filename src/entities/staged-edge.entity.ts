import { defineEntity, p } from '@mikro-orm/core';

/** A resolved user-in-group fact of a run (direct, or transitive when nesting is expanded). */
export const StagedEdgeSchema = defineEntity({
  name: 'StagedEdge',
  tableName: 'staged_edge',
  properties: {
    runId: p.uuid().primary(),
    userDnNorm: p.text().primary(),
    groupDnNorm: p.text().primary(),
  },
});

export class StagedEdge extends StagedEdgeSchema.class {}
StagedEdgeSchema.setClass(StagedEdge);
