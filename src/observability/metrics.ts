import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's one metrics registry: API and worker in one process share it, so `/metrics` shows both.
 * Every series is prefixed `rolesync_`; labels stay few and bounded (never a run id or a DN).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'rolesync_' });
const registers = [metricsRegistry];

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const runDurationSeconds = new Histogram({
  name: 'rolesync_run_duration_seconds',
  help: 'Sync runs from start to end, observed when a run ends, by kind and final status',
  labelNames: ['kind', 'status'] as const,
  buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200],
  registers,
});

export const ldapEntriesRead = new Counter({
  name: 'rolesync_ldap_entries_read_total',
  help: 'Directory entries returned by paged searches; rate() gives entries read per second',
  registers,
});

export const ldapRequestSeconds = new Histogram({
  name: 'rolesync_ldap_request_duration_seconds',
  help: 'LDAP request latency by operation (each page of a paged search is one request)',
  labelNames: ['operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

export const ldapRequestErrors = new Counter({
  name: 'rolesync_ldap_request_errors_total',
  help: 'LDAP requests that failed, by operation and error code (NO_SUCH_OBJECT includes look-ups of absent entries)',
  labelNames: ['operation', 'code'] as const,
  registers,
});

const dbBatchSeconds = new Histogram({
  name: 'rolesync_db_batch_duration_seconds',
  help: 'Set-based PostgreSQL batches (one statement or transaction per LDAP page or look-up batch), by operation',
  labelNames: ['operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});

const memberLookupCacheHits = new Counter({
  name: 'rolesync_member_lookup_cache_hits_total',
  help: 'Member values of role sync runs answered without a directory read (known identity, nested group, earlier read)',
  registers,
});

const memberLookupCacheMisses = new Counter({
  name: 'rolesync_member_lookup_cache_misses_total',
  help: 'Member DNs of role sync runs that needed a directory read',
  registers,
});

const subscriptionSources = new Set<() => number>();
new Gauge({
  name: 'rolesync_graphql_subscriptions',
  help: 'Live progress subscriptions (graphql-ws) open on this process',
  registers,
  collect() {
    let open = 0;
    for (const count of subscriptionSources) open += count();
    this.set(open);
  },
});

export const runsByStatus = new Gauge({
  name: 'rolesync_runs',
  help: 'Sync runs in the run history by status, read from PostgreSQL at scrape time',
  labelNames: ['status'] as const,
  registers,
});

export const activeWorkflows = new Gauge({
  name: 'rolesync_active_workflows',
  help: 'Sync run workflows not ended (queued, running or awaiting approval), read from PostgreSQL at scrape time',
  registers,
});

/** Starts timing one set-based batch; call the result when it has been written. */
export function startDbBatchTimer(operation: string): () => void {
  const end = dbBatchSeconds.startTimer({ operation });
  return () => {
    end();
  };
}

/** Counts a role sync run's member values by whether they needed a directory read. */
export function countMemberLookups(counts: { cacheHits: number; lookupsMade: number }): void {
  memberLookupCacheHits.inc(counts.cacheHits);
  memberLookupCacheMisses.inc(counts.lookupsMade);
}

/** Adds a source of open subscriptions (an API server's progress hub); returns the function that removes it. */
export function trackSubscriptions(openSubscriptions: () => number): () => void {
  subscriptionSources.add(openSubscriptions);
  return () => {
    subscriptionSources.delete(openSubscriptions);
  };
}
