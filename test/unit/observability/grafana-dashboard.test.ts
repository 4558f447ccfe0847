import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '../../../src/observability/metrics.js';

/** The dashboard in the repo queries only series the process exposes (a renamed metric breaks it here). */
describe('observability/grafana-dashboard.json', () => {
  it('queries only registered series', () => {
    const text = readFileSync(
      new URL('../../../observability/grafana-dashboard.json', import.meta.url),
      'utf8',
    );
    const queried = new Set(
      [...text.matchAll(/rolesync_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, '')),
    );
    expect(queried.size).toBeGreaterThan(10);
    const registered = new Set(metricsRegistry.getMetricsAsArray().map((metric) => metric.name));
    expect([...queried].filter((name) => !registered.has(name))).toEqual([]);
  });
});
