/**
 * The short chaos matrix in every `npm test`: the built `cv-steward export` under
 * connection resets, cut-short bodies with tied timestamps, and a disk that fills up,
 * SIGKILLed at seeded moments and run again until it finishes. Nothing may be lost or
 * wrong against the emulator's own data, and verify must pass. Then the built
 * `cv-steward cleanup` under strict batches with ids deleted elsewhere, a tampered plan
 * and gateway 404s: nothing deleted outside the sealed plan, nothing "verified" that is
 * still there. The full matrices are `npm run chaos`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { builtCli, ROOT, type BuiltCli } from '../support/cli/cli-support';
import { chaosTable, cleanupTable } from './chaos-table';
import { runCleanupScenario, type CleanupScenarioResult } from './run-cleanup-scenario';
import { runScenario, type ScenarioResult } from './run-scenario';
import { CLEANUP_SHORT_MATRIX, SHORT_MATRIX } from './scenarios';

let cli: BuiltCli;
const rows: ScenarioResult[] = [];
const cleanupRows: CleanupScenarioResult[] = [];

beforeAll(async () => {
  cli = await builtCli();
}, 180_000);

afterAll(() => {
  cli?.remove();
  // The table, as `npm run chaos` prints it, for whoever reads the test log.
  if (rows.length > 0) process.stdout.write(`\n${chaosTable(rows)}\n`);
  if (cleanupRows.length > 0) process.stdout.write(`\n${cleanupTable(cleanupRows)}\n`);
});

describe('chaos (short matrix)', () => {
  for (const scenario of SHORT_MATRIX) {
    it(`${scenario.fault}: nothing lost, nothing wrong, verified after ${scenario.kills} kill(s)`, async () => {
      const row = await runScenario(scenario, { cliPath: cli.path, nodePath: join(ROOT, 'node_modules') });
      rows.push(row);
      expect(row.notes).toEqual([]);
      expect(row.kills).toBe(scenario.kills);
      expect(row.checked).toBeGreaterThan(scenario.images);
      expect({ lost: row.lost, wrong: row.wrong, verified: row.verified }).toEqual({ lost: 0, wrong: 0, verified: true });
    }, 180_000);
  }
});

describe('cleanup chaos (short matrix)', () => {
  for (const scenario of CLEANUP_SHORT_MATRIX) {
    it(`${scenario.fault}: nothing deleted outside the sealed plan, nothing verified that is still there`, async () => {
      const row = await runCleanupScenario(scenario, { cliPath: cli.path, nodePath: join(ROOT, 'node_modules') });
      cleanupRows.push(row);
      expect(row.notes).toEqual([]);
      expect({ outsidePlan: row.outsidePlan, verifiedButThere: row.verifiedButThere }).toEqual({ outsidePlan: 0, verifiedButThere: 0 });
      expect(row.ending).toBe(scenario.tamper ? 'refused' : scenario.expectUnverifiable ? 'incomplete' : 'complete');
      if (scenario.expectUnverifiable) expect(row.couldNotVerify).toBeGreaterThan(0);
    }, 180_000);
  }
});
