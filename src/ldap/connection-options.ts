import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/** NONE: plain ldap://. STARTTLS: ldap:// upgraded before the bind. LDAPS: TLS from the start (ldaps://). */
export type TlsMode = 'NONE' | 'STARTTLS' | 'LDAPS';

export interface LdapConnectionOptions {
  /** Tried in order; the next one only when a server cannot be reached (never after a refused bind). */
  urls: string[];
  tlsMode: TlsMode;
  /** PEM of the CA(s) to trust instead of the system store. */
  caCertPem?: string;
  /** Verify the server certificate and host name (default true). */
  verifyCertificate?: boolean;
  /** Simple bind DN (or AD user principal name); anonymous when absent. */
  bindDn?: string;
  bindPassword?: string;
  connectTimeoutMs: number;
  /** Limit for each request, each page of a paged search included. */
  operationTimeoutMs: number;
}

/** Checks the options before any connection is made; throws BAD_USER_INPUT naming the problem. */
export function validateConnectionOptions(options: LdapConnectionOptions): void {
  if (options.urls.length === 0) throw badInput('At least one LDAP URL is required.');
  const scheme = options.tlsMode === 'LDAPS' ? 'ldaps:' : 'ldap:';
  for (const url of options.urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badInput(`"${url}" is not a valid LDAP URL.`);
    }
    // Not echoed: the user info could be a password.
    if (parsed.username !== '' || parsed.password !== '')
      throw badInput('LDAP URLs must not contain credentials.');
    if (parsed.protocol !== scheme) {
      throw badInput(
        `"${url}" does not fit TLS mode ${options.tlsMode}: use ${scheme}// URLs (LDAPS needs ldaps://, NONE and STARTTLS ldap://).`,
      );
    }
  }
  for (const [name, value] of [
    ['connectTimeoutMs', options.connectTimeoutMs],
    ['operationTimeoutMs', options.operationTimeoutMs],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0)
      throw badInput(`${name} must be a positive whole number of milliseconds.`);
  }
  const hasDn = options.bindDn !== undefined && options.bindDn !== '';
  const hasPassword = options.bindPassword !== undefined && options.bindPassword !== '';
  // A DN with an empty password is an "unauthenticated bind" (RFC 4513 5.1.2): many servers accept
  // it as anonymous, which would hide a missing password.
  if (hasDn !== hasPassword)
    throw badInput(
      'A bind DN and a bind password must be given together (or neither, for an anonymous bind).',
    );
}

function badInput(message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message);
}
