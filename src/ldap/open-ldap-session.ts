import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';

import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { InstrumentedLdapClient } from '../observability/instrumented-ldap-client.js';
import { type LdapConnectionOptions, validateConnectionOptions } from './connection-options.js';
import { ldapFailure, type LdapErrorContext, toAppError } from './ldap-error-map.js';
import { LdapSession } from './ldap-session.js';

/**
 * Connects and binds to the first reachable server of `options.urls`. A server that cannot be
 * reached (refused, timed out, busy) makes it try the next; any other failure (wrong password, TLS
 * certificate, refused StartTLS) is final, since another server of the same directory would answer
 * the same. Throws DIRECTORY_UNREACHABLE listing every server when none could be reached.
 */
export async function openLdapSession(options: LdapConnectionOptions): Promise<LdapSession> {
  validateConnectionOptions(options);
  const failures: AppError[] = [];
  for (const url of options.urls) {
    try {
      return await connect(url, options);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ErrorCode.DIRECTORY_UNREACHABLE) throw error;
      failures.push(error);
    }
  }
  const tried = failures.map((failure) => failure.message).join(' ');
  throw new AppError(
    ErrorCode.DIRECTORY_UNREACHABLE,
    `No directory server could be reached (${failures.length} tried). ${tried}`,
    {
      cause: failures.at(-1),
      details: { tried: failures.length },
    },
  );
}

async function connect(url: string, options: LdapConnectionOptions): Promise<LdapSession> {
  const tls = tlsOptions(url, options);
  const client = new InstrumentedLdapClient({
    url,
    connectTimeout: options.connectTimeoutMs,
    timeout: options.operationTimeoutMs,
    // ldapts opens TLS at once whenever tlsOptions are given, so only LDAPS gets them here.
    ...(options.tlsMode === 'LDAPS' ? { tlsOptions: tls } : {}),
  });
  // ldapts connects on the first request: StartTLS, or else the bind.
  const context: LdapErrorContext = {
    operation: options.tlsMode === 'STARTTLS' ? 'StartTLS' : 'connect and bind',
    url,
  };
  try {
    if (options.tlsMode === 'STARTTLS') {
      // ldapts bounds the connect and the StartTLS request but not the TLS handshake after it.
      await withDeadline(
        client.startTLS(tls),
        options.connectTimeoutMs + options.operationTimeoutMs,
        context,
      );
      context.operation = 'bind';
    }
    await client.bind(options.bindDn ?? '', options.bindPassword ?? '');
    return new LdapSession(client, url);
  } catch (error) {
    // Not awaited: ldapts drops the socket once the unbind is written, or at once when it is gone.
    void client.unbind().catch(() => undefined);
    throw toAppError(error, context);
  }
}

function tlsOptions(url: string, options: LdapConnectionOptions): ConnectionOptions {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    // SNI takes host names only (RFC 6066); the certificate check uses `host` either way.
    ...(isIP(host) === 0 ? { servername: host } : {}),
    rejectUnauthorized: options.verifyCertificate ?? true,
    ...(options.caCertPem === undefined ? {} : { ca: [options.caCertPem] }),
  };
}

async function withDeadline<T>(promise: Promise<T>, ms: number, context: LdapErrorContext): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(ldapFailure(ErrorCode.DIRECTORY_UNREACHABLE, `no answer within ${ms} ms`, context));
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
