/** API token roles, weakest first: each role may do everything the ones before it may. */
export const API_ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export function roleAllows(held: ApiRole, required: ApiRole): boolean {
  return API_ROLES.indexOf(held) >= API_ROLES.indexOf(required);
}
