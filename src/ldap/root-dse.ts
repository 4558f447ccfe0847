import { getAttributeValues, type LdapEntry } from './ldap-entry.js';

export type DirectoryServerType = 'ACTIVE_DIRECTORY' | 'OPENLDAP' | 'FREEIPA' | '389DS' | 'UNKNOWN';

/** What a server says about itself in its root DSE (the entry with the empty DN). */
export interface RootDse {
  serverType: DirectoryServerType;
  vendorName: string | null;
  vendorVersion: string | null;
  namingContexts: string[];
  /** AD's domain naming context; null on servers that do not publish one. */
  defaultNamingContext: string | null;
  supportedControls: string[];
  supportedExtensions: string[];
  supportedCapabilities: string[];
  supportedLdapVersions: number[];
  /** AD: the DC's own DN (its NTDS Settings object); names the server a USN belongs to. */
  dsServiceName: string | null;
  /** AD: the newest update sequence number this DC has committed (an integer in decimal). */
  highestCommittedUsn: string | null;
}

/** Root DSE attributes are operational: they are returned only when named. */
export const ROOT_DSE_ATTRIBUTES = [
  'objectClass',
  'vendorName',
  'vendorVersion',
  'namingContexts',
  'defaultNamingContext',
  'supportedControl',
  'supportedExtension',
  'supportedCapabilities',
  'supportedLDAPVersion',
  'forestFunctionality',
  'dsServiceName',
  'highestCommittedUSN',
];

/** LDAP_CAP_ACTIVE_DIRECTORY_OID: published by AD domain controllers (and Samba AD). */
const AD_CAPABILITY = '1.2.840.113556.1.4.800';
/** FreeIPA's keytab extended operations (ipa-pwd-extop), published only by IPA's 389-DS. */
const FREEIPA_EXTENSIONS = ['2.16.840.1.113730.3.8.10.1', '2.16.840.1.113730.3.8.10.5'];

export function parseRootDse(entry: LdapEntry): RootDse {
  const single = (name: string): string | null => getAttributeValues(entry, name)[0] ?? null;
  return {
    serverType: detectServerType(entry),
    vendorName: single('vendorName'),
    vendorVersion: single('vendorVersion'),
    namingContexts: getAttributeValues(entry, 'namingContexts'),
    defaultNamingContext: single('defaultNamingContext'),
    supportedControls: getAttributeValues(entry, 'supportedControl'),
    supportedExtensions: getAttributeValues(entry, 'supportedExtension'),
    supportedCapabilities: getAttributeValues(entry, 'supportedCapabilities'),
    supportedLdapVersions: getAttributeValues(entry, 'supportedLDAPVersion')
      .map(Number)
      .filter(Number.isInteger),
    dsServiceName: single('dsServiceName'),
    highestCommittedUsn: single('highestCommittedUSN'),
  };
}

export function detectServerType(entry: LdapEntry): DirectoryServerType {
  const has = (name: string, value: string): boolean =>
    getAttributeValues(entry, name).some((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (
    has('supportedCapabilities', AD_CAPABILITY) ||
    getAttributeValues(entry, 'forestFunctionality').length > 0
  )
    return 'ACTIVE_DIRECTORY';
  if (FREEIPA_EXTENSIONS.some((oid) => has('supportedExtension', oid))) return 'FREEIPA';
  const vendor = `${getAttributeValues(entry, 'vendorName').join(' ')} ${getAttributeValues(entry, 'vendorVersion').join(' ')}`;
  if (/389|Fedora Project|Red Hat/i.test(vendor)) return '389DS';
  if (has('objectClass', 'OpenLDAProotDSE') || /OpenLDAP/i.test(vendor)) return 'OPENLDAP';
  return 'UNKNOWN';
}
