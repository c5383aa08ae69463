/**
 * A cleanup run under pressure: a 429 storm, cancel (between steps and in the middle of
 * a call) followed by a resume, and project names written to attack the receipt page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StepOutcome } from '../../../shared/model/cleanup';
import { cleanupPaths } from '../../../src-main/cleanup/cleanup-paths';
import { CleanupJournal, isFinishedOutcome } from '../../../src-main/cleanup/cleanup-journal';
import { runCleanup } from '../../../src-main/cleanup/run-cleanup';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { ACCOUNT_NAME, cleanupClient, cleanupJob, planFromEmulator, tempDir , testSealer } from '../../support/cleanup/cleanup-run-support';

const HOSTILE = '<img src=x onerror=alert(1)>';

function seed(name: string, tags: string[], images: number): SeedDocument {
  return {
    format: 'cv-emulator-seed',
    version: 1,
    projects: [
      {
        key: 'p',
        name,
        tags: tags.map((tag) => ({ name: tag })),
        images: Array.from({ length: images }, (_, i) => ({ key: `i${i}`, width: 32, height: 32, tags: i % 5 === 4 ? [] : [tags[i % tags.length] ?? ''], deletedFromWorkspace: i === 1 })),
        iterations: [{ name: 'Iteration 1', published: { name: 'prod' } }],
        predictions: [{ key: 'q1', iteration: 'Iteration 1', width: 32, height: 32, results: [{ tag: tags[0] ?? '', probability: 0.9 }] }],
      },
    ],
  };
}

let emu: RunningEmulator | undefined;
let dir: { path: string; remove: () => Promise<void> } | undefined;

afterEach(async () => {
  await emu?.close();
  await dir?.remove();
  emu = undefined;
  dir = undefined;
});

const fast = { pollIntervalMs: 10, pollTimeoutMs: 10_000, backup: { kind: 'waived' as const }, confirmText: ACCOUNT_NAME };

/** Each step's journal records, by step index. */
async function recordsByStep(planPath: string, planId: string) {
  const journal = await CleanupJournal.open(cleanupPaths(planPath).journal, planId);
  const out = new Map<number, Array<{ outcome?: StepOutcome; status: number }>>();
  for (const call of journal.calls()) {
    if (call.step === undefined) continue;
    out.set(call.step, [...(out.get(call.step) ?? []), { outcome: call.outcome, status: call.status }]);
  }
  await journal.close();
  return out;
}

describe('a cleanup run under pressure', () => {
  it('completes through a 429 storm, with every step journaled once', async () => {
    emu = await startTestEmulator({ seed: seed('Storm', ['a', 'b', 'c', 'd', 'e', 'f'], 30), tps: 3 });
    dir = await tempDir();
    const plan = planFromEmulator(emu);
    const planPath = join(dir.path, 'storm.json');
    // The client believes it may send 1000 calls/s; the service allows 3.
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, ...fast });

    expect(emu.stats().rateLimited).toBeGreaterThan(0);
    expect(outcome.complete).toBe(true);
    expect(emu.state.projects.size).toBe(0);
    const byStep = await recordsByStep(planPath, plan.planId);
    for (const step of plan.steps) {
      const records = byStep.get(step.index) ?? [];
      expect(records, `step ${step.index}`).toHaveLength(1);
      expect(['done', 'accepted']).toContain(records[0]?.outcome);
    }
    const journal = await CleanupJournal.open(cleanupPaths(planPath).journal, plan.planId);
    expect(outcome.receipt.calls).toEqual(journal.calls());
    await journal.close();
  }, 30_000);

  it('resumes after a cancel between steps without re-sending finished steps', async () => {
    emu = await startTestEmulator({ seed: 'demo' });
    dir = await tempDir();
    const plan = planFromEmulator(emu);
    const planPath = join(dir.path, 'plan.json');
    const job = cleanupJob();
    job.onCheckpoint = (count) => {
      if (count === 12) job.controller.abort();
    };
    await expect(runCleanup(job, cleanupClient(emu), { sealer: testSealer(), planPath, plan, ...fast })).rejects.toThrow();
    const first = await recordsByStep(planPath, plan.planId);
    const finished = [...first].filter(([, records]) => isFinishedOutcome(records.at(-1)?.outcome)).map(([step]) => step);
    expect(finished.length).toBeGreaterThan(3);
    expect(finished.length).toBeLessThan(plan.steps.length);
    expect(emu.state.projects.size).toBeGreaterThan(0);

    const again = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, ...fast });
    expect(again.complete).toBe(true);
    expect(emu.state.projects.size).toBe(0);
    const after = await recordsByStep(planPath, plan.planId);
    for (const step of finished) expect(after.get(step), `step ${step}`).toEqual(first.get(step));
    expect(again.receipt.startedAt <= (again.receipt.calls[0]?.at ?? '')).toBe(true);
  });

  it('resumes after a cancel in the middle of a call, journaling the call whose answer never came', async () => {
    emu = await startTestEmulator({ seed: 'demo', latencyMs: 150 });
    dir = await tempDir();
    const plan = planFromEmulator(emu);
    const planPath = join(dir.path, 'plan.json');
    const job = cleanupJob();
    job.onCheckpoint = (count) => {
      // Let the checkpoint pass, then abort while the next delete waits for its answer.
      if (count === 3) setTimeout(() => job.controller.abort(), 30);
    };
    await expect(runCleanup(job, cleanupClient(emu), { sealer: testSealer(), planPath, plan, ...fast })).rejects.toMatchObject({ code: 'CANCELLED' });
    const first = await recordsByStep(planPath, plan.planId);
    expect(first.get(2)).toEqual([{ outcome: 'failed', status: 0 }]);

    emu.configure({ latencyMs: 0 });
    const again = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, ...fast });
    expect(again.complete).toBe(true);
    // Sent again on resume: the service had run it (404 now) or had not (204 now).
    const resent = (await recordsByStep(planPath, plan.planId)).get(2) ?? [];
    expect(resent).toHaveLength(2);
    expect(['already-gone', 'done']).toContain(resent[1]?.outcome);
  });

  it('shows hostile project and tag names as text in the receipt page', async () => {
    emu = await startTestEmulator({ seed: seed(HOSTILE, ['<script>alert(1)</script>', 'ok'], 6) });
    dir = await tempDir();
    const plan = planFromEmulator(emu);
    const planPath = join(dir.path, 'hostile.json');
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, ...fast });
    expect(outcome.complete).toBe(true);
    const html = await readFile(outcome.receiptHtmlPath, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
  });
});
