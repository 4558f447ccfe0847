import { describe, expect, inject, it } from 'vitest';
import { renderReport } from '../../../bench/report.js';
import { runBench } from '../../../bench/run-bench.js';
import { ensureServerBuilt } from '../../support/stale-builds.js';

/**
 * The benchmark's own code at a small size (issue 7: the bench stays out of `npm test`, a smoke run keeps
 * it working): every scenario runs against the built server and the test's PostgreSQL and Temporal, with
 * the counters the generated directory predicts. Times are not checked; they are the bench's to measure.
 */
describe('npm run bench, smoke size', () => {
  const { databaseUrl, temporalAddress } = inject('servers');

  it('runs every scenario at 2,000 users with the predicted counters, and reports them', async () => {
    await ensureServerBuilt();
    const result = await runBench({
      users: 2000,
      groups: 200,
      adminDatabaseUrl: databaseUrl,
      temporalAddress,
      floorRepeats: 1,
      // Row counts from PostgreSQL's statistics may come out short; the run counters are exact.
      statsSettleMs: 0,
      runTimeoutMinutes: 5,
    });
    expect(result.scenarios.map((scenario) => scenario.name)).toEqual([
      'first sync',
      'unchanged re-sync',
      '1% changed re-sync',
      '1% changed, incremental',
      'unchanged, incremental',
      'role sync',
      'role sync, unchanged',
    ]);
    for (const scenario of result.scenarios) {
      expect({ name: scenario.name, timedOut: scenario.timedOut, mismatches: scenario.mismatches }).toEqual({
        name: scenario.name,
        timedOut: false,
        mismatches: [],
      });
      const { timings } = scenario.history;
      expect(timings.activitySeconds).toBeGreaterThan(0);
      expect(timings.activitySeconds).toBeLessThanOrEqual(timings.workflowSeconds);
    }
    expect(result.roleSync?.unknownMemberDns).toBe(0);
    const report = renderReport([result], { date: 'today', machine: 'test', versions: {} });
    expect(report).toContain('| 2,000 / 200 | role sync, unchanged |');
    expect(report).toContain('workflow: in activities / between them');
  }, 600_000);
});
