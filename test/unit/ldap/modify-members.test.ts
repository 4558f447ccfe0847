import {
  AlreadyExistsError,
  type Change,
  type Control,
  InsufficientAccessError,
  NoSuchAttributeError,
  TypeOrValueExistsError,
  UnwillingToPerformError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';

import { type MemberWriter, modifyMembers } from '../../../src/ldap/modify-members.js';

type Flavour = 'windows' | 'samba' | 'openldap';

/** A group's member list behind a server that honours permissive modify like the named one. */
function fakeGroup(
  flavour: Flavour,
  initial: string[],
): { writer: MemberWriter; members: Set<string>; calls: string[] } {
  const members = new Set(initial);
  const calls: string[] = [];
  const writer: MemberWriter = {
    modify: (changes: Change[], control?: Control) => {
      calls.push(
        changes.map((change) => `${change.operation} ${change.modification.values.join(' ')}`).join('; '),
      );
      const permissive = control !== undefined && (flavour === 'windows' || flavour === 'openldap');
      for (const change of changes) {
        for (const value of change.modification.values.map(String)) {
          if (change.operation === 'add' && members.has(value) && !permissive) {
            return Promise.reject(
              flavour === 'openldap' ? new TypeOrValueExistsError() : new AlreadyExistsError(),
            );
          }
          // OpenLDAP applies permissive modify to adds only.
          if (
            change.operation === 'delete' &&
            !members.has(value) &&
            !(permissive && flavour === 'windows')
          ) {
            return Promise.reject(
              flavour === 'openldap' ? new NoSuchAttributeError() : new UnwillingToPerformError(),
            );
          }
        }
      }
      for (const change of changes) {
        for (const value of change.modification.values.map(String)) {
          if (change.operation === 'add') members.add(value);
          else members.delete(value);
        }
      }
      return Promise.resolve();
    },
    hasValue: (_, value) => Promise.resolve(members.has(value)),
  };
  return { writer, members, calls };
}

describe('modifyMembers', () => {
  it.each<Flavour>(['windows', 'samba', 'openldap'])('is idempotent against %s', async (flavour) => {
    const group = fakeGroup(flavour, ['a']);
    await modifyMembers(group.writer, 'member', ['b', 'c'], []);
    await modifyMembers(group.writer, 'member', ['b', 'a'], ['c']);
    await modifyMembers(group.writer, 'member', [], ['c', 'zz']);
    expect([...group.members].sort()).toEqual(['a', 'b']);
  });

  it('sends one modify when the server has no objection', async () => {
    const group = fakeGroup('samba', ['a']);
    await modifyMembers(group.writer, 'member', ['b', 'c'], ['a']);
    expect(group.calls).toEqual(['add b c; delete a']);
  });

  it('sends nothing for an empty change', async () => {
    const group = fakeGroup('samba', ['a']);
    await modifyMembers(group.writer, 'member', [], []);
    expect(group.calls).toEqual([]);
  });

  it('falls back to one value at a time when the server objects', async () => {
    const group = fakeGroup('samba', ['a']);
    await modifyMembers(group.writer, 'member', ['a', 'b'], ['x']);
    expect(group.calls).toEqual(['add a b; delete x', 'add a', 'add b', 'delete x']);
  });

  it('passes on an unwillingToPerform for a member that is still in the group', async () => {
    const refusal = new UnwillingToPerformError('refused');
    const writer: MemberWriter = {
      modify: () => Promise.reject(refusal),
      hasValue: () => Promise.resolve(true),
    };
    await expect(modifyMembers(writer, 'member', [], ['a'])).rejects.toBe(refusal);
  });

  it('passes on other errors at once', async () => {
    const denied = new InsufficientAccessError('no');
    const calls: number[] = [];
    const writer: MemberWriter = {
      modify: () => {
        calls.push(1);
        return Promise.reject(denied);
      },
      hasValue: () => Promise.resolve(false),
    };
    await expect(modifyMembers(writer, 'member', ['a'], [])).rejects.toBe(denied);
    expect(calls).toHaveLength(1);
  });
});
