/** Pure rules of the safety guard (DESIGN.md "Safety" and "Fail closed"). */

export interface GuardInput {
  /** Distinct identities the plan would deactivate or take out of a group. */
  identitiesAffected: number;
  /** Active identities of the directory before the run. */
  activeIdentities: number;
  thresholdPercent: number;
  usersRead: number;
  /** Users the last successful run of the config read; null when there is none. */
  previousUsersRead: number | null;
}

export interface GuardDecision {
  approvalNeeded: boolean;
  reason: string | null;
}

export function evaluateSafetyGuard(input: GuardInput): GuardDecision {
  if (input.usersRead === 0 && ((input.previousUsersRead ?? 0) > 0 || input.activeIdentities > 0)) {
    return {
      approvalNeeded: true,
      reason:
        'The directory returned no users where there were some before: a wrong base DN or filter is more likely than everyone leaving.',
    };
  }
  if (input.identitiesAffected === 0) return { approvalNeeded: false, reason: null };
  const base = Math.max(input.activeIdentities, 1);
  const percent = (input.identitiesAffected / base) * 100;
  if (percent > input.thresholdPercent) {
    return {
      approvalNeeded: true,
      reason: `The plan would deactivate or remove memberships of ${input.identitiesAffected} of ${input.activeIdentities} identities (${percent.toFixed(1)}%, threshold ${input.thresholdPercent}%).`,
    };
  }
  return { approvalNeeded: false, reason: null };
}
