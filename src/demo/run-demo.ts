// `rolesync demo`: Rolesync on its embedded defaults (or whatever the environment configures), a demo
// slapd with a generated company directory, both jobs configured and run through the API with live
// progress, a summary with the console URL and a fresh admin token, then serving until Ctrl-C.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { Logger } from '../logging/logger.js';
import { startRolesyncProcess } from '../runtime/rolesync-process.js';
import { ApiTokenService } from '../services/api-token.service.js';
import type { Database } from '../db/database.js';
import { startDemoLdapServer } from './demo-ldap-server.js';
import { ensurePrimaryContracts, setUpDemo } from './demo-setup.js';
import { formatDemoSummary, readDemoTotals } from './demo-summary.js';
import { RolesyncApi } from './rolesync-api.js';
import { RunProgressBars, runAndFollow } from './run-progress.js';

export interface DemoOptions {
  /** Stop everything after the summary instead of serving until Ctrl-C (for scripts and tests). */
  exitAfterSummary: boolean;
}

/** The name of the demo's admin token; each run revokes the previous one, as its secret was shown once. */
const DEMO_TOKEN_NAME = 'demo admin';

/** Where the demo's process log goes: the terminal is for the progress bars and the summary. */
export function demoLogFile(config: AppConfig): string {
  mkdirSync(config.dataDir, { recursive: true });
  return path.join(config.dataDir, 'demo.log');
}

export async function runDemo(
  config: AppConfig,
  logger: Logger,
  options: DemoOptions,
  out: NodeJS.WriteStream = process.stdout,
): Promise<void> {
  // `on`, not `once`: Ctrl-C under npm delivers SIGINT twice (from the terminal and forwarded by npm),
  // and a second signal without a listener would kill the process half-way through stopping.
  let requestStop: () => void = () => undefined;
  const stopRequested = new Promise<'stop'>((resolve) => {
    requestStop = () => resolve('stop');
  });
  process.on('SIGINT', requestStop);
  process.on('SIGTERM', requestStop);
  const stops: (() => Promise<void>)[] = [];
  const bars = new RunProgressBars(out);
  const say = (line: string): void => {
    out.write(`${line}\n`);
  };
  const demo = async (): Promise<{ workerDone: Promise<void> | undefined }> => {
    say(`Starting the demo (logs: ${demoLogFile(config)})`);
    const ldap = await startDemoLdapServer(path.join(config.dataDir, 'demo-ldap'));
    stops.push(() => ldap.stop());
    say(`  demo directory (slapd) at ${ldap.url}`);
    const rolesync = await startRolesyncProcess(config, logger, { api: true, worker: true });
    stops.push(() => rolesync.stop());
    if (rolesync.url === undefined) throw new Error('the API did not start');
    say(`  Rolesync API and worker at ${rolesync.url}`);
    const adminToken = await createDemoToken(rolesync.database);
    const api = new RolesyncApi(rolesync.url, adminToken);
    stops.push(() => api.close());

    const objects = await setUpDemo(api, ldap);
    say('  directory, sync configs, app groups and mappings set up; running both syncs:\n');
    const directoryRun = await runAndFollow(
      api,
      objects.directorySyncId,
      bars.add(
        'Directory sync',
        (c) =>
          `users ${c.usersRead} · created ${c.identitiesCreated} · memberships +${c.membershipsAdded} -${c.membershipsRemoved}`,
      ),
    );
    const contractsCreated = await ensurePrimaryContracts(api, objects.directoryId, ldap.directory);
    const roleRun = await runAndFollow(
      api,
      objects.roleSyncId,
      bars.add(
        'Role sync',
        (c) =>
          `groups ${c.groupsRead} · roles new ${c.rolesCreated} · requests ${c.roleRequestsCreated} · assigned +${c.rolesAdded} -${c.rolesRemoved}`,
      ),
    );
    bars.stop();
    const totals = await readDemoTotals(api, objects);
    say(
      formatDemoSummary({
        directory: ldap.directory,
        ldapUrl: ldap.url,
        directoryRun,
        roleRun,
        contractsCreated,
        totals,
        consoleUrl: new URL('/', rolesync.url).href,
        graphqlUrl: rolesync.url,
        adminToken,
        temporalUiUrl:
          config.temporalAddress === undefined && config.temporalDevUiPort !== 0
            ? `http://127.0.0.1:${config.temporalDevUiPort}/`
            : undefined,
      }),
    );
    return { workerDone: rolesync.workerDone };
  };

  try {
    const started = demo();
    // Ctrl-C while starting or syncing stops everything started so far; the abandoned steps then fail
    // against closed servers, which is expected and not reported.
    started.catch(() => undefined);
    const outcome = await Promise.race([started, stopRequested]);
    if (outcome === 'stop' || options.exitAfterSummary) return;
    say('Serving until Ctrl-C.');
    await Promise.race([stopRequested, outcome.workerDone ?? new Promise<never>(() => undefined)]);
  } finally {
    bars.stop();
    say('Stopping...');
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping the demo'));
    }
    say('Stopped.');
    process.off('SIGINT', requestStop);
    process.off('SIGTERM', requestStop);
  }
}

async function createDemoToken(database: Database): Promise<string> {
  const tokens = new ApiTokenService(database.orm.em.fork());
  for (const token of await tokens.list()) {
    if (token.name === DEMO_TOKEN_NAME && token.revokedAt == null) await tokens.revoke(token.id);
  }
  return (await tokens.create(DEMO_TOKEN_NAME, 'ADMIN')).secret;
}
