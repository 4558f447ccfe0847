import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { parseDn, validateFilter } from '../ldap/index.js';
import type { TlsMode } from '../domain/directory-kinds.js';

/**
 * Semantic checks of client input that shape validation cannot express. Each throws a coded AppError
 * naming the field, before anything is written.
 */

export function requireDn(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '')
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must not be empty.`, { details: { field } });
  try {
    parseDn(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid syntax';
    throw new AppError(ErrorCode.INVALID_DN, `${field} is not a valid DN: ${reason}`, {
      details: { field },
      cause: error,
    });
  }
  return trimmed;
}

export function requireFilter(field: string, value: string): string {
  const trimmed = value.trim();
  try {
    validateFilter(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid syntax';
    throw new AppError(ErrorCode.INVALID_FILTER, `${field} is not a valid LDAP filter: ${reason}`, {
      details: { field },
      cause: error,
    });
  }
  return trimmed;
}

const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)$/;

export function requireAttributeName(field: string, value: string): string {
  const trimmed = value.trim();
  if (!ATTRIBUTE_NAME.test(trimmed)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} is not an LDAP attribute name: "${trimmed}".`, {
      details: { field },
    });
  }
  return trimmed;
}

const LDAP_URL = /^(ldaps?):\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/;

/** URLs must be ldap:// or ldaps:// host[:port] only, and agree with the TLS mode. */
export function requireLdapUrls(urls: readonly string[], tlsMode: TlsMode): string[] {
  if (urls.length === 0)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'urls must name at least one server.', {
      details: { field: 'urls' },
    });
  return urls.map((raw) => {
    const url = raw.trim();
    const match = LDAP_URL.exec(url);
    const port = match?.[3] === undefined ? 0 : Number(match[3]);
    if (match === null || port > 65535) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `"${url}" is not an LDAP URL (ldap://host[:port] or ldaps://host[:port]).`,
        {
          details: { field: 'urls' },
        },
      );
    }
    const secure = match[1] === 'ldaps';
    if (secure !== (tlsMode === 'LDAPS')) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        tlsMode === 'LDAPS'
          ? `TLS mode LDAPS needs ldaps:// URLs, got "${url}".`
          : `TLS mode ${tlsMode} needs ldap:// URLs, got "${url}".`,
        { details: { field: 'urls' } },
      );
    }
    return url;
  });
}

export function requirePem(field: string, value: string): string {
  const trimmed = value.trim();
  if (!/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(trimmed)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be a PEM certificate (-----BEGIN CERTIFICATE-----).`,
      {
        details: { field },
      },
    );
  }
  return trimmed;
}

export function requireRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${field} must be a whole number from ${min} to ${max}.`, {
      details: { field },
    });
  }
  return value;
}
