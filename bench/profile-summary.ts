// Summarizes a V8 CPU profile (from `npm run bench -- --cpu-prof`): where the process spent its
// CPU time, by function and by file or package, idle time left out.
//
//   tsx bench/profile-summary.ts bench/out/profiles-100000/worker.cpuprofile [top]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** CPU seconds sampled, idle excluded. */
  busySeconds: number;
  byFunction: [name: string, seconds: number][];
  bySource: [source: string, seconds: number][];
}

const IDLE = '(idle)';

export function summarizeProfile(profile: CpuProfile, top: number): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    // A sample's delta is the time until the next one, in microseconds.
    const seconds = (profile.timeDeltas[index + 1] ?? 0) / 1e6;
    if (node === undefined || node.callFrame.functionName === IDLE) return;
    busy += seconds;
    const { functionName, url, lineNumber } = node.callFrame;
    const source = sourceOf(url, functionName);
    add(byFunction, `${functionName || '(anonymous)'} ${source}:${lineNumber + 1}`, seconds);
    add(bySource, source, seconds);
  });
  return { busySeconds: busy, byFunction: largest(byFunction, top), bySource: largest(bySource, top) };
}

/** A package name for dependencies, a project-relative path for our own code, the V8 label otherwise. */
function sourceOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (dependency !== undefined) return dependency;
  const own = /\/((?:src|bench|test)\/.*)$/.exec(url)?.[1];
  return own ?? url.replace(/^file:\/\//, '');
}

function add(totals: Map<string, number>, key: string, seconds: number): void {
  totals.set(key, (totals.get(key) ?? 0) + seconds);
}

function largest(totals: Map<string, number>, top: number): [string, number][] {
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}

function main(): void {
  const [file, topText] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [top]');
  const summary = summarizeProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(topText ?? 25),
  );
  const print = (title: string, rows: [string, number][]): void => {
    console.log(`\n${title}`);
    for (const [name, seconds] of rows) {
      const share = ((100 * seconds) / summary.busySeconds).toFixed(1).padStart(5);
      console.log(`${seconds.toFixed(2).padStart(8)} s ${share}%  ${name}`);
    }
  };
  console.log(`${file}: ${summary.busySeconds.toFixed(2)} s of CPU sampled (idle excluded)`);
  print('by source', summary.bySource);
  print('by function (self time)', summary.byFunction);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
