// Renders benchmark results as Markdown: the results table, floors, phases, CPU and rows by table,
// and the issue's targets with whether each is met.
import { SYNC_PHASES } from '../src/domain/sync-run-state.js';
import type { BenchResult, ScenarioName, ScenarioResult } from './run-bench.js';

export interface Environment {
  date: string;
  machine: string;
  versions: Record<string, string>;
}

/** Issue 7's targets. */
export const TARGETS = {
  firstSyncRatio: 2.5,
  resyncRatio: 1.5,
  /** "role sync: member look-ups only for DNs not already known; <= 3x floor" (its first run and re-run). */
  roleSyncRatio: 3,
  workerPeakRssBytes: 600 * 2 ** 20,
  /** Time may grow at most this much from the small size to the one ten times larger. */
  growth: 11,
  /** "(almost) no rows": at most this share of (users + memberships) written by an unchanged re-sync. */
  unchangedRowsShare: 0.01,
} as const;

const MB = 2 ** 20;

export function renderReport(results: readonly BenchResult[], environment: Environment): string {
  return [
    `Date: ${environment.date}. Machine: ${environment.machine}.`,
    '',
    `Versions: ${Object.entries(environment.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    '### Results',
    '',
    resultsTable(results),
    '',
    '### Floors and data',
    '',
    floorsTable(results),
    '',
    '### Where the time goes (seconds per phase, polled every 100 ms)',
    '',
    phasesTable(results),
    '',
    '### CPU seconds during each run (2 cores: at most 2 s per wall second)',
    '',
    cpuTable(results),
    '',
    '### Rows written, by table',
    '',
    rowsTable(results),
    '',
    '### Targets',
    '',
    ...targetLines(results).map((line) => `- ${line}`),
    '',
  ].join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function sizeLabel(result: BenchResult): string {
  return `${result.shape.users.toLocaleString('en-US')} / ${result.shape.groups.toLocaleString('en-US')}`;
}

const seconds = (value: number): string => value.toFixed(2);
const megabytes = (bytes: number): string => (bytes / MB).toFixed(0);
const count = (value: number): string => value.toLocaleString('en-US');

function resultsTable(results: readonly BenchResult[]): string {
  const header = [
    'users / groups',
    'scenario',
    'wall s',
    'floor s',
    'x floor',
    'target',
    'worker peak MB (at start)',
    'API peak MB (at start)',
    'PG rows written (working tables)',
    'history events / bytes',
    'LDAP searches / binds / other',
    'counters as expected',
  ];
  const rows = results.flatMap((result) =>
    result.scenarios.map((scenario) => [
      sizeLabel(result),
      scenario.name,
      wallCell(scenario),
      seconds(scenario.floorSeconds),
      `${scenario.timedOut ? '> ' : ''}${scenario.floorRatio.toFixed(2)}`,
      `<= ${ratioTarget(scenario.name)}`,
      `${megabytes(scenario.peakRssBytes.worker)} (${megabytes(scenario.startRssBytes.worker)})`,
      `${megabytes(scenario.peakRssBytes.api)} (${megabytes(scenario.startRssBytes.api)})`,
      `${count(scenario.rowsWritten.total)} (${count(scenario.rowsWritten.working)})`,
      `${scenario.history.events} / ${count(scenario.history.bytes)}`,
      `${scenario.ldapRequests.searches} / ${scenario.ldapRequests.binds} / ${scenario.ldapRequests.modifies + scenario.ldapRequests.other}`,
      counterCell(scenario),
    ]),
  );
  return table(header, rows);
}

function counterCell(scenario: ScenarioResult): string {
  if (scenario.timedOut) return 'n/a (cancelled)';
  return scenario.mismatches.length === 0 ? 'yes' : scenario.mismatches.join('; ');
}

/** The wall time, or for a run cancelled at the time limit, the limit and the phase it was in. */
function wallCell(scenario: ScenarioResult): string {
  if (!scenario.timedOut) return seconds(scenario.wallSeconds);
  return `> ${seconds(scenario.wallSeconds)} (cancelled in ${scenario.phases.at(-1)?.phase ?? '?'})`;
}

const RATIO_TARGETS: Record<ScenarioName, number> = {
  'first sync': TARGETS.firstSyncRatio,
  'unchanged re-sync': TARGETS.resyncRatio,
  '1% changed re-sync': TARGETS.resyncRatio,
  '1% changed, incremental': TARGETS.resyncRatio,
  'unchanged, incremental': TARGETS.resyncRatio,
  'role sync': TARGETS.roleSyncRatio,
  'role sync, unchanged': TARGETS.roleSyncRatio,
};

function ratioTarget(name: ScenarioName): number {
  return RATIO_TARGETS[name];
}

function floorsTable(results: readonly BenchResult[]): string {
  const header = [
    'users / groups',
    'user memberships',
    'nested',
    'LDIF MB',
    'slapadd s',
    'LDAP floor s (users + groups)',
    'LDAP floor searches',
    'write floor s',
    'write floor rows (identities + memberships)',
    'role write floor s',
    'role write floor rows (roles + assignments + requests + items)',
    'worker / API RSS at start MB',
    'mapping request bytes',
    '1% change (removed + added)',
  ];
  const rows = results.map((result) => [
    sizeLabel(result),
    count(result.userMemberships),
    count(result.nestedMemberships),
    (result.ldif.bytes / 1e6).toFixed(0),
    seconds(result.ldif.loadSeconds),
    `${seconds(result.floors.ldap.seconds)} (${seconds(result.floors.ldap.usersSeconds)} + ${seconds(result.floors.ldap.groupsSeconds)})`,
    String(result.floors.ldap.requests.searches),
    seconds(result.floors.write.seconds),
    `${count(result.floors.write.identityRows)} + ${count(result.floors.write.membershipRows)}`,
    seconds(result.floors.roleWrite.seconds),
    roleWriteRows(result.floors.roleWrite),
    `${megabytes(result.startRssBytes.worker)} / ${megabytes(result.startRssBytes.api)}`,
    count(result.setup.mappingRequestBytes),
    `${count(result.change.removed)} + ${count(result.change.added)} in ${count(result.change.groups)} groups`,
  ]);
  return table(header, rows);
}

function roleWriteRows(floor: BenchResult['floors']['roleWrite']): string {
  return [floor.roleRows, floor.assignmentRows, floor.requestRows, floor.itemRows].map(count).join(' + ');
}

/** The phases some run passed through, in run order (a role sync adds COMMIT_ROLE_REQUESTS); DONE takes no time. */
function phasesSeen(results: readonly BenchResult[]): string[] {
  const seen = new Set(
    results.flatMap((result) =>
      result.scenarios.flatMap((scenario) => scenario.phases.map((entry) => entry.phase)),
    ),
  );
  return SYNC_PHASES.filter((phase) => phase !== 'DONE' && seen.has(phase));
}

function phasesTable(results: readonly BenchResult[]): string {
  const phases = phasesSeen(results);
  const rows = results.flatMap((result) =>
    result.scenarios.map((scenario) => [
      sizeLabel(result),
      scenario.name,
      ...phases.map((phase) => seconds(phaseSeconds(scenario, phase))),
      seconds(scenario.wallSeconds),
      temporalCell(scenario),
    ]),
  );
  return table(
    ['users / groups', 'scenario', ...phases, 'total', 'workflow: in activities / between them'],
    rows,
  );
}

/** The workflow's own time (from its history's event times), split into activities and hand-overs. */
function temporalCell({ history: { timings } }: ScenarioResult): string {
  return `${seconds(timings.workflowSeconds)}: ${seconds(timings.activitySeconds)} / ${seconds(timings.orchestrationSeconds)}`;
}

function phaseSeconds(scenario: ScenarioResult, phase: string): number {
  return scenario.phases
    .filter((entry) => entry.phase === phase)
    .reduce((sum, entry) => sum + entry.seconds, 0);
}

function cpuTable(results: readonly BenchResult[]): string {
  const rows = results.flatMap((result) =>
    result.scenarios.map((scenario) => {
      const cpu = scenario.cpuSeconds;
      const rest = cpu.machineBusy - cpu.worker - cpu.api - cpu.slapd;
      return [
        sizeLabel(result),
        scenario.name,
        seconds(cpu.worker),
        seconds(cpu.api),
        seconds(cpu.slapd),
        seconds(rest),
        seconds(cpu.machineBusy),
        seconds(scenario.wallSeconds * 2),
      ];
    }),
  );
  return table(
    [
      'users / groups',
      'scenario',
      'worker',
      'API',
      'slapd',
      'rest (PostgreSQL, Temporal, other load)',
      'machine busy',
      'machine capacity',
    ],
    rows,
  );
}

function rowsTable(results: readonly BenchResult[]): string {
  const largest = results.at(-1);
  if (largest === undefined) return '';
  const tables = [
    ...new Set(largest.scenarios.flatMap((scenario) => Object.keys(scenario.rowsWritten.byTable))),
  ].sort();
  const rows = tables.map((name) => [
    name,
    ...largest.scenarios.map((scenario) => {
      const writes = scenario.rowsWritten.byTable[name];
      return writes === undefined
        ? '0'
        : `${count(writes.inserted)} / ${count(writes.updated)} / ${count(writes.deleted)}`;
    }),
  ]);
  return [
    `At ${sizeLabel(largest)}; inserted / updated / deleted.`,
    '',
    table(['table', ...largest.scenarios.map((scenario) => scenario.name)], rows),
  ].join('\n');
}

function targetLines(results: readonly BenchResult[]): string[] {
  const lines: string[] = [];
  const verdict = (met: boolean): string => (met ? 'met' : '**missed**');
  for (const result of results) {
    const label = sizeLabel(result);
    for (const scenario of result.scenarios) {
      const target = ratioTarget(scenario.name);
      lines.push(
        `${label}, ${scenario.name}: ${scenario.timedOut ? 'more than ' : ''}${scenario.floorRatio.toFixed(2)}x floor ` +
          `(target <= ${target}): ${verdict(!scenario.timedOut && scenario.floorRatio <= target)}`,
      );
    }
    const unchangedRuns = result.scenarios.filter(
      (scenario) => scenario.name === 'unchanged re-sync' || scenario.name === 'unchanged, incremental',
    );
    for (const unchanged of unchangedRuns) {
      const limit = Math.round((result.shape.users + result.userMemberships) * TARGETS.unchangedRowsShare);
      lines.push(
        `${label}, ${unchanged.name} writes ${count(unchanged.rowsWritten.total)} rows ` +
          `(${count(unchanged.rowsWritten.total - unchanged.rowsWritten.working)} outside staging/plan tables; ` +
          `"almost none" taken as <= ${count(limit)}): ${verdict(unchanged.rowsWritten.total <= limit)}`,
      );
    }
    lines.push(...roleSyncLookupLines(result, verdict));
    const peak = Math.max(...result.scenarios.map((scenario) => scenario.peakRssBytes.worker));
    lines.push(
      `${label}, worker peak RSS ${megabytes(peak)} MB (target <= 600 MB): ${verdict(peak <= TARGETS.workerPeakRssBytes)}`,
    );
  }
  lines.push(...growthLines(results, verdict));
  return lines;
}

/** Issue 7: a role sync looks up only the member DNs no identity knows already. */
function roleSyncLookupLines(result: BenchResult, verdict: (met: boolean) => string): string[] {
  const { roleSync } = result;
  if (roleSync === undefined) return [];
  return result.scenarios
    .filter((scenario) => scenario.name === 'role sync' || scenario.name === 'role sync, unchanged')
    .map(
      ({ name, counters }) =>
        `${sizeLabel(result)}, ${name}: ${count(counters.lookupsMade)} member look-ups for ` +
        `${count(counters.memberValues)} member values (target: only the ${count(roleSync.unknownMemberDns)} ` +
        `DNs no identity knows): ${verdict(counters.lookupsMade <= roleSync.unknownMemberDns)}`,
    );
}

function growthLines(results: readonly BenchResult[], verdict: (met: boolean) => string): string[] {
  const [small, large] = results;
  if (small === undefined || large === undefined)
    return ['growth: needs two sizes (run without --skip-100k)'];
  const lines = large.scenarios.map((scenario) => {
    const before = small.scenarios.find((candidate) => candidate.name === scenario.name);
    const growth = before === undefined ? Number.NaN : scenario.wallSeconds / before.wallSeconds;
    const bound = scenario.timedOut ? 'more than ' : '';
    return (
      `growth ${sizeLabel(small)} -> ${sizeLabel(large)}, ${scenario.name}: ${bound}${growth.toFixed(1)}x ` +
      `(target <= ${TARGETS.growth}): ${verdict(!scenario.timedOut && growth <= TARGETS.growth)}`
    );
  });
  const pairs = large.scenarios
    .filter((scenario) => !scenario.timedOut)
    .map((scenario) => ({ scenario, before: small.scenarios.find((other) => other.name === scenario.name) }));
  const described = pairs.map(
    ({ scenario, before }) =>
      `${scenario.name} ${before?.history.events ?? '?'} -> ${scenario.history.events}`,
  );
  const same = pairs.every(({ scenario, before }) => before?.history.events === scenario.history.events);
  lines.push(
    pairs.length === 0
      ? 'history events: no run finished at both sizes'
      : `history events per run, ${sizeLabel(small)} -> ${sizeLabel(large)}: ${described.join(', ')}: ${verdict(same)}`,
  );
  return lines;
}
