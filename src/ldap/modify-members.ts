import {
  AlreadyExistsError,
  Attribute,
  Change,
  Control,
  NoSuchAttributeError,
  TypeOrValueExistsError,
  UnwillingToPerformError,
} from 'ldapts';

/** What modifyMembers needs from a connection; errors come through unmapped (ldapts classes). */
export interface MemberWriter {
  modify(changes: Change[], control?: Control): Promise<void>;
  /** Whether the group holds the value (a search, since Samba's compare fails on DN values). */
  hasValue(attribute: string, value: string): Promise<boolean>;
}

/** Permissive modify (AD, OpenLDAP): adding a present value or deleting a missing one succeeds. */
const PERMISSIVE_MODIFY_OID = '1.2.840.113556.1.4.1413';

/**
 * Adds and removes values of a group's member attribute, idempotently: a present member added or an
 * absent one removed is not an error, so a retried provisioning step gives the same result. One
 * modify with permissive modify first; where the server still objects (Samba ignores the control for
 * member, OpenLDAP for deletes), value by value, skipping values already in place.
 */
export async function modifyMembers(
  writer: MemberWriter,
  attribute: string,
  add: readonly string[],
  remove: readonly string[],
): Promise<void> {
  const changes = [
    ...(add.length > 0 ? [memberChange('add', attribute, add)] : []),
    ...(remove.length > 0 ? [memberChange('delete', attribute, remove)] : []),
  ];
  if (changes.length === 0) return;
  try {
    await writer.modify(changes, new Control(PERMISSIVE_MODIFY_OID));
  } catch (error) {
    if (!isValueConflict(error)) throw error;
    for (const value of add) await changeOneValue(writer, 'add', attribute, value);
    for (const value of remove) await changeOneValue(writer, 'delete', attribute, value);
  }
}

async function changeOneValue(
  writer: MemberWriter,
  operation: 'add' | 'delete',
  attribute: string,
  value: string,
): Promise<void> {
  try {
    await writer.modify([memberChange(operation, attribute, [value])]);
  } catch (error) {
    // AD (and Samba) answer entryAlreadyExists for a member already in the group.
    if (
      operation === 'add' &&
      (error instanceof TypeOrValueExistsError || error instanceof AlreadyExistsError)
    )
      return;
    if (operation === 'delete' && error instanceof NoSuchAttributeError) return;
    // AD answers unwillingToPerform for a member not in the group, but also for real refusals.
    if (
      operation === 'delete' &&
      error instanceof UnwillingToPerformError &&
      !(await writer.hasValue(attribute, value))
    )
      return;
    throw error;
  }
}

function memberChange(operation: 'add' | 'delete', attribute: string, values: readonly string[]): Change {
  return new Change({ operation, modification: new Attribute({ type: attribute, values: [...values] }) });
}

function isValueConflict(error: unknown): boolean {
  return (
    error instanceof TypeOrValueExistsError ||
    error instanceof AlreadyExistsError ||
    error instanceof NoSuchAttributeError ||
    error instanceof UnwillingToPerformError
  );
}
