import { defineEntity, p } from '@mikro-orm/core';
import { SYNC_PHASES, SYNC_RUN_STATUSES, type SyncRunCounters } from '../domain/sync-run-state.js';
import { SyncConfig } from './sync-config.entity.js';

export const SyncRunSchema = defineEntity({
  name: 'SyncRun',
  tableName: 'sync_run',
  indexes: [{ properties: ['syncConfig', 'createdAt'] }],
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
