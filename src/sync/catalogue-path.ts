import type { CatalogueStrategy } from '../domain/role-states.js';
import { rdnPath } from '../ldap/index.js';

export interface CatalogueSettings {
  strategy: CatalogueStrategy;
  /** A path such as "Rolesync/Corp": every role of the sync goes under it. */
  mainNode: string | null;
  groupsBaseDn: string;
}

/** "IT / Servers/" -> ["IT", "Servers"]: the separator is '/', empty segments are dropped. */
export function splitCataloguePath(value: string): string[] {
  return value
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

/**
 * The catalogue path of a synced group's role: the main node's path, then either the OU path of the group
 * DN below the groups base (RESOLVE_BY_DN) or the group's catalogue attribute value (ALL_UNDER_MAIN).
 * Node identity is the full path, so a path can never loop back to an ancestor.
 */
export function cataloguePathOf(
  group: { dn: string; catalogueValue: string | null },
  settings: CatalogueSettings,
): string[] {
  const main = settings.mainNode === null ? [] : splitCataloguePath(settings.mainNode);
  const own =
    settings.strategy === 'RESOLVE_BY_DN'
      ? (rdnPath(group.dn, settings.groupsBaseDn) ?? [])
      : group.catalogueValue === null
        ? []
        : splitCataloguePath(group.catalogueValue);
  return [...main, ...own];
}
