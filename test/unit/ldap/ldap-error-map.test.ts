import {
  AdminLimitExceededError,
  BusyError,
  ConfidentialityRequiredError,
  InsufficientAccessError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  ProtocolError,
  SizeLimitExceededError,
  StrongAuthRequiredError,
  TimeLimitExceededError,
  UnavailableError,
  UnwillingToPerformError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/errors/app-error.js';
import { ldapFailure, type LdapErrorContext, toAppError } from '../../../src/ldap/ldap-error-map.js';

const URL = 'ldaps://dc1.example.com:636';
const search: LdapErrorContext = { operation: 'search', url: URL, dn: 'ou=People,dc=example,dc=com' };

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('toAppError', () => {
  it.each([
    [
      new InvalidCredentialsError(
        '80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 52e, v3839',
      ),
      'INVALID_CREDENTIALS',
    ],
    [new NoSuchObjectError('0000208D: NameErr: DSID-03100288, problem 2001 (NO_OBJECT)'), 'NO_SUCH_OBJECT'],
    [new SizeLimitExceededError(''), 'SIZE_LIMIT'],
    [new TimeLimitExceededError(''), 'TIME_LIMIT'],
    [new InvalidDNSyntaxError('invalid DN'), 'INVALID_DN'],
    [new ConfidentialityRequiredError('confidentiality required'), 'TLS_ERROR'],
    [
      new StrongAuthRequiredError(
        '00002028: LdapErr: DSID-0C090259, comment: The server requires binds to turn on integrity checking',
      ),
      'TLS_ERROR',
    ],
    [new BusyError(''), 'DIRECTORY_UNREACHABLE'],
    [new UnavailableError(''), 'DIRECTORY_UNREACHABLE'],
    [new InsufficientAccessError(''), 'DIRECTORY_ERROR'],
    [new AdminLimitExceededError(''), 'DIRECTORY_ERROR'],
    [systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'DIRECTORY_UNREACHABLE'],
    [systemError('ETIMEDOUT', 'connect ETIMEDOUT'), 'DIRECTORY_UNREACHABLE'],
    [systemError('EHOSTUNREACH', 'connect EHOSTUNREACH'), 'DIRECTORY_UNREACHABLE'],
    [systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere'), 'DIRECTORY_UNREACHABLE'],
    [systemError('ECONNRESET', 'read ECONNRESET'), 'DIRECTORY_UNREACHABLE'],
    [systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), 'TLS_ERROR'],
    [systemError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), 'TLS_ERROR'],
    [
      systemError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      'TLS_ERROR',
    ],
    [systemError('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'), 'TLS_ERROR'],
    [systemError('EPROTO', 'handshake failure'), 'TLS_ERROR'],
    [
      systemError(
        'ECONNRESET',
        'Client network socket disconnected before secure TLS connection was established',
      ),
      'TLS_ERROR',
    ],
    [new Error('Connection timeout'), 'DIRECTORY_UNREACHABLE'],
    [new Error('SearchRequest: Operation timed out'), 'DIRECTORY_UNREACHABLE'],
    [
      new Error('Connection closed before message response was received. Message type: SearchRequest (0x63)'),
      'DIRECTORY_UNREACHABLE',
    ],
    [new Error('Socket error. Message type: SearchRequest (0x63)\nread ECONNRESET'), 'DIRECTORY_UNREACHABLE'],
    [new Error('something odd'), 'DIRECTORY_ERROR'],
    ['a thrown string', 'DIRECTORY_ERROR'],
  ])('maps %s to %s', (error, code) => {
    const mapped = toAppError(error, search);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toMatch(
      /^LDAP search of "ou=People,dc=example,dc=com" on ldaps:\/\/dc1\.example\.com:636 failed: .+\.$/,
    );
    expect(mapped.details).toEqual({ operation: 'search', url: URL, dn: 'ou=People,dc=example,dc=com' });
  });

  it('words the reason for people and keeps the server diagnostic without ldapts’ code suffix', () => {
    const mapped = toAppError(new InvalidCredentialsError('80090308: LdapErr: data 52e'), {
      operation: 'bind',
      url: URL,
    });
    expect(mapped.message).toBe(
      `LDAP bind on ${URL} failed: the server rejected the bind DN or password (server said: 80090308: LdapErr: data 52e).`,
    );
    expect(toAppError(systemError('ECONNREFUSED', 'x'), { operation: 'connect', url: URL }).message).toBe(
      `LDAP connect on ${URL} failed: the connection was refused (ECONNREFUSED).`,
    );
  });

  it('reads a refused page size as UNSUPPORTED_PAGE_SIZE in paged searches only', () => {
    const paged: LdapErrorContext = { ...search, operation: 'paged search', pageSize: 5000 };
    for (const error of [new AdminLimitExceededError(''), new UnwillingToPerformError('')]) {
      const mapped = toAppError(error, paged);
      expect(mapped.code).toBe('UNSUPPORTED_PAGE_SIZE');
      expect(mapped.message).toContain(
        'refused a paged search with page size 5000; configure a smaller page size',
      );
    }
    expect(toAppError(new UnwillingToPerformError(''), search).code).toBe('DIRECTORY_ERROR');
  });

  it('maps any result code of a StartTLS request to TLS_ERROR', () => {
    const mapped = toAppError(new ProtocolError('unsupported extended operation'), {
      operation: 'StartTLS',
      url: 'ldap://h:389',
    });
    expect(mapped.code).toBe('TLS_ERROR');
    expect(mapped.message).toContain('the server refused StartTLS (result code 2)');
  });

  it('passes AppErrors through unchanged', () => {
    const original = new AppError('RANGE_RETRIEVAL_GAP', 'gap');
    expect(toAppError(original, search)).toBe(original);
  });
});

describe('ldapFailure', () => {
  it('builds the same wording for failures found by the LDAP layer itself', () => {
    const error = ldapFailure('SIZE_LIMIT', 'too many', { operation: 'paged search', url: URL });
    expect(error.message).toBe(`LDAP paged search on ${URL} failed: too many.`);
    expect(error.details).toEqual({ operation: 'paged search', url: URL });
  });
});
