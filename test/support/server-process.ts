// The child-process side of the test directory servers (slapd-server.ts, samba-ad-server.ts):
// server processes that are started, signalled and always reaped, the handle the tests drive them
// by, and the command, port and temporary-directory helpers both servers share. None of it knows
// how slapd or Samba are configured.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCommand } from '../../src/embedded/run-command.js';
import type { GeneratedFixture } from './ldap-fixture.js';
import type { LdapServerInfo } from './provided-context.js';

// The command helpers moved to src for the demo's slapd; tests keep importing them from here.
export {
  runChecked,
  runCommand,
  type CommandOptions,
  type CommandResult,
} from '../../src/embedded/run-command.js';

// ---------------------------------------------------------------------------------------------
// Server handles

/** A running test directory server and the controls that fault tests need. */
export interface LdapServerHandle {
  readonly info: LdapServerInfo;
  /** The generated fixture the server was loaded with (DNs as written, not as returned). */
  readonly fixture: GeneratedFixture;
  /** The server's temporary directory (config, data, sockets); deleted by stop(). */
  readonly dataDir: string;
  /** Pid of the server process, undefined when it failed to spawn. */
  readonly pid: number | undefined;
  /** Stops the server and deletes its data. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * SIGSTOP, resolving once every thread has stopped: connections are then accepted by the kernel but
   * nothing is answered until resume().
   */
  pause(): Promise<void>;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL, as a crash would; the data stays so that restart() brings the same directory back. */
  kill(): Promise<void>;
  /** Starts the server again on the same ports and data (stopping it first if it is running). */
  restart(): Promise<void>;
}

export interface ServerHandleOptions {
  info: LdapServerInfo;
  fixture: GeneratedFixture;
  /** The started server process, answering on info.url. */
  server: ServerProcess;
  /** The server's temporary directory, deleted by stop(). */
  dataDir: string;
  /** How long restart() waits for the server to answer on info.url again. */
  startTimeoutMs: number;
  /** Runs by restart() after the old process has ended and before the new one starts. */
  beforeRestart?: () => Promise<void>;
}

/** The handle of a started server: stop() deletes its data, restart() respawns the same command line. */
export function createServerHandle(options: ServerHandleOptions): LdapServerHandle {
  const { info, fixture, dataDir, startTimeoutMs, beforeRestart } = options;
  let server = options.server;
  let stopped = false;
  return {
    info,
    fixture,
    dataDir,
    get pid() {
      return server.pid;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.terminate();
      await removeTemporaryDirectory(dataDir);
    },
    pause: () => server.suspend(),
    resume: () => {
      server.signal('SIGCONT');
    },
    kill: () => server.kill(),
    async restart() {
      if (stopped) throw new Error(`${server.name} was stopped; start a new one instead of restarting`);
      await server.terminate();
      await beforeRestart?.();
      server = server.respawn();
      server.start();
      await waitForLdap(info.url, server, startTimeoutMs);
    },
  };
}

/** Starts the process and waits until it answers on url; if it does not, it is terminated and the error thrown. */
export async function startAndWaitForLdap(
  server: ServerProcess,
  url: string,
  timeoutMs: number,
): Promise<void> {
  server.start();
  try {
    await waitForLdap(url, server, timeoutMs);
  } catch (error) {
    await server.terminate();
    throw error;
  }
}

/** Polls the root DSE until the server answers, failing early (with its output) if it dies. */
export async function waitForLdap(url: string, server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitStatus !== undefined) throw new Error(server.describe(`died while starting on ${url}`));
    const probe = await runCommand(
      'ldapsearch',
      ['-x', '-LLL', '-o', 'nettimeout=2', '-H', url, '-b', '', '-s', 'base', '1.1'],
      {
        timeoutMs: 5_000,
      },
    );
    if (probe.exitCode === 0) return;
    lastError = probe.stderr.trim();
    await sleep(100);
  }
  throw new Error(
    server.describe(`did not answer on ${url} within ${timeoutMs} ms (last ldapsearch error: ${lastError})`),
  );
}

// ---------------------------------------------------------------------------------------------
// Server processes

/** Last bytes of a stream, for error messages: enough to see why a server died, bounded in memory. */
class OutputTail {
  private text = '';
  private readonly limit = 16_384;
  append(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

const liveProcesses = new Set<ChildProcess>();
const temporaryDirectories = new Set<string>();
let exitHookInstalled = false;

/** Servers and their data must not outlive the test run, even when teardown never runs. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveProcesses) child.kill('SIGKILL');
    for (const dir of temporaryDirectories) rmSync(dir, { recursive: true, force: true });
  });
}

export interface ServerProcessOptions {
  /** Samba in interactive mode exits when its stdin closes, so it gets a pipe that stays open. */
  keepStdinOpen?: boolean;
  /** Directory the watchdog deletes if the test process dies without stopping the server. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** A long-running server child process: started once, signalled, and always reaped. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private exitDescription: string | undefined;
  private readonly tail = new OutputTail();
  readonly name: string;
  private readonly command: string;
  private readonly args: readonly string[];
  private readonly options: ServerProcessOptions;

  constructor(name: string, command: string, args: readonly string[], options: ServerProcessOptions = {}) {
    this.name = name;
    this.command = command;
    this.args = args;
    this.options = options;
  }

  /** A fresh, not yet started process with the same command line (for restarts). */
  respawn(): ServerProcess {
    return new ServerProcess(this.name, this.command, this.args, this.options);
  }

  start(): void {
    if (this.child) throw new Error(`${this.name} was already started`);
    installExitHook();
    const child = spawn(this.command, this.args, {
      stdio: [this.options.keepStdinOpen ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: this.options.env ?? process.env,
    });
    this.child = child;
    liveProcesses.add(child);
    if (child.pid !== undefined) startWatchdog(child.pid, this.options.dataDir);
    child.stdout?.on('data', (chunk: Buffer) => {
      this.tail.append(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.tail.append(chunk);
    });
    this.exited = new Promise((resolve) => {
      const finish = (description: string): void => {
        this.exitDescription ??= description;
        liveProcesses.delete(child);
        resolve();
      };
      child.once('exit', (code, signal) => {
        finish(signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`);
      });
      child.once('error', (error) => {
        finish(`failed to start: ${error.message}`);
      });
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Undefined while running; otherwise how it ended. */
  get exitStatus(): string | undefined {
    return this.exitDescription;
  }

  output(): string {
    return this.tail.toString();
  }

  /** A message naming the process, its end, and the tail of what it printed. */
  describe(problem: string): string {
    const status = this.exitDescription ? ` (${this.exitDescription})` : '';
    return `${this.name} ${problem}${status}. Last output:\n${this.output().slice(-4000) || '(none)'}`;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.child && this.exitDescription === undefined) this.child.kill(signal);
  }

  /**
   * SIGSTOP, and waits until the kernel shows every thread stopped. The stop is not immediate: on a
   * busy machine a slapd thread went on answering searches for up to 5 ms after the signal.
   */
  async suspend(timeoutMs = 5_000): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined || this.exitDescription !== undefined) return;
    this.signal('SIGSTOP');
    const deadline = Date.now() + timeoutMs;
    while (!allThreadsStopped(pid)) {
      if (Date.now() > deadline)
        throw new Error(this.describe(`did not stop within ${timeoutMs} ms of SIGSTOP`));
      await sleep(1);
    }
  }

  /** SIGTERM (after SIGCONT, in case it is paused), then SIGKILL if it lingers. */
  async terminate(graceMs = 5_000): Promise<void> {
    if (!this.child || this.exitDescription !== undefined) return this.exited;
    this.signal('SIGCONT');
    this.signal('SIGTERM');
    if (await settlesWithin(this.exited, graceMs)) return;
    this.signal('SIGKILL');
    await this.exited;
  }

  /** SIGKILL and wait until the kernel has reaped it. */
  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }

  /** Resolves when the process has exited. */
  whenExited(): Promise<void> {
    return this.exited;
  }
}

/**
 * The exit hook cannot run when the test process is killed outright (SIGKILL, or SIGTERM without a
 * handler). A detached shell then kills the orphaned server within a second; it ends by itself as
 * soon as the server is gone. The pids are passed as arguments, never spliced into the script.
 */
const WATCHDOG_SCRIPT = [
  'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done',
  'kill -0 "$1" 2>/dev/null && exit 0',
  'kill -CONT "$2" 2>/dev/null; kill -KILL "$2" 2>/dev/null',
  'if [ -n "$3" ]; then sleep 1; rm -rf -- "$3"; fi',
].join('\n');

function startWatchdog(serverPid: number, dataDir = ''): void {
  const args = [
    '-c',
    WATCHDOG_SCRIPT,
    'rolesync-server-watchdog',
    String(process.pid),
    String(serverPid),
    dataDir,
  ];
  const watchdog = spawn('/bin/sh', args, { detached: true, stdio: 'ignore' });
  watchdog.on('error', () => undefined);
  watchdog.unref();
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  // Unreferenced, so that a pending grace timer never keeps the test process alive.
  const timer = sleep(ms, false, { ref: false });
  return Promise.race([promise.then(() => true), timer]);
}

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Temporary directories

/** A new directory `<parent>/<prefix>XXXXXX`, deleted at exit unless removeTemporaryDirectory() ran first. */
export async function createTemporaryDirectory(prefix: string, parent: string = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(parent, prefix));
  trackTemporaryDirectory(dir);
  return dir;
}

export function trackTemporaryDirectory(dir: string): void {
  installExitHook();
  temporaryDirectories.add(dir);
}

export async function removeTemporaryDirectory(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  temporaryDirectories.delete(dir);
}

// ---------------------------------------------------------------------------------------------
// Ports

/** Whether host:port can be bound right now. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

/** Whether every thread of the process is in the stopped state ('T' in /proc/<pid>/task/<tid>/stat). */
function allThreadsStopped(pid: number): boolean {
  const tasks = readdirSync(`/proc/${pid}/task`);
  return tasks.every((tid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      return true; // the thread ended meanwhile
    }
    // The state follows the parenthesized command name, which may itself contain spaces or parentheses.
    return stat.charAt(stat.lastIndexOf(')') + 2) === 'T';
  });
}
