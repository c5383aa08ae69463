/** The chaos results as the table the README quotes. */
import type { CleanupScenarioResult } from './run-cleanup-scenario';
import type { ScenarioResult } from './run-scenario';

const COLUMNS: Array<{ title: string; value: (row: ScenarioResult) => string }> = [
  { title: 'fault', value: (row) => row.fault },
  { title: 'runs', value: (row) => String(row.runs) },
  { title: 'kills', value: (row) => String(row.kills) },
  { title: 'items checked', value: (row) => String(row.checked) },
  { title: 'lost', value: (row) => String(row.lost) },
  { title: 'wrong', value: (row) => String(row.wrong) },
  { title: 're-downloaded', value: (row) => String(row.redownloaded) },
  { title: 'verified', value: (row) => (row.verified ? 'yes' : 'NO') },
  { title: 'time', value: (row) => `${row.seconds.toFixed(0)} s` },
];

export function chaosTable(rows: readonly ScenarioResult[]): string {
  const lines = [`| ${COLUMNS.map((column) => column.title).join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${COLUMNS.map((column) => column.value(row)).join(' | ')} |`);
  const total = rows.reduce((sum, row) => ({ kills: sum.kills + row.kills, lost: sum.lost + row.lost, wrong: sum.wrong + row.wrong }), { kills: 0, lost: 0, wrong: 0 });
  lines.push('', `${rows.length} faults, ${total.kills} kills: ${total.lost} lost, ${total.wrong} wrong.`);
  return lines.join('\n');
}

const CLEANUP_COLUMNS: Array<{ title: string; value: (row: CleanupScenarioResult) => string }> = [
  { title: 'cleanup under', value: (row) => row.fault },
  { title: 'runs', value: (row) => String(row.runs) },
  { title: 'kills', value: (row) => String(row.kills) },
  { title: 'deleted', value: (row) => String(row.deleted) },
  { title: 'deleted outside the plan', value: (row) => String(row.outsidePlan) },
  { title: 'verified but still there', value: (row) => String(row.verifiedButThere) },
  { title: 'could not verify', value: (row) => String(row.couldNotVerify) },
  { title: 'ended', value: (row) => row.ending },
  { title: 'time', value: (row) => `${row.seconds.toFixed(0)} s` },
];

export function cleanupTable(rows: readonly CleanupScenarioResult[]): string {
  const lines = [`| ${CLEANUP_COLUMNS.map((column) => column.title).join(' | ')} |`, `|${CLEANUP_COLUMNS.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${CLEANUP_COLUMNS.map((column) => column.value(row)).join(' | ')} |`);
  const total = rows.reduce((sum, row) => ({ kills: sum.kills + row.kills, outside: sum.outside + row.outsidePlan, wrong: sum.wrong + row.verifiedButThere }), { kills: 0, outside: 0, wrong: 0 });
  lines.push('', `${rows.length} cleanups, ${total.kills} kills: ${total.outside} deleted outside the plan, ${total.wrong} verified but still there.`);
  return lines.join('\n');
}
