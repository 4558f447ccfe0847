import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Everything Rolesync reads from its environment, validated once at start-up. */
export interface AppConfig {
  /** Absent: an embedded PostgreSQL is started with its data under dataDir. */
  databaseUrl: string | undefined;
  /** Absent: a Temporal dev server is started as a child process with its state under dataDir. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  temporalTaskQueue: string;
  host: string;
  port: number;
  logLevel: LogLevel;
  dataDir: string;
  /** 32-byte AES-256-GCM key for directory bind passwords; undefined only with embedded defaults (then generated). */
  secretKey: Buffer | undefined;
  temporalCliPath: string;
  embeddedPostgresPort: number;
  temporalDevPort: number;
  temporalDevUiPort: number;
  /** A separate /metrics listener (for `rolesync worker`, which has no API port); undefined: none. */
  metricsPort: number | undefined;
  /** Run logs and plans of runs that ended longer ago are pruned, on retentionCron. */
  retentionDays: number;
  retentionCron: string;
  /** OpenTelemetry traces go to this OTLP/HTTP collector; undefined: tracing is off. */
  tracing: TracingConfig | undefined;
  /** Old-generation growth past the live heap a worker process allows, in percent (0: V8's default). */
  heapGrowingPercent: number;
}

export interface TracingConfig {
  /** Full URL of the OTLP/HTTP traces endpoint (`<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`). */
  otlpTracesUrl: string;
  serviceName: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration problem; the CLI prints its message as one line and exits non-zero. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  DATABASE_URL: optionalText.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
  TEMPORAL_ADDRESS: optionalText.refine((value) => value === undefined || /^[\w.-]+:\d{1,5}$/.test(value), {
    message: 'must be host:port',
  }),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('rolesync'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ROLESYNC_DATA_DIR: z.string().trim().min(1).default('.data'),
  ROLESYNC_SECRET_KEY: optionalText,
  ROLESYNC_SECRET_KEY_FILE: optionalText,
  TEMPORAL_CLI_PATH: z.string().trim().min(1).default('.tools/bin/temporal'),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_DEV_UI_PORT: port.default(8233),
  METRICS_PORT: z.preprocess((value) => (value === '' ? undefined : value), port.optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.refine(
    (value) => value === undefined || /^https?:\/\/[^/\s]+(\/\S*)?$/.test(value),
    { message: 'must be an http:// or https:// URL' },
  ),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('rolesync'),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_CRON: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, 'must be a 5-field cron expression')
    .default('30 3 * * *'),
  ROLESYNC_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(50),
});

/**
 * Reads and validates the environment. Reports every bad variable at once, never echoing values
 * (a secret may be among them).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const vars = parsed.data;
  const secretKey = readSecretKey(vars.ROLESYNC_SECRET_KEY, vars.ROLESYNC_SECRET_KEY_FILE, cwd);
  if (secretKey === undefined && vars.DATABASE_URL !== undefined) {
    throw new ConfigError([
      'ROLESYNC_SECRET_KEY: required (or ROLESYNC_SECRET_KEY_FILE) when DATABASE_URL is set; generate one with `rolesync generate-key`',
    ]);
  }
  return Object.freeze({
    databaseUrl: vars.DATABASE_URL,
    temporalAddress: vars.TEMPORAL_ADDRESS,
    temporalNamespace: vars.TEMPORAL_NAMESPACE,
    temporalTaskQueue: vars.TEMPORAL_TASK_QUEUE,
    host: vars.HOST,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    dataDir: path.resolve(cwd, vars.ROLESYNC_DATA_DIR),
    secretKey,
    temporalCliPath: path.resolve(cwd, vars.TEMPORAL_CLI_PATH),
    embeddedPostgresPort: vars.EMBEDDED_POSTGRES_PORT,
    temporalDevPort: vars.TEMPORAL_DEV_PORT,
    temporalDevUiPort: vars.TEMPORAL_DEV_UI_PORT,
    metricsPort: vars.METRICS_PORT,
    retentionDays: vars.RETENTION_DAYS,
    retentionCron: vars.RETENTION_CRON,
    heapGrowingPercent: vars.ROLESYNC_HEAP_GROWING_PERCENT,
    tracing:
      vars.OTEL_EXPORTER_OTLP_ENDPOINT === undefined
        ? undefined
        : {
            otlpTracesUrl: `${vars.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`,
            serviceName: vars.OTEL_SERVICE_NAME,
          },
  });
}

function readSecretKey(
  inline: string | undefined,
  file: string | undefined,
  cwd: string,
): Buffer | undefined {
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError([
      'ROLESYNC_SECRET_KEY_FILE: set either ROLESYNC_SECRET_KEY or ROLESYNC_SECRET_KEY_FILE, not both',
    ]);
  }
  if (inline !== undefined) return decodeSecretKey(inline, 'ROLESYNC_SECRET_KEY');
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError([`ROLESYNC_SECRET_KEY_FILE: cannot read the file (${reason})`]);
  }
  return decodeSecretKey(text.trim(), 'ROLESYNC_SECRET_KEY_FILE');
}

/** Accepts 32 bytes as base64 or 64 hex digits. */
export function decodeSecretKey(text: string, variable: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new ConfigError([`${variable}: must be 32 bytes, base64 or 64 hex digits`]);
  }
  return key;
}
