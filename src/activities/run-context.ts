import type { EntityManager } from '@mikro-orm/postgresql';
import { SyncRun } from '../entities/sync-run.entity.js';
import type { Directory } from '../entities/directory.entity.js';
import type { SyncConfig } from '../entities/sync-config.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { RunStaging } from '../db/staging-tables.js';

export interface RunContext {
  run: SyncRun;
  config: SyncConfig;
  directory: Directory;
}

/** Loads a run with its config and directory: activities receive only the run id, never entries or secrets. */
export async function loadRunContext(em: EntityManager, runId: string): Promise<RunContext> {
  const run = await em.findOne(SyncRun, runId, {
    populate: ['syncConfig.directory', 'syncConfig.memberDirectory'],
  });
  if (run === null) throw new AppError(ErrorCode.NOT_FOUND, `Sync run ${runId} does not exist.`);
  return { run, config: run.syncConfig, directory: run.syncConfig.directory };
}

/** The run whose staging holds this run's view of the directory: its own, or the snapshot's it adopted. */
export function stagingRunOf(run: SyncRun): string {
  return run.stagingRunId ?? run.id;
}

/** The run with the staging it reads, for the repositories that keep the two apart. */
export function runStagingOf(run: SyncRun): RunStaging {
  return { runId: run.id, stagingRunId: stagingRunOf(run) };
}
