// Starts the two directory servers of the integration tests side by side: test/global-setup.ts
// calls startLdapServers() and hands the infos to the tests as inject('servers').slapd / .samba.
import type { LdapServerInfo } from './provided-context.js';
import { startSambaAd, type SambaAdOptions } from './samba-ad-server.js';
import type { LdapServerHandle } from './server-process.js';
import { startSlapd, type SlapdOptions } from './slapd-server.js';

export interface LdapServers {
  slapd: LdapServerInfo;
  samba: LdapServerInfo;
  /** Stops both servers and deletes their data. */
  stop(): Promise<void>;
}

export interface LdapServersOptions {
  slapd?: SlapdOptions;
  samba?: SambaAdOptions;
}

/** Starts slapd and Samba AD in parallel; if either fails, the other is stopped and the error thrown. */
export async function startLdapServers(options: LdapServersOptions = {}): Promise<LdapServers> {
  const [slapd, samba] = await Promise.allSettled([startSlapd(options.slapd), startSambaAd(options.samba)]);
  if (slapd.status === 'fulfilled' && samba.status === 'fulfilled') {
    return {
      slapd: slapd.value.info,
      samba: samba.value.info,
      stop: () => stopAll([slapd.value, samba.value]),
    };
  }
  await stopAll([slapd, samba].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
  const failures = [slapd, samba].flatMap((result) =>
    result.status === 'rejected' ? [errorOf(result.reason)] : [],
  );
  const [first] = failures;
  if (failures.length === 1 && first) throw first;
  throw new AggregateError(
    failures,
    `starting the LDAP servers failed:\n${failures.map((error) => error.message).join('\n\n')}`,
  );
}

async function stopAll(handles: readonly LdapServerHandle[]): Promise<void> {
  const results = await Promise.allSettled(handles.map((handle) => handle.stop()));
  const failures = results.flatMap((result) =>
    result.status === 'rejected' ? [errorOf(result.reason)] : [],
  );
  if (failures.length > 0) throw new AggregateError(failures, 'stopping the LDAP servers failed');
}

function errorOf(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
