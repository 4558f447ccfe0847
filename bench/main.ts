// `npm run bench`: the benchmark at a tenth of the requested size and at the requested size (default
// 10,000 users / 1,000 groups, then 100,000 / 10,000), on one Temporal dev server and the local
// PostgreSQL. Prints the Markdown report and writes it, with the raw numbers as JSON, to bench/out/.
//
//   npm run bench                          # 10k, then 100k (about 15-20 minutes on 2 cores)
//   npm run bench -- --skip-100k           # 10k only
//   npm run bench -- --users 20000 --groups 2000 --seed 7 --cpu-prof
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/embedded/free-port.js';
import { startTemporalDevServer } from '../src/embedded/temporal-dev-server.js';
import { renderReport, type Environment } from './report.js';
import { runBench, type BenchResult } from './run-bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'bench/out');

const USAGE = `usage: npm run bench -- [--users N] [--groups N] [--seed N] [--skip-100k]
       [--database-url URL] [--floor-repeats N] [--run-timeout MIN] [--cpu-prof] [--keep-db] [--explain-slow MS]
       [--node-flags=FLAGS]
  --users/--groups  the large size (default 100000 / 10000); the small size is a tenth of it
  --skip-100k       run only the small size
  --database-url    PostgreSQL URL that may create databases (default postgresql://postgres@127.0.0.1:5432/postgres)
  --run-timeout     cancel a sync still running after MIN minutes (default 60), report it as timed out
                    and skip the scenarios after it
  --cpu-prof        write V8 CPU profiles of the worker and API to bench/out/profiles-<size>/
  --keep-db         keep each size's database for EXPLAIN ANALYZE (its URL is printed)
  --explain-slow    log statements slower than MS with their EXPLAIN ANALYZE plans to the PostgreSQL
                    server log (auto_explain); diagnostics only, it slows the runs down
  --node-flags=     Node/V8 flags for the worker and API processes, space-separated (e.g. --node-flags=--trace-gc;
                    the worker and API logs are kept in bench/out/logs-<size>/)`;

interface MainOptions {
  users: number;
  groups: number;
  seed: number;
  skipLarge: boolean;
  databaseUrl: string | undefined;
  floorRepeats: number;
  runTimeoutMinutes: number;
  cpuProfile: boolean;
  keepDatabase: boolean;
  explainSlowMs: number | undefined;
  nodeFlags: string[];
}

function parseOptions(): MainOptions {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '100000' },
      groups: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      'skip-100k': { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      'floor-repeats': { type: 'string', default: '3' },
      'run-timeout': { type: 'string', default: '60' },
      'cpu-prof': { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
      'explain-slow': { type: 'string' },
      'node-flags': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a positive integer\n${USAGE}`);
    return value;
  };
  return {
    users: positive('users', values.users),
    groups: positive('groups', values.groups),
    seed: positive('seed', values.seed),
    skipLarge: values['skip-100k'],
    databaseUrl: values['database-url'],
    floorRepeats: positive('floor-repeats', values['floor-repeats']),
    runTimeoutMinutes: positive('run-timeout', values['run-timeout']),
    cpuProfile: values['cpu-prof'],
    keepDatabase: values['keep-db'],
    explainSlowMs:
      values['explain-slow'] === undefined ? undefined : positive('explain-slow', values['explain-slow']),
    nodeFlags: values['node-flags'].split(/\s+/).filter((flag) => flag !== ''),
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const sizes = [
    { users: Math.round(options.users / 10), groups: Math.round(options.groups / 10) },
    ...(options.skipLarge ? [] : [{ users: options.users, groups: options.groups }]),
  ];
  const temporal = await startTemporalDevServer({
    cliPath: join(ROOT, '.tools/bin/temporal'),
    port: await findFreePort(),
    uiPort: 0,
    dbFile: undefined,
    namespace: 'default',
  });
  const results: BenchResult[] = [];
  try {
    for (const size of sizes) {
      results.push(
        await runBench({
          ...size,
          seed: options.seed,
          temporalAddress: temporal.address,
          floorRepeats: options.floorRepeats,
          runTimeoutMinutes: options.runTimeoutMinutes,
          keepDatabase: options.keepDatabase,
          nodeFlags: options.nodeFlags,
          log: (line) => console.error(line),
          ...(options.databaseUrl === undefined ? {} : { adminDatabaseUrl: options.databaseUrl }),
          ...(options.explainSlowMs === undefined ? {} : { explainSlowMs: options.explainSlowMs }),
          ...(options.cpuProfile ? { cpuProfileDir: join(OUT_DIR, `profiles-${size.users}`) } : {}),
          ...(options.nodeFlags.length > 0 ? { processLogDir: join(OUT_DIR, `logs-${size.users}`) } : {}),
        }),
      );
    }
  } finally {
    await temporal.stop();
  }
  const report = renderReport(results, environment(options.databaseUrl));
  await mkdir(OUT_DIR, { recursive: true });
  const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
  await writeFile(join(OUT_DIR, `results-${stamp}.md`), report);
  await writeFile(join(OUT_DIR, `results-${stamp}.json`), JSON.stringify(results, null, 2));
  console.log(report);
  console.error(`written to bench/out/results-${stamp}.md and .json`);
}

function environment(databaseUrl: string | undefined): Environment {
  const cpu = cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${osName()}`,
    versions: {
      Node: process.version,
      PostgreSQL: commandOutput('psql', [
        '-X',
        '-A',
        '-t',
        '-d',
        databaseUrl ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
        '-c',
        // The buffer cache decides whether the runs' probes and writes stay in PostgreSQL or go to the OS
        // (a 100k database is about 1.3 GB): the same statements took twice as long in a run as warm.
        `select current_setting('server_version') || ' (shared_buffers ' || current_setting('shared_buffers')
           || ', autovacuum ' || current_setting('autovacuum') || ')'`,
      ]),
      OpenLDAP: /slapd ([\d.]+)/.exec(commandOutput('/usr/sbin/slapd', ['-VV']))?.[1] ?? 'unknown',
      'Temporal CLI': commandOutput(join(ROOT, '.tools/bin/temporal'), ['--version']).replace(
        /^temporal version /,
        '',
      ),
      '@temporalio/worker': packageVersion('@temporalio/worker'),
      ldapts: packageVersion('ldapts'),
      pg: packageVersion('pg'),
    },
  };
}

function commandOutput(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? '';
}

function packageVersion(name: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return json.version ?? 'unknown';
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
  } catch {
    return 'Linux';
  }
}

await main();
