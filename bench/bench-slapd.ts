// The benchmark's own slapd (src/embedded/slapd-server.ts): back-mdb with the memberof overlay and an
// accesslog database (for member deltas), no size or time limits, no TLS, no fsync, on a free port of
// 127.0.0.1, bulk-loaded with `slapadd -q` from the generated LDIF. Unlike the test harness's slapd it
// logs at level "stats" (one line per operation and result, none per entry), so that the LDAP requests
// of every measured step can be counted from its log.
import {
  configureSlapd,
  loadSlapdData,
  slapdLayout,
  spawnSlapdOnFreePort,
} from '../src/embedded/slapd-server.js';
import type { DirectoryNames } from './directory-model.js';
import { LdapOperationLog } from './ldap-operation-log.js';
import { readProcessCpu } from './process-metrics.js';

export interface BenchSlapd {
  url: string;
  bindDn: string;
  bindPassword: string;
  /** Its accesslog database: incremental runs take member deltas from it. */
  accessLogBaseDn: string;
  pid: number | undefined;
  /** Seconds slapadd took to load the LDIF. */
  loadSeconds: number;
  operations: LdapOperationLog;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface BenchSlapdOptions {
  /** An empty directory for config and data. */
  dir: string;
  names: DirectoryNames;
  ldifFile: string;
  bindPassword: string;
}

const ACCESS_LOG_SUFFIX = 'cn=accesslog';
const LOAD_TIMEOUT_MS = 30 * 60_000;
const START_TIMEOUT_MS = 60_000;

export async function startBenchSlapd(options: BenchSlapdOptions): Promise<BenchSlapd> {
  const layout = slapdLayout(options.dir);
  await configureSlapd(layout, {
    baseDn: options.names.baseDn,
    adminDn: options.names.adminDn,
    referentialIntegrity: false,
    sizeLimit: 'unlimited',
    timeLimit: 'unlimited',
    maxSizeBytes: 16 * 1024 ** 3,
    // Benchmark data is disposable: no fsync per modify while the 1% change is applied.
    noSync: true,
    indexedAttributes: ['objectClass', 'uid', 'cn', 'member', 'memberOf', 'entryUUID', 'entryCSN'],
    accessLogSuffix: ACCESS_LOG_SUFFIX,
  });
  const loadStarted = performance.now();
  await loadSlapdData(layout, options.names.baseDn, options.ldifFile, LOAD_TIMEOUT_MS);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const operations = new LdapOperationLog();
  const { server, url } = await spawnSlapdOnFreePort(layout, {
    debugLevel: 'stats',
    startTimeoutMs: START_TIMEOUT_MS,
    onOutput: (chunk) => {
      operations.consume(chunk);
    },
  });
  return {
    url,
    bindDn: options.names.adminDn,
    bindPassword: options.bindPassword,
    accessLogBaseDn: ACCESS_LOG_SUFFIX,
    pid: server.child.pid,
    loadSeconds,
    operations,
    cpuSeconds: () => (server.child.pid === undefined ? 0 : readProcessCpu(server.child.pid)),
    stop: () => server.stop(),
  };
}
