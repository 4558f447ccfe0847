// Linux /proc readings for the measured processes: CPU seconds, and peak resident memory that can be
// reset between scenarios (writing 5 to clear_refs resets VmHWM, so each scenario gets its own peak).
import { readFileSync, writeFileSync } from 'node:fs';

/** The kernel's USER_HZ: /proc times are in these ticks (100 on every Linux build we run on). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far; 0 once it is gone. */
export function readProcessCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Starts a new peak-RSS window for the process. */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The highest resident set size (bytes) since start or the last resetPeakRss. */
export function readPeakRss(pid: number): number {
  return readStatusBytes(pid, 'VmHWM');
}

/** The resident set size (bytes) now. */
export function readRss(pid: number): number {
  return readStatusBytes(pid, 'VmRSS');
}

function readStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kilobytes === undefined) throw new Error(`no ${field} for process ${pid}`);
  return Number(kilobytes) * 1024;
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function readMachineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  // idle and iowait are the 4th and 5th numbers.
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}
