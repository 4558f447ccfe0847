// What test/global-setup.ts provides to every integration test file through vitest's inject().

/** A directory server started by the test harness, with the fixture it was loaded with. */
export interface LdapServerInfo {
  kind: 'openldap' | 'ad';
  /**
   * ldap://HOST:PORT (StartTLS available). slapd: 127.0.0.1 and a free port. Samba cannot move its LDAP
   * port, so each Samba instance binds its own loopback address (127.x.y.z) on 389.
   */
  url: string;
  /** ldaps://HOST:PORT, certificate signed by caCertPem for HOST, 127.0.0.1 and localhost */
  ldapsUrl: string;
  baseDn: string;
  /** DN (or, for AD, the DN of Administrator) with read and write access to the whole tree */
  bindDn: string;
  bindPassword: string;
  /** PEM of the test CA that signed the server certificate */
  caCertPem: string;
  /** Where fixture users and groups live; tests may add their own OUs under baseDn for writes. */
  usersDn: string;
  groupsDn: string;
  /** Counts and notable entries of the fixture, so tests can assert exact numbers. */
  fixture: LdapFixtureInfo;
}

export interface LdapFixtureInfo {
  userCount: number;
  groupCount: number;
  /** Sum of direct member values over all fixture groups. */
  membershipCount: number;
  /** A group with more members than AD's 1500-value range (set on AD; may be set on OpenLDAP). */
  bigGroupDn?: string;
  bigGroupMemberCount?: number;
  /** DNs of users whose RDN values need RFC 4514 escaping (comma, plus, leading '#', UTF-8, ...). */
  specialUserDns: string[];
}

export interface TestServers {
  /** Admin URL of a PostgreSQL server; each test file creates its own database from it. */
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  /** Workflow code bundled once for the whole run; workers load it instead of bundling again. */
  workflowBundlePath: string;
  slapd: LdapServerInfo;
  samba: LdapServerInfo;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: TestServers;
  }
}
