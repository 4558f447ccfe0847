import { defineEntity, p } from '@mikro-orm/core';
import { SYNC_PHASES, SYNC_RUN_STATUSES, type SyncRunCounters } from '../domain/sync-run-state.js';
import { READ_MODES, type ReadMark } from '../domain/read-modes.js';
import { SyncConfig } from './sync-config.entity.js';

export const SyncRunSchema = defineEntity({
  name: 'SyncRun',
  tableName: 'sync_run',
  indexes: [
    { properties: ['syncConfig', 'createdAt'] },
    {
      // At most one active run per config, enforced by the database as well as by the workflow id.
      name: 'sync_run_one_active_per_config',
      expression: `create unique index "sync_run_one_active_per_config" on "sync_run" ("sync_config_id") where "status" in ('QUEUED', 'RUNNING', 'AWAITING_APPROVAL')`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    syncConfig: () => p.manyToOne(SyncConfig).deleteRule('cascade'),
    workflowId: p.string().length(200),
    status: p.enum(SYNC_RUN_STATUSES).default('QUEUED'),
    phase: p.enum(SYNC_PHASES).default('QUEUED'),
    trigger: p.enum(['MANUAL', 'SCHEDULE'] as const).default('MANUAL'),
    /** The failed or cancelled run this one retries; a chain of retries shows as one history. */
    retryOf: () => p.manyToOne(SyncRun).nullable().deleteRule('set null'),
    /** Plan only: the run stops after planning and applies nothing. */
    dryRun: p.boolean().default(false),
    /** FULL reads every entry; INCREMENTAL only those changed since the snapshot's mark. */
    readMode: p.enum(READ_MODES).default('FULL'),
    /** Asked for a full read (a full reconciliation on demand). */
    fullRequested: p.boolean().default(false),
    /** How far this run's read saw the directory; the next incremental run reads from here. */
    readMark: p.json<ReadMark>().nullable(),
    /**
     * Hash of what each user's plan depends on besides the user's own entry: the config's switches, the
     * mappings, the groups found and, where members count, their members. A run whose hash equals its
     * snapshot's re-plans only the users whose entries changed (differential sync).
     */
    planContextDigest: p.text().nullable(),
    /**
     * The run whose staging this run reads, when not its own: an incremental run that found no entry
     * changed since its snapshot uses the snapshot's staging instead of copying it.
     */
    stagingRunId: p.uuid().nullable(),
    /**
     * An incremental run that copied a snapshot's staging: that staging's run. Its rows that are neither
     * fresh nor corrected equal that staging's, which lets the plan compare only the others.
     */
    stagedFromRunId: p.uuid().nullable(),
    /**
     * The identity table's row versions (IdentityVersions): those the plan started from, then those the
     * apply left when its own writes were the only ones meanwhile (else null). A run that adopts this
     * run's staging and finds the same versions has nothing to plan.
     */
    identityVersions: p.text().nullable(),
    /** Set in the same transaction as the apply, so a retried apply knows it already happened. */
    appliedAt: p.datetime().nullable(),
    counters: p.json<SyncRunCounters>().onCreate(() => ({})),
    errorCode: p.string().length(100).nullable(),
    errorMessage: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});

export class SyncRun extends SyncRunSchema.class {}
SyncRunSchema.setClass(SyncRun);
