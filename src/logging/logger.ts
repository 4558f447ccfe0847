import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/app-config.js';
import { currentRunLogFields } from '../observability/run-log-context.js';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'password',
  'bindPassword',
  '*.password',
  '*.bindPassword',
  '*.*.bindPassword',
  'secretKey',
  '*.secretKey',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'rolesync' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Lines written while an activity of a run executes carry its run id, config id and workflow id.
    mixin: currentRunLogFields,
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
