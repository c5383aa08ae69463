/**
 * The cleanup run end to end against the emulator: the demo account emptied and proven,
 * published iterations unpublished first, the gate leaving the account untouched, and a
 * receipt that lists every journaled call without the key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ReceiptSchema } from '../../../shared/model/cleanup';
import { cleanupPaths } from '../../../src-main/cleanup/cleanup-paths';
import { CleanupJournal } from '../../../src-main/cleanup/cleanup-journal';
import { runCleanup } from '../../../src-main/cleanup/run-cleanup';
import type { RunningEmulator } from '../../../src-main/emulator';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { ACCOUNT_NAME, accountFingerprint, cleanupClient, cleanupJob, coverageDouble, deleteRequests, planFromEmulator, tempDir , sealed, testSealer } from '../../support/cleanup/cleanup-run-support';

let emu: RunningEmulator | undefined;
let dir: { path: string; remove: () => Promise<void> } | undefined;

afterEach(async () => {
  await emu?.close();
  await dir?.remove();
  emu = undefined;
  dir = undefined;
});

async function setup(options: Parameters<typeof startTestEmulator>[0] = {}) {
  emu = await startTestEmulator({ seed: 'demo', ...options });
  dir = await tempDir();
  const plan = planFromEmulator(emu);
  const planPath = join(dir.path, 'plan.json');
  return { emu, plan, planPath, client: cleanupClient(emu) };
}

const fast = { pollIntervalMs: 10, pollTimeoutMs: 10_000 };

describe('a cleanup run of the demo account', () => {
  it('empties the account, proves every step, and writes a receipt listing every call', async () => {
    const { emu, plan, planPath, client } = await setup();
    expect(plan.counts.publishedIterations).toBeGreaterThan(0);
    const job = cleanupJob();
    const outcome = await runCleanup(job, client, { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'bundle', folder: '/bundle' }, checkCoverage: coverageDouble(true), ...fast });

    expect(outcome.complete).toBe(true);
    expect(await client.getProjects()).toEqual([]);
    expect(emu.state.projects.size).toBe(0);
    expect(outcome.receipt.verifications).toHaveLength(plan.steps.length);
    expect(outcome.receipt.verifications.every((verification) => verification.verified)).toBe(true);
    for (const category of job.progress.snapshot()) expect(category.done, category.category).toBe(category.total);

    const paths = cleanupPaths(planPath);
    expect(outcome.receiptJsonPath).toBe(paths.receiptJson);
    const onDisk = ReceiptSchema.parse(JSON.parse(await readFile(paths.receiptJson, 'utf8')));
    const journal = await CleanupJournal.open(paths.journal, plan.planId);
    expect(onDisk.calls).toEqual(journal.calls());
    expect(new Set(onDisk.calls.filter((call) => call.step !== undefined).map((call) => call.step))).toEqual(new Set(plan.steps.map((step) => step.index)));
    expect(onDisk.backup).toMatchObject({ kind: 'bundle', folder: '/bundle', checkedFiles: 42 });
    expect(onDisk.notDeletable.map((item) => item.url)).toContain('https://learn.microsoft.com/azure/ai-services/recover-purge-resources');
    const html = await readFile(paths.receiptHtml, 'utf8');
    for (const call of onDisk.calls) if (call.requestId) expect(html).toContain(call.requestId);
    for (const text of [await readFile(paths.receiptJson, 'utf8'), html, await readFile(paths.journal, 'utf8')]) expect(text).not.toContain(emu.key);
    await journal.close();
  });

  it('unpublishes published iterations before deleting them, so the service never refuses', async () => {
    const { emu, plan, planPath, client } = await setup();
    const published = [...emu.state.projects.values()].flatMap((project) => [...project.iterations.values()].filter((it) => it.publishName !== null).map((it) => it.id));
    expect(published.length).toBeGreaterThan(0);
    const outcome = await runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(true);
    const calls = outcome.receipt.calls.filter((call) => call.step !== undefined);
    for (const iterationId of published) {
      const unpublish = calls.findIndex((call) => call.operation === 'UnpublishIteration' && call.targetIds[0] === iterationId);
      const remove = calls.findIndex((call) => call.operation === 'DeleteIteration' && call.targetIds[0] === iterationId);
      const project = calls.findIndex((call) => call.operation === 'DeleteProject' && call.projectId === calls[remove]?.projectId);
      expect(unpublish).toBeGreaterThanOrEqual(0);
      expect(unpublish).toBeLessThan(remove);
      expect(remove).toBeLessThan(project);
    }
    expect(calls.every((call) => call.outcome === 'done' || call.outcome === 'accepted')).toBe(true);
    expect(outcome.receipt.backup.kind).toBe('waived');
  });

  it('waits for 202 image deletions whose counts lag, and the proof passes', async () => {
    // One project keeps living (only its images go), so the proof reads its counts.
    const { emu, client } = await setup({ deleteDelayMs: 250 });
    const project = [...emu.state.projects.values()].find((p) => [...p.iterations.values()].some((it) => it.snapshot && it.snapshot.images.size > 0));
    if (!project) throw new Error('the demo has a trained project');
    const whole = planFromEmulator(emu, { projectIds: [project.id] });
    const plan = sealed({
      ...whole,
      scope: { kind: 'part' as const, projectId: project.id, part: { kind: 'allImages' as const } },
      scopeText: 'All images of one project',
      projects: whole.projects.map((p) => ({ ...p, deleteProject: false })),
      steps: whole.steps.filter((step) => step.kind === 'deleteImages').map((step, index) => ({ ...step, index })),
    });
    const before = project.images.size;
    expect(before).toBeGreaterThan(0);
    const outcome = await runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath: join(dir?.path ?? '', 'images.json'), plan, confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });

    expect(outcome.complete).toBe(true);
    expect(outcome.receipt.calls.filter((call) => call.step !== undefined).every((call) => call.status === 202 && call.outcome === 'accepted')).toBe(true);
    const polls = outcome.receipt.calls.filter((call) => call.step === undefined);
    // The first reads still saw images (the deletion lagged), the last saw none.
    expect(polls[0]?.message).toMatch(/^[1-9]\d* tagged images/);
    expect(polls.at(-1)).toMatchObject({ outcome: 'done' });
    expect(project.images.size).toBe(0);
    for (const iteration of project.iterations.values()) expect(iteration.snapshot?.images.size ?? 0).toBe(0);
    expect(emu.state.projects.has(project.id)).toBe(true);
    expect(outcome.receipt.verifications[0]?.check).toContain('counts → 0');
  });

  it('refuses a wrong confirmation and a backup that does not cover the plan, leaving the account untouched', async () => {
    const { emu, plan, planPath, client } = await setup();
    const before = accountFingerprint(emu);
    emu.resetStats();

    await expect(runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath, plan, confirmText: 'demo account', backup: { kind: 'waived' } })).rejects.toMatchObject({ code: 'CONFIRMATION_MISMATCH' });
    const notCovering = coverageDouble(false);
    const error = await runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'bundle', folder: '/old-bundle' }, checkCoverage: notCovering }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BACKUP_NOT_COVERING' });
    expect((error as Error).message).toContain('1 item is not covered');
    expect(notCovering.calls).toBe(1);
    // Made (and sealed) on this computer for another account.
    const elsewhere = sealed({ ...plan, account: { ...plan.account, endpointHost: 'contoso.cognitiveservices.azure.com' } });
    await expect(runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath, plan: elsewhere, confirmText: ACCOUNT_NAME, backup: { kind: 'waived' } })).rejects.toMatchObject({ code: 'PLAN_ACCOUNT_MISMATCH' });

    expect(accountFingerprint(emu)).toBe(before);
    expect(deleteRequests(emu)).toBe(0);
    expect(Object.values(emu.stats().requests).reduce((sum, n) => sum + n, 0)).toBe(0);
    await expect(stat(cleanupPaths(planPath).journal)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops a project whose step the service refuses, finishes the others, and reports the run incomplete', async () => {
    const { emu, plan, planPath, client } = await setup();
    // After the plan was made, someone publishes an iteration the plan did not see published.
    const target = plan.steps.find((step) => step.kind === 'deleteIteration' && !plan.steps.some((s) => s.kind === 'unpublishIteration' && s.targetIds[0] === step.targetIds[0]));
    if (!target) throw new Error('the demo has an unpublished iteration');
    const iteration = emu.state.projects.get(target.projectId)?.iterations.get(target.targetIds[0] ?? '');
    if (!iteration) throw new Error('iteration not found');
    iteration.publishName = 'late-publish';

    const outcome = await runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(false);
    const failed = outcome.receipt.calls.find((call) => call.outcome === 'failed');
    expect(failed).toMatchObject({ step: target.index, status: 400, operation: 'DeleteIteration' });
    expect(failed?.requestId).toBeTruthy();
    const later = plan.steps.filter((step) => step.projectId === target.projectId && step.index > target.index);
    for (const step of later) expect(outcome.receipt.calls.find((call) => call.step === step.index)).toMatchObject({ outcome: 'skipped', status: 0 });
    expect([...emu.state.projects.keys()]).toEqual([target.projectId]);
    const unverified = outcome.receipt.verifications.filter((verification) => !verification.verified);
    expect(unverified.every((verification) => verification.projectId === target.projectId)).toBe(true);
    expect(unverified.some((verification) => verification.category === 'projects')).toBe(true);

    // Once the user unpublishes it, the same command resumes and finishes.
    iteration.publishName = null;
    const again = await runCleanup(cleanupJob(), client, { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(again.complete).toBe(true);
    expect(emu.state.projects.size).toBe(0);
  });
});
