import { randomUUID } from 'node:crypto';
import { Attribute, Change, Client } from 'ldapts';
import type { LdapServerInfo } from './provided-context.js';

/**
 * A private subtree on the test slapd (or Samba AD: users of class user named by cn with sAMAccountName,
 * groups of class group) that one test file shapes at will (users, groups, nesting) through
 * plain LDAP writes, so scenario tests can change the directory between runs without touching the shared
 * fixture. The memberof overlay keeps users' memberOf in step with every group write.
 */
export interface ScenarioTree {
  baseDn: string;
  usersDn: string;
  groupsDn: string;
  addUser(uid: string, attributes?: { cn?: string; mail?: string; withoutUid?: boolean }): Promise<string>;
  addGroup(cn: string, memberDns: string[], parentDn?: string): Promise<string>;
  /** An OU for nesting groups (e.g. to test catalogue paths from DNs). */
  addContainer(ou: string, parentDn: string): Promise<string>;
  /** Adds or removes single member values, the way provisioning does. */
  readMembers(groupDn: string): Promise<string[]>;
  setMembers(groupDn: string, memberDns: string[]): Promise<void>;
  /** One modify that adds and deletes the named member values (setMembers replaces them all). */
  changeMembers(groupDn: string, add: string[], remove: string[]): Promise<void>;
  renameUser(userDn: string, newUid: string): Promise<string>;
  /** Replaces one attribute's values of an entry. */
  setAttribute(dn: string, type: string, values: string[]): Promise<void>;
  deleteEntry(dn: string): Promise<void>;
  close(): Promise<void>;
}

/** groupOfNames needs at least one member; this placeholder stands in for an empty group. */
const EMPTY_MEMBER = 'cn=nobody';

export async function createScenarioTree(server: LdapServerInfo, label: string): Promise<ScenarioTree> {
  const client = new Client({ url: server.url });
  await client.bind(server.bindDn, server.bindPassword);
  const baseDn = `ou=${label}-${randomUUID().slice(0, 8)},${server.baseDn}`;
  const usersDn = `ou=people,${baseDn}`;
  const groupsDn = `ou=groups,${baseDn}`;
  for (const dn of [baseDn, usersDn, groupsDn]) {
    await client.add(dn, { objectClass: ['organizationalUnit'], ou: dn.split(',')[0]?.split('=')[1] ?? 'x' });
  }
  const ad = server.kind === 'ad';
  // AD groups may be empty (and refuse a member that does not exist).
  const members = (dns: string[]): string[] =>
    dns.length === 0 && !ad ? [`${EMPTY_MEMBER},${baseDn}`] : dns;
  const setAttribute = async (dn: string, type: string, values: string[]): Promise<void> => {
    await client.modify(
      dn,
      new Change({ operation: 'replace', modification: new Attribute({ type, values }) }),
    );
  };
  return {
    baseDn,
    usersDn,
    groupsDn,
    async addUser(uid, attributes = {}) {
      const cn = attributes.cn ?? `User ${uid}`;
      const common = {
        objectClass: ['inetOrgPerson'],
        cn,
        sn: cn.split(' ').pop() ?? cn,
        mail: attributes.mail ?? `${uid}@scenario.test`,
      };
      if (ad) {
        const dn = `cn=${uid},${usersDn}`;
        await client.add(dn, {
          objectClass: ['user'],
          sAMAccountName: uid,
          displayName: cn,
          mail: common.mail,
        });
        return dn;
      }
      // withoutUid: named by cn and carrying no uid at all, i.e. an entry that lacks the login attribute.
      const dn = attributes.withoutUid === true ? `cn=${uid},${usersDn}` : `uid=${uid},${usersDn}`;
      await client.add(dn, attributes.withoutUid === true ? { ...common, cn: uid } : { ...common, uid });
      return dn;
    },
    async addGroup(cn, memberDns, parentDn = groupsDn) {
      const dn = `cn=${cn},${parentDn}`;
      const values = members(memberDns);
      await client.add(dn, {
        objectClass: [ad ? 'group' : 'groupOfNames'],
        cn,
        ...(values.length === 0 ? {} : { member: values }),
      });
      return dn;
    },
    async addContainer(ou, parentDn) {
      const dn = `ou=${ou},${parentDn}`;
      await client.add(dn, { objectClass: ['organizationalUnit'], ou });
      return dn;
    },
    async readMembers(groupDn) {
      const { searchEntries } = await client.search(groupDn, { scope: 'base', attributes: ['member'] });
      const values = searchEntries[0]?.member ?? [];
      return (Array.isArray(values) ? values : [values])
        .map(String)
        .filter((value) => !value.startsWith(EMPTY_MEMBER));
    },
    async setMembers(groupDn, memberDns) {
      await setAttribute(groupDn, 'member', members(memberDns));
    },
    async changeMembers(groupDn, add, remove) {
      const change = (operation: 'add' | 'delete', values: string[]): Change[] =>
        values.length === 0
          ? []
          : [new Change({ operation, modification: new Attribute({ type: 'member', values }) })];
      await client.modify(groupDn, [...change('add', add), ...change('delete', remove)]);
    },
    setAttribute,
    async renameUser(userDn, newUid) {
      const rdn = `${ad ? 'cn' : 'uid'}=${newUid}`;
      await client.modifyDN(userDn, rdn);
      return `${rdn},${usersDn}`;
    },
    async deleteEntry(dn) {
      await client.del(dn);
    },
    async close() {
      await client.unbind();
    },
  };
}
