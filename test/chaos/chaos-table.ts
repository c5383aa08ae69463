/** The chaos results as the table the README quotes. */
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
