import { defineEntity, p } from '@mikro-orm/core';
import { RUN_LOG_LEVELS, SYNC_PHASES } from '../domain/sync-run-state.js';
import { SyncRun } from './sync-run.entity.js';

/** One step-by-step line of a run: phases with counts, each created/deactivated identity, each skipped entry. */
export const RunLogSchema = defineEntity({
  name: 'RunLog',
  tableName: 'run_log',
  indexes: [{ properties: ['run', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    run: () => p.manyToOne(SyncRun).deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
    level: p.enum(RUN_LOG_LEVELS),
    phase: p.enum(SYNC_PHASES),
    message: p.text(),
    dn: p.text().nullable(),
  },
});

export class RunLog extends RunLogSchema.class {}
RunLogSchema.setClass(RunLog);
