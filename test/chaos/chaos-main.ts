/**
 * `npm run chaos`: the full chaos matrix against the built CLI (dist/cli), one fault at a
 * time, printing the tables as they fill: exports, then cleanups. Exit 1 if anything was
 * lost, wrong, or did not verify, or a cleanup deleted outside its plan or called
 * something verified that is still there. Cleanup plans are sealed with a secret in the
 * OS keychain, so it runs inside scripts/with-keyring.mjs. `--short` runs the small matrix `npm test` runs; `--only <text>` the faults
 * whose name contains it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chaosTable, cleanupTable } from './chaos-table';
import { runCleanupScenario, type CleanupScenarioResult } from './run-cleanup-scenario';
import { runScenario, type ScenarioResult } from './run-scenario';
import { CLEANUP_FULL_MATRIX, CLEANUP_SHORT_MATRIX, FULL_MATRIX, SHORT_MATRIX } from './scenarios';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const root = resolve(__dirname, '../..');
  const cliPath = join(root, 'dist/cli/cv-steward.cjs');
  if (!existsSync(cliPath)) {
    process.stderr.write(`chaos: ${cliPath} is missing; run \`npm run build\` first (npm run chaos does).\n`);
    return 2;
  }
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : undefined;
  const matrix = (args.includes('--short') ? SHORT_MATRIX : FULL_MATRIX).filter((scenario) => only === undefined || scenario.fault.includes(only));
  const rows: ScenarioResult[] = [];
  for (const scenario of matrix) {
    process.stderr.write(`chaos: ${scenario.fault} (${scenario.images} images, ${scenario.kills} kills)…\n`);
    const row = await runScenario(scenario, { cliPath, nodePath: join(root, 'node_modules') });
    rows.push(row);
    process.stderr.write(`chaos: ${scenario.fault}: ${row.runs} runs, ${row.kills} kills, ${row.lost} lost, ${row.wrong} wrong, ${row.verified ? 'verified' : 'NOT verified'} in ${row.seconds.toFixed(0)} s${row.notes.length ? ` — ${row.notes.join(' | ')}` : ''}\n`);
  }
  const cleanupRows: CleanupScenarioResult[] = [];
  const cleanups = (args.includes('--short') ? CLEANUP_SHORT_MATRIX : CLEANUP_FULL_MATRIX).filter((scenario) => only === undefined || scenario.fault.includes(only));
  for (const scenario of cleanups) {
    process.stderr.write(`chaos: cleanup, ${scenario.fault} (${scenario.images} images, ${scenario.kills} kills)…\n`);
    const row = await runCleanupScenario(scenario, { cliPath, nodePath: join(root, 'node_modules') });
    cleanupRows.push(row);
    process.stderr.write(`chaos: cleanup, ${scenario.fault}: ${row.runs} runs, ${row.kills} kills, ${row.deleted} deleted, ${row.outsidePlan} outside the plan, ${row.verifiedButThere} verified but there, ended ${row.ending} in ${row.seconds.toFixed(0)} s${row.notes.length ? ` — ${row.notes.join(' | ')}` : ''}\n`);
  }
  if (rows.length > 0) process.stdout.write(`${chaosTable(rows)}\n`);
  if (cleanupRows.length > 0) process.stdout.write(`\n${cleanupTable(cleanupRows)}\n`);
  const exportsOk = rows.every((row) => row.lost === 0 && row.wrong === 0 && row.verified);
  return exportsOk && cleanupRows.every((row) => row.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
