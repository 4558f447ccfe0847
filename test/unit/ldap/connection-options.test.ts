import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/errors/app-error.js';
import {
  type LdapConnectionOptions,
  validateConnectionOptions,
} from '../../../src/ldap/connection-options.js';

const valid: LdapConnectionOptions = {
  urls: ['ldap://dc1.example.com', 'ldap://dc2.example.com:3389'],
  tlsMode: 'STARTTLS',
  bindDn: 'cn=reader,dc=example,dc=com',
  bindPassword: 'Secr3t!',
  connectTimeoutMs: 5000,
  operationTimeoutMs: 30_000,
};

function rejection(options: LdapConnectionOptions): AppError {
  try {
    validateConnectionOptions(options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('validateConnectionOptions', () => {
  it('accepts valid options, anonymous ones too', () => {
    expect(() => {
      validateConnectionOptions(valid);
    }).not.toThrow();
    expect(() => {
      validateConnectionOptions({ ...valid, bindDn: undefined, bindPassword: undefined });
    }).not.toThrow();
    expect(() => {
      validateConnectionOptions({ ...valid, tlsMode: 'LDAPS', urls: ['ldaps://[::1]:636'] });
    }).not.toThrow();
  });

  it.each([
    [{ urls: [] }, 'At least one LDAP URL is required.'],
    [{ urls: ['not a url'] }, '"not a url" is not a valid LDAP URL.'],
    [{ urls: ['http://dc1'] }, 'does not fit TLS mode STARTTLS'],
    [{ tlsMode: 'LDAPS' as const }, 'use ldaps:// URLs'],
    [{ tlsMode: 'NONE' as const, urls: ['ldaps://dc1'] }, 'use ldap:// URLs'],
    [{ connectTimeoutMs: 0 }, 'connectTimeoutMs must be a positive whole number'],
    [{ operationTimeoutMs: 1.5 }, 'operationTimeoutMs must be a positive whole number'],
    [{ bindPassword: '' }, 'A bind DN and a bind password must be given together'],
    [{ bindDn: undefined }, 'A bind DN and a bind password must be given together'],
  ])('rejects %j', (change, message) => {
    const error = rejection({ ...valid, ...change });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(message);
  });

  it('rejects credentials in a URL without repeating them', () => {
    const error = rejection({ ...valid, urls: ['ldap://admin:hunter2@dc1'] });
    expect(error.message).toBe('LDAP URLs must not contain credentials.');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });
});
