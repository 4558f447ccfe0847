import { defineEntity, p } from '@mikro-orm/core';

/**
 * The per-run cache of member DN look-ups on the member system: each DN is read once per run, however
 * many groups list it. Rows are deleted when the run ends, whatever the outcome.
 */
export const MemberLookupSchema = defineEntity({
  name: 'MemberLookup',
  tableName: 'member_lookup',
  properties: {
    runId: p.uuid().primary(),
    memberDnNorm: p.text().primary(),
    memberDn: p.text(),
    /** The account's primary identifier (sAMAccountName / uid); null when unresolved. */
    accountLogin: p.text().nullable(),
    /** Why it is unresolved: NOT_FOUND (dangling), GROUP (a nested group), NO_LOGIN, INVALID_DN. */
    outcome: p.string().length(30),
  },
});

export class MemberLookup extends MemberLookupSchema.class {}
MemberLookupSchema.setClass(MemberLookup);
