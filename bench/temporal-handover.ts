// How long a workflow's hand-overs between activities take on the Temporal dev server, with Temporal's
// default dynamic config and with the one Rolesync starts it with (DEV_SERVER_DYNAMIC_CONFIG): a chain
// of no-op activities, as a sync runs its phases, timed from start to result (issue 7).
//
//   npx tsx bench/temporal-handover.ts [--repeats N]
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { findFreePort } from '../src/embedded/free-port.js';
import {
  DEV_SERVER_DYNAMIC_CONFIG,
  startTemporalDevServer,
  type DynamicConfigValue,
} from '../src/embedded/temporal-dev-server.js';
import { exitOnError } from './statement-timings.js';
import type { activityChain } from './temporal-handover.workflow.js';

const CLI = fileURLToPath(new URL('../.tools/bin/temporal', import.meta.url));
const WORKFLOWS = fileURLToPath(new URL('./temporal-handover.workflow.ts', import.meta.url));
/** As many activities as a directory sync runs. */
const STEPS = 8;
const TASK_QUEUE = 'handover';

async function timeChains(dynamicConfig: readonly DynamicConfigValue[], repeats: number): Promise<number[]> {
  const port = await findFreePort();
  const server = await startTemporalDevServer({
    cliPath: CLI,
    port,
    uiPort: 0,
    dbFile: undefined,
    namespace: 'default',
    dynamicConfig,
  });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const clientConnection = await Connection.connect({ address: server.address });
  try {
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS,
      activities: { step: (index: number) => Promise.resolve(index) },
    });
    const client = new Client({ connection: clientConnection });
    return await worker.runUntil(async () => {
      const times: number[] = [];
      for (let repeat = 0; repeat < repeats; repeat++) {
        const started = performance.now();
        await client.workflow.execute<typeof activityChain>('activityChain', {
          taskQueue: TASK_QUEUE,
          workflowId: `chain-${repeat}`,
          args: [STEPS],
        });
        times.push(performance.now() - started);
      }
      return times;
    });
  } finally {
    await clientConnection.close();
    await workerConnection.close();
    await server.stop();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const index = process.argv.indexOf('--repeats');
  const repeats = index === -1 ? 20 : Number(process.argv[index + 1]);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats must be a positive integer');
  for (const [name, config] of [
    ["Temporal's defaults", []],
    ['Rolesync dev server', DEV_SERVER_DYNAMIC_CONFIG],
  ] as const) {
    const times = await timeChains(config, repeats);
    console.log(
      `${name}: ${STEPS} activities in ${median(times).toFixed(0)} ms (median of ${repeats}; ` +
        `${times.map((time) => time.toFixed(0)).join(' ')})`,
    );
  }
}

main().catch(exitOnError);
