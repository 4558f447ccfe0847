export const AUTHORIZATION_TYPES = ['LDAP', 'LOCAL', 'SSO'] as const;
export type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];

/** Why an identity was deactivated; sync only ever reactivates what sync deactivated. */
export const DEACTIVATION_REASONS = ['NOT_IN_MAPPED_GROUP', 'NOT_FOUND_IN_DIRECTORY', 'MANUAL'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];
