import type { ActivityOptions } from '@temporalio/workflow';
import { NON_RETRYABLE_CODES } from '../errors/error-codes.js';

const NON_RETRYABLE = [...NON_RETRYABLE_CODES];

/** Short bookkeeping writes to Postgres. */
export const BOOKKEEPING: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 20,
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
};

/** Long directory reads: they heartbeat on a timer and every page, so a dead worker is noticed within 20 s. */
export const DIRECTORY_READ: ActivityOptions = {
  startToCloseTimeout: '4 hours',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
};

/** Set-based SQL phases (resolve, plan, apply): one statement set each, minutes at most at 1M memberships. */
export const SET_BASED_SQL: ActivityOptions = {
  startToCloseTimeout: '30 minutes',
  // The activities heartbeat on a timer (withHeartbeat), so a dead worker is noticed within seconds.
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 10,
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
};

/** Writes to the directory for provisioning: a few quick retries, then the failure is recorded. */
export const PROVISIONING: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 5,
    nonRetryableErrorTypes: NON_RETRYABLE,
  },
};
