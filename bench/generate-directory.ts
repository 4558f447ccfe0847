// Writes the synthetic benchmark directory as LDIF for `slapadd -q`: users (inetOrgPerson) and groups
// (groupOfNames, nested up to four levels) with memberOf already in place, because slapadd runs no
// overlays (STACK.md pitfall 10). The file is streamed in ~1 MB chunks: 100k users and ~1M member
// values make a few hundred MB of LDIF that never exist as one string.
//
//   tsx bench/generate-directory.ts --users 100000 --groups 10000 --seed 1 --out /tmp/bench.ldif
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildDirectoryModel,
  groupParents,
  userGroupIndex,
  type DirectoryModel,
  type DirectoryNames,
} from './directory-model.js';
import { ldifRecord, type LdifAttribute } from '../src/embedded/ldif-record.js';
import { rootEntries } from '../src/embedded/slapd-server.js';
import { writeChunked } from './chunked-writer.js';

export interface LdifSummary {
  entries: number;
  bytes: number;
}

/** Streams the whole directory (base entries, users, groups) to file as LDIF. */
export async function writeDirectoryLdif(
  model: DirectoryModel,
  file: string,
  adminPassword: string,
): Promise<LdifSummary> {
  const { names, shape } = model;
  let entries = 0;
  const bytes = await writeChunked(file, async (write) => {
    const emit = (dn: string, attributes: readonly LdifAttribute[]): Promise<void> => {
      entries++;
      return write(ldifRecord(dn, attributes));
    };
    for (const [dn, attributes] of baseEntries(names, adminPassword)) await emit(dn, attributes);
    const memberOf = userGroupIndex(model);
    for (let user = 0; user < shape.users; user++) {
      const groups = memberOf.groups.subarray(memberOf.offsets[user], memberOf.offsets[user + 1]);
      await emit(names.userDn(user), userAttributes(model, user, groups));
    }
    const parents = groupParents(model);
    for (let group = 0; group < shape.groups; group++) {
      await emit(names.groupDn(group), groupAttributes(model, group, parents[group] ?? []));
    }
  });
  return { entries, bytes };
}

type Attributes = LdifAttribute[];

function baseEntries(names: DirectoryNames, adminPassword: string): [string, Attributes][] {
  return [
    ...rootEntries(names.baseDn, names.adminDn, adminPassword, 'Rolesync benchmark'),
    [names.usersDn, organizationalUnit('people')],
    [names.groupsDn, organizationalUnit('groups')],
  ];
}

function organizationalUnit(name: string): Attributes {
  return [
    ['objectClass', 'organizationalUnit'],
    ['ou', name],
  ];
}

function userAttributes(model: DirectoryModel, user: number, groups: Int32Array): Attributes {
  const { names } = model;
  const login = names.userLogin(user);
  const person = names.person(user);
  const attributes: Attributes = [
    ['objectClass', 'inetOrgPerson'],
    ['uid', login],
    ['cn', person.displayName],
    ['sn', person.surname],
    ['givenName', person.givenName],
    ['mail', `${login}@bench.test`],
    ['entryUUID', names.userUuid(user)],
  ];
  for (const group of groups) attributes.push(['memberOf', names.groupDn(group)]);
  return attributes;
}

function groupAttributes(model: DirectoryModel, group: number, parents: readonly number[]): Attributes {
  const { names } = model;
  const attributes: Attributes = [
    ['objectClass', 'groupOfNames'],
    ['cn', names.groupName(group)],
    ['entryUUID', names.groupUuid(group)],
  ];
  for (const user of model.groupUsers[group] ?? []) attributes.push(['member', names.userDn(user)]);
  for (const child of model.groupChildren[group] ?? []) attributes.push(['member', names.groupDn(child)]);
  for (const parent of parents) attributes.push(['memberOf', names.groupDn(parent)]);
  return attributes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '100000' },
      groups: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench-directory.ldif' },
      'admin-password': { type: 'string', default: 'bench-admin-secret' },
    },
  });
  const model = buildDirectoryModel({
    users: Number(values.users),
    groups: Number(values.groups),
    seed: Number(values.seed),
  });
  const summary = await writeDirectoryLdif(model, values.out, values['admin-password']);
  console.log(
    `${values.out}: ${summary.entries} entries, ${(summary.bytes / 1e6).toFixed(1)} MB, ` +
      `${model.userMemberships} user memberships, ${model.nestedMemberships} nested groups`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
