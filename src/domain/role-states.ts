export const ROLE_REQUEST_STATES = ['CONCEPT', 'EXECUTED', 'FAILED'] as const;
export type RoleRequestState = (typeof ROLE_REQUEST_STATES)[number];

export const ROLE_REQUEST_ITEM_OPERATIONS = ['ADD', 'REMOVE'] as const;
export type RoleRequestItemOperation = (typeof ROLE_REQUEST_ITEM_OPERATIONS)[number];

export const ROLE_REQUEST_ITEM_STATES = ['PENDING', 'EXECUTED', 'FAILED'] as const;
export type RoleRequestItemState = (typeof ROLE_REQUEST_ITEM_STATES)[number];

export const PROVISIONING_STATES = ['NOT_NEEDED', 'PENDING', 'PROVISIONED', 'SKIPPED', 'FAILED'] as const;
export type ProvisioningState = (typeof PROVISIONING_STATES)[number];

export const CATALOGUE_STRATEGIES = ['ALL_UNDER_MAIN', 'RESOLVE_BY_DN'] as const;
export type CatalogueStrategy = (typeof CATALOGUE_STRATEGIES)[number];

export const IDENTITY_ROLE_ORIGINS = ['SYNC', 'MANUAL'] as const;
export type IdentityRoleOrigin = (typeof IDENTITY_ROLE_ORIGINS)[number];

/** The result code every request of a role sync carries (CzechIdM's name for it). */
export const SYNC_ROLE_REQUEST_RESULT_CODE = 'SYNC-OF-ROLES-COMMON-ROLE-REQUEST';
/** Requests made by hand through the API. */
export const MANUAL_ROLE_REQUEST_RESULT_CODE = 'MANUAL-ROLE-REQUEST';
