import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/app-config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env, '/srv');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives embedded defaults with nothing set', () => {
    const config = loadConfig({}, '/srv');
    expect(config).toMatchObject({
      databaseUrl: undefined,
      temporalAddress: undefined,
      temporalNamespace: 'default',
      temporalTaskQueue: 'rolesync',
      port: 4000,
      logLevel: 'info',
      dataDir: '/srv/.data',
      secretKey: undefined,
      metricsPort: undefined,
      tracing: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every bad variable at once, by name', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      TEMPORAL_ADDRESS: 'no port',
      DATABASE_URL: 'mysql://x',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'TEMPORAL_ADDRESS',
    ]);
  });

  it('rejects out-of-range ports', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT:/);
    expect(problemsOf({ PORT: '0' })[0]).toMatch(/^PORT:/);
  });

  it('requires a secret key when an external database is configured', () => {
    expect(problemsOf({ DATABASE_URL: 'postgresql://db/rolesync' })[0]).toMatch(
      /^ROLESYNC_SECRET_KEY: required/,
    );
    const config = loadConfig({ DATABASE_URL: 'postgresql://db/rolesync', ROLESYNC_SECRET_KEY: KEY }, '/srv');
    expect(config.secretKey?.length).toBe(32);
  });

  it('reads the key from a file, and names the variable when the file is bad', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rolesync-config-'));
    writeFileSync(path.join(dir, 'good.key'), `${KEY}\n`);
    writeFileSync(path.join(dir, 'short.key'), 'c2hvcnQ=');
    expect(
      loadConfig({ ROLESYNC_SECRET_KEY_FILE: 'good.key' }, dir).secretKey?.equals(Buffer.alloc(32, 7)),
    ).toBe(true);
    expect(problemsOf({ ROLESYNC_SECRET_KEY_FILE: path.join(dir, 'short.key') })[0]).toMatch(
      /^ROLESYNC_SECRET_KEY_FILE: must be 32 bytes/,
    );
    expect(problemsOf({ ROLESYNC_SECRET_KEY_FILE: path.join(dir, 'missing.key') })[0]).toMatch(
      /^ROLESYNC_SECRET_KEY_FILE: cannot read/,
    );
  });

  it('leaves metrics listener and tracing off unless configured', () => {
    expect(loadConfig({ METRICS_PORT: '' }, '/srv')).toMatchObject({
      metricsPort: undefined,
      tracing: undefined,
    });
    expect(
      loadConfig(
        {
          METRICS_PORT: '9464',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
          OTEL_SERVICE_NAME: 'rs-eu',
        },
        '/srv',
      ),
    ).toMatchObject({
      metricsPort: 9464,
      tracing: { otlpTracesUrl: 'http://collector:4318/v1/traces', serviceName: 'rs-eu' },
    });
    expect(
      problemsOf({ METRICS_PORT: 'x', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }).map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['METRICS_PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT']);
  });

  it('prunes run detail after 90 days, nightly, unless configured; refuses bad retention settings', () => {
    expect(loadConfig({}, '/srv')).toMatchObject({ retentionDays: 90, retentionCron: '30 3 * * *' });
    expect(loadConfig({ RETENTION_DAYS: '7', RETENTION_CRON: '0 */6 * * *' }, '/srv')).toMatchObject({
      retentionDays: 7,
      retentionCron: '0 */6 * * *',
    });
    expect(problemsOf({ RETENTION_DAYS: '0', RETENTION_CRON: 'daily' }).map((p) => p.split(':')[0])).toEqual([
      'RETENTION_DAYS',
      'RETENTION_CRON',
    ]);
  });

  it('limits worker heap growth to 50% unless configured (0: V8 default); refuses other values', () => {
    expect(loadConfig({}, '/srv').heapGrowingPercent).toBe(50);
    expect(loadConfig({ ROLESYNC_HEAP_GROWING_PERCENT: '0' }, '/srv').heapGrowingPercent).toBe(0);
    expect(loadConfig({ ROLESYNC_HEAP_GROWING_PERCENT: '100' }, '/srv').heapGrowingPercent).toBe(100);
    for (const bad of ['-1', '1.5', 'lots', '5000']) {
      expect(problemsOf({ ROLESYNC_HEAP_GROWING_PERCENT: bad }).map((p) => p.split(':')[0])).toEqual([
        'ROLESYNC_HEAP_GROWING_PERCENT',
      ]);
    }
  });

  it('never echoes a bad secret value in its message', () => {
    const problems = problemsOf({ ROLESYNC_SECRET_KEY: 'not-a-key-but-a-Secret123' });
    expect(problems.join(' ')).not.toContain('Secret123');
  });
});
