import { defineEntity, p } from '@mikro-orm/core';

/** One member value of a staged group (a normalized DN, or a uid for memberUid groups). */
export const StagedGroupMemberSchema = defineEntity({
  name: 'StagedGroupMember',
  tableName: 'staged_group_member',
  properties: {
    runId: p.uuid().primary(),
    groupDnNorm: p.text().primary(),
    memberValue: p.text().primary(),
  },
});

export class StagedGroupMember extends StagedGroupMemberSchema.class {}
StagedGroupMemberSchema.setClass(StagedGroupMember);
