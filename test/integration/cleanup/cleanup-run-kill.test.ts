/**
 * Kill -9 safety, for real: a child process runs a whole-account cleanup of the demo
 * account and is SIGKILLed after N steps are journaled, several times; each next run
 * resumes. Proof that no finished step was sent again: its journal records never change
 * after the kill, and the emulator saw at most one delete per kill beyond the journaled
 * ones (the call in flight when the process died). The end state must be fully verified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallRecord } from '../../../shared/model/cleanup';
import { cleanupPaths } from '../../../src-main/cleanup/cleanup-paths';
import { isFinishedOutcome } from '../../../src-main/cleanup/cleanup-journal';
import { runCleanup } from '../../../src-main/cleanup/run-cleanup';
import type { RunningEmulator } from '../../../src-main/emulator';
import { buildScript, type BuiltScript } from '../../support/build-script';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { ACCOUNT_NAME, cleanupClient, cleanupJob, deleteRequests, planFromEmulator, tempDir , testSealer } from '../../support/cleanup/cleanup-run-support';

let emu: RunningEmulator;
let folder: { path: string; remove: () => Promise<void> };
let built: BuiltScript;
let childScript: string;

beforeAll(async () => {
  built = await buildScript(join(__dirname, '../../support/cleanup/cleanup-run-kill-child.ts'), 'child.cjs');
  childScript = built.path;
  // Slow enough that a kill lands mid-run: ≈ 30 steps of ≥ 25 ms each.
  emu = await startTestEmulator({ seed: 'demo', latencyMs: 25 });
  folder = await tempDir('cv-cleanup-kill-');
}, 30_000);

afterAll(async () => {
  await emu.close();
  await folder.remove();
  await built.remove();
});

async function stepRecords(journalPath: string): Promise<CallRecord[]> {
  let text: string;
  try {
    text = await readFile(journalPath, 'utf8');
  } catch {
    return [];
  }
  const out: CallRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { type?: string; call?: CallRecord };
      if (entry.type === 'step' && entry.call) out.push(entry.call);
    } catch {
      // a line being written right now
    }
  }
  return out;
}

/** Runs the child until `steps` step records are journaled, then SIGKILLs it. */
async function runChildAndKill(planPath: string, steps: number): Promise<void> {
  const journal = cleanupPaths(planPath).journal;
  const child = spawn(process.execPath, [childScript], {
    env: { ...process.env, CV_CLEANUP_ENDPOINT: emu.endpoint, CV_CLEANUP_KEY: emu.key, CV_CLEANUP_PLAN: planPath },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    if ((await stepRecords(journal)).length >= steps) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`the child was not killed (it ended on its own): ${stderr}`);
}

/** Per finished step, its journal records as text (to prove they never change later). */
function finishedSteps(records: readonly CallRecord[]): Map<number, string> {
  const byStep = new Map<number, CallRecord[]>();
  for (const record of records) if (record.step !== undefined) byStep.set(record.step, [...(byStep.get(record.step) ?? []), record]);
  const out = new Map<number, string>();
  for (const [step, list] of byStep) if (isFinishedOutcome(list.at(-1)?.outcome)) out.set(step, JSON.stringify(list));
  return out;
}

describe('a cleanup killed with SIGKILL', () => {
  it('resumes after each kill without re-sending finished steps, and ends fully verified', async () => {
    const plan = planFromEmulator(emu);
    const planPath = join(folder.path, 'plan.json');
    await writeFile(planPath, JSON.stringify(plan, null, 2));
    const journal = cleanupPaths(planPath).journal;
    emu.resetStats();

    const kills = [3, 11, 20];
    const snapshots: Array<Map<number, string>> = [];
    for (const after of kills) {
      await runChildAndKill(planPath, after);
      const finished = finishedSteps(await stepRecords(journal));
      expect(finished.size).toBeGreaterThanOrEqual(after);
      expect(finished.size).toBeLessThan(plan.steps.length);
      for (const earlier of snapshots) for (const [step, records] of earlier) expect(finished.get(step), `step ${step}`).toBe(records);
      snapshots.push(finished);
    }
    expect(emu.state.projects.size).toBeGreaterThan(0);

    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, pollIntervalMs: 10 });
    expect(outcome.complete).toBe(true);
    expect(await cleanupClient(emu).getProjects()).toEqual([]);
    const records = await stepRecords(journal);
    const final = finishedSteps(records);
    expect(final.size).toBe(plan.steps.length);
    for (const earlier of snapshots) for (const [step, text] of earlier) expect(final.get(step), `step ${step}`).toBe(text);

    // Every delete the service saw is journaled, except at most the one in flight at each kill.
    const journaled = records.filter((record) => record.status > 0).length;
    expect(deleteRequests(emu)).toBeGreaterThanOrEqual(journaled);
    expect(deleteRequests(emu)).toBeLessThanOrEqual(journaled + kills.length);
    // The receipt covers all four runs.
    expect(outcome.receipt.calls.filter((call) => call.step !== undefined)).toEqual(records);
  }, 45_000);
});
