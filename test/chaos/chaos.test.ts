/**
 * The short chaos matrix in every `npm test`: the built `cv-steward export` under
 * connection resets, cut-short bodies with tied timestamps, and a disk that fills up,
 * SIGKILLed at seeded moments and run again until it finishes. Nothing may be lost or
 * wrong against the emulator's own data, and verify must pass. The full matrix (a
 * 1 500-image account per fault, 25 kills) is `npm run chaos`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { builtCli, ROOT, type BuiltCli } from '../integration/cli-support';
import { chaosTable } from './chaos-table';
import { runScenario, type ScenarioResult } from './run-scenario';
import { SHORT_MATRIX } from './scenarios';

let cli: BuiltCli;
const rows: ScenarioResult[] = [];

beforeAll(async () => {
  cli = await builtCli();
}, 180_000);

afterAll(() => {
  cli?.remove();
  // The table, as `npm run chaos` prints it, for whoever reads the test log.
  if (rows.length > 0) process.stdout.write(`\n${chaosTable(rows)}\n`);
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
