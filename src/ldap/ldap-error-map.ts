import { ResultCodeError } from 'ldapts';

import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/** Where an LDAP error happened. Never put options or credentials here: it ends up in messages. */
export interface LdapErrorContext {
  /** What was attempted: 'connect', 'StartTLS', 'bind', 'search', 'read', 'modify', ... */
  operation: string;
  url: string;
  dn?: string;
  /** Set for paged searches: a search refused for an administrative limit means the page size. */
  pageSize?: number;
}

const UNREACHABLE_SYSTEM_CODES: ReadonlyMap<string, string> = new Map([
  ['ECONNREFUSED', 'the connection was refused'],
  ['ETIMEDOUT', 'the connection timed out'],
  ['EHOSTUNREACH', 'the host is unreachable'],
  ['ENETUNREACH', 'the network is unreachable'],
  ['ENOTFOUND', 'the host name does not resolve'],
  ['EAI_AGAIN', 'the host name could not be resolved right now'],
  ['ECONNRESET', 'the connection was reset'],
  ['ECONNABORTED', 'the connection was aborted'],
  ['EPIPE', 'the connection was closed'],
]);

// Messages of ldapts' own (code-less) errors that mean the server could not be used.
const UNREACHABLE_MESSAGES: readonly [RegExp, string][] = [
  [/^Connection timeout/, 'no connection within the connect timeout'],
  [/Operation timed out/, 'the server did not answer within the operation timeout'],
  [/Connection closed|Socket error|Socket connection not established/, 'the connection was lost'],
];

/**
 * Maps an error from ldapts or the socket to an AppError whose message names the operation and
 * server. The original error stays in `cause`. Messages hold nothing secret: the context carries no
 * credentials and ldapts never puts the bind password into an error.
 */
export function toAppError(error: unknown, context: LdapErrorContext): AppError {
  if (error instanceof AppError) return error;
  const [code, reason] = classify(error, context);
  return ldapFailure(code, reason, context, error);
}

/** An AppError for a failed LDAP operation, worded like all others: "LDAP search of ... on ... failed: reason." */
export function ldapFailure(
  code: ErrorCode,
  reason: string,
  context: LdapErrorContext,
  cause?: unknown,
): AppError {
  const target = context.dn === undefined ? '' : ` of "${context.dn}"`;
  const details: Record<string, string> = { operation: context.operation, url: context.url };
  if (context.dn !== undefined) details.dn = context.dn;
  return new AppError(code, `LDAP ${context.operation}${target} on ${context.url} failed: ${reason}.`, {
    cause,
    details,
  });
}

function classify(error: unknown, context: LdapErrorContext): [ErrorCode, string] {
  if (error instanceof ResultCodeError) return classifyResultCode(error, context);
  const message = error instanceof Error ? error.message : String(error);
  // Node's wording when the peer hangs up mid-handshake (code ECONNRESET): typically ldaps:// aimed
  // at a plain LDAP port, a configuration error rather than an outage.
  if (message.includes('before secure TLS connection was established')) {
    return [
      ErrorCode.TLS_ERROR,
      'the server closed the connection during the TLS handshake (is this an LDAPS port?)',
    ];
  }
  const systemCode = readSystemCode(error);
  if (systemCode !== undefined) {
    const unreachable = UNREACHABLE_SYSTEM_CODES.get(systemCode);
    if (unreachable !== undefined) return [ErrorCode.DIRECTORY_UNREACHABLE, `${unreachable} (${systemCode})`];
    if (isTlsCode(systemCode)) return [ErrorCode.TLS_ERROR, `TLS failed: ${message} (${systemCode})`];
  }
  for (const [pattern, reason] of UNREACHABLE_MESSAGES) {
    if (pattern.test(message)) return [ErrorCode.DIRECTORY_UNREACHABLE, reason];
  }
  return [ErrorCode.DIRECTORY_ERROR, message];
}

function classifyResultCode(error: ResultCodeError, context: LdapErrorContext): [ErrorCode, string] {
  const said = serverMessage(error);
  const withServerMessage = (reason: string): string =>
    said === '' ? reason : `${reason} (server said: ${said})`;
  if (context.operation === 'StartTLS') {
    return [
      ErrorCode.TLS_ERROR,
      withServerMessage(`the server refused StartTLS (result code ${error.code})`),
    ];
  }
  switch (error.code) {
    case 3:
      return [
        ErrorCode.TIME_LIMIT,
        withServerMessage('the time limit was exceeded; the result is incomplete'),
      ];
    case 4:
      return [
        ErrorCode.SIZE_LIMIT,
        withServerMessage('the size limit was exceeded; the result is incomplete'),
      ];
    case 8:
    case 13:
      return [
        ErrorCode.TLS_ERROR,
        withServerMessage('the server requires a protected connection (use STARTTLS or LDAPS)'),
      ];
    case 32:
      return [ErrorCode.NO_SUCH_OBJECT, withServerMessage('the entry does not exist')];
    case 34:
      return [ErrorCode.INVALID_DN, withServerMessage('the server rejected the DN syntax')];
    case 49:
      return [
        ErrorCode.INVALID_CREDENTIALS,
        withServerMessage('the server rejected the bind DN or password'),
      ];
    case 51:
    case 52:
      return [ErrorCode.DIRECTORY_UNREACHABLE, withServerMessage('the server is busy or unavailable')];
  }
  if (context.pageSize !== undefined && (error.code === 11 || error.code === 53)) {
    return [
      ErrorCode.UNSUPPORTED_PAGE_SIZE,
      withServerMessage(
        `the server refused a paged search with page size ${context.pageSize}; configure a smaller page size`,
      ),
    ];
  }
  return [ErrorCode.DIRECTORY_ERROR, withServerMessage(`result code ${error.code} (${error.name})`)];
}

/** The server's diagnostic message, without the " Code: 0x31" that ldapts appends. */
function serverMessage(error: ResultCodeError): string {
  return error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').trim();
}

function readSystemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code === 'EPROTO' ||
    /CERT|SELF_SIGNED|UNABLE_TO_|HOSTNAME_MISMATCH/.test(code)
  );
}
