import { defineEntity, p } from '@mikro-orm/core';
import { PLAN_IDENTITY_ACTIONS, PLAN_MEMBERSHIP_ACTIONS } from '../domain/sync-run-state.js';

/**
 * A run's planned identity changes, computed set-based from staging and kept with the run so that a dry
 * run, the safety guard and operators can see exactly what the apply phase will do.
 */
export const PlanIdentitySchema = defineEntity({
  name: 'PlanIdentity',
  tableName: 'plan_identity',
  properties: {
    runId: p.uuid().primary(),
    /** The identity's id; chosen at planning for CREATE so that planned memberships can name it. */
    identityId: p.uuid().primary(),
    action: p.enum(PLAN_IDENTITY_ACTIONS),
    login: p.text(),
    displayName: p.text().nullable(),
    email: p.text().nullable(),
    dn: p.text().nullable(),
    dnNorm: p.text().nullable(),
    externalId: p.text().nullable(),
    reason: p.text().nullable(),
  },
});

export class PlanIdentity extends PlanIdentitySchema.class {}
PlanIdentitySchema.setClass(PlanIdentity);

export const PlanMembershipSchema = defineEntity({
  name: 'PlanMembership',
  tableName: 'plan_membership',
  properties: {
    runId: p.uuid().primary(),
    identityId: p.uuid().primary(),
    appGroupId: p.uuid().primary(),
    ldapGroupDnNorm: p.text().primary(),
    action: p.enum(PLAN_MEMBERSHIP_ACTIONS),
  },
});

export class PlanMembership extends PlanMembershipSchema.class {}
PlanMembershipSchema.setClass(PlanMembership);
