import { describe, expect, it } from 'vitest';

import { detectServerType, parseRootDse } from '../../../src/ldap/root-dse.js';

const entry = (
  attributes: Record<string, string[]>,
): { dn: string; attributes: Record<string, string[]> } => ({ dn: '', attributes });

describe('parseRootDse', () => {
  it('reads an Active Directory root DSE', () => {
    const rootDse = parseRootDse(
      entry({
        defaultnamingcontext: ['DC=corp,DC=example,DC=com'],
        namingcontexts: ['DC=corp,DC=example,DC=com', 'CN=Configuration,DC=corp,DC=example,DC=com'],
        supportedcapabilities: ['1.2.840.113556.1.4.800', '1.2.840.113556.1.4.1670'],
        supportedcontrol: ['1.2.840.113556.1.4.319'],
        supportedldapversion: ['3', '2'],
        forestfunctionality: ['7'],
        dsservicename: [
          'CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=corp,DC=example,DC=com',
        ],
        highestcommittedusn: ['41234'],
      }),
    );
    expect(rootDse).toEqual({
      serverType: 'ACTIVE_DIRECTORY',
      vendorName: null,
      vendorVersion: null,
      namingContexts: ['DC=corp,DC=example,DC=com', 'CN=Configuration,DC=corp,DC=example,DC=com'],
      defaultNamingContext: 'DC=corp,DC=example,DC=com',
      supportedControls: ['1.2.840.113556.1.4.319'],
      supportedExtensions: [],
      supportedCapabilities: ['1.2.840.113556.1.4.800', '1.2.840.113556.1.4.1670'],
      supportedLdapVersions: [3, 2],
      dsServiceName:
        'CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=corp,DC=example,DC=com',
      highestCommittedUsn: '41234',
    });
  });

  it('reads an OpenLDAP root DSE', () => {
    const rootDse = parseRootDse(
      entry({
        objectclass: ['top', 'OpenLDAProotDSE'],
        namingcontexts: ['dc=example,dc=com'],
        supportedldapversion: ['3'],
      }),
    );
    expect(rootDse).toMatchObject({
      serverType: 'OPENLDAP',
      defaultNamingContext: null,
      namingContexts: ['dc=example,dc=com'],
      supportedLdapVersions: [3],
    });
  });
});

describe('detectServerType', () => {
  it.each([
    [{ supportedcapabilities: ['1.2.840.113556.1.4.800'] }, 'ACTIVE_DIRECTORY'],
    [{ forestfunctionality: ['4'] }, 'ACTIVE_DIRECTORY'],
    [
      {
        vendorname: ['389 Project'],
        vendorversion: ['389-Directory/2.4.5'],
        supportedextension: ['2.16.840.1.113730.3.8.10.1'],
      },
      'FREEIPA',
    ],
    [{ vendorname: ['389 Project'], vendorversion: ['389-Directory/3.0.1'] }, '389DS'],
    [{ objectclass: ['top', 'OpenLDAProotDSE'] }, 'OPENLDAP'],
    [{ vendorname: ['Apache Software Foundation'] }, 'UNKNOWN'],
    [{}, 'UNKNOWN'],
  ])('detects %j as %s', (attributes, type) => {
    expect(detectServerType(entry(attributes))).toBe(type);
  });
});
