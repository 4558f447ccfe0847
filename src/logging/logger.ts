import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/app-config.js';

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
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
