/**
 * synced_membership, identity_role and role_request_item have no foreign keys (see their entities): a
 * sync inserts a million rows at a time and the per-row FK checks cost more than the insert. What ON
 * DELETE CASCADE / SET NULL did for them, a row trigger on each parent does: `statements` run for every
 * deleted parent row `old`.
 */
export function cascadeDeletesTrigger(statements: readonly string[]): {
  name: string;
  timing: 'after';
  events: 'delete'[];
  forEach: 'row';
  body: string;
} {
  return {
    name: 'cascade_deletes',
    timing: 'after',
    events: ['delete'],
    forEach: 'row',
    body: `${statements.join(' ')} return null;`,
  };
}
