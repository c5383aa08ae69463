/**
 * The gate with a real export bundle (no coverage double): an altered image file in the
 * bundle refuses the run with the account untouched; with the file restored the same
 * run goes through, and the receipt names the bundle it relied on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCleanup } from '../../../src-main/cleanup/run-cleanup';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { runExport } from '../../../src-main/export';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { exportOptions, testJob } from '../../support/export/export-support';
import { ACCOUNT_NAME, accountFingerprint, cleanupClient, cleanupJob, deleteRequests, planFromEmulator, tempDir , testSealer } from '../../support/cleanup/cleanup-run-support';

// Small on purpose: the export is the slow part, and one project shows every kind of item.
const seed: SeedDocument = {
  format: 'cv-emulator-seed',
  version: 1,
  projects: [
    {
      key: 'b',
      name: 'Backed up',
      domain: 'General (compact)',
      tags: [{ name: 'x' }, { name: 'y' }],
      images: Array.from({ length: 16 }, (_, i) => ({ key: `b${i}`, width: 40, height: 30, tags: i % 4 === 3 ? [] : [i % 2 === 0 ? 'x' : 'y'], deletedFromWorkspace: i === 2 })),
      iterations: [{ name: 'Iteration 1', published: { name: 'prod' }, exports: [{ platform: 'ONNX' }] }],
      predictions: [{ key: 'p1', iteration: 'Iteration 1', width: 32, height: 32, results: [{ tag: 'x', probability: 0.8 }] }],
    },
  ],
};

let emu: RunningEmulator;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  emu = await startTestEmulator({ seed });
  dir = await tempDir();
  await runExport(testJob(), exportOptions(emu, join(dir.path, 'bundle')));
}, 30_000);

afterAll(async () => {
  await emu.close();
  await dir.remove();
});

async function someImageFile(bundle: string): Promise<string> {
  for (const entry of await readdir(join(bundle, 'projects'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.parentPath.endsWith('/images/files')) return join(entry.parentPath, entry.name);
  }
  throw new Error('no image file in the bundle');
}

describe('a cleanup run gated by a real bundle', () => {
  it('is refused while one image file is altered, and runs once the bundle is whole again', async () => {
    const bundle = join(dir.path, 'bundle');
    const plan = planFromEmulator(emu);
    const planPath = join(dir.path, 'plan.json');
    const file = await someImageFile(bundle);
    const original = await readFile(file);
    const before = accountFingerprint(emu);
    emu.resetStats();

    await writeFile(file, Buffer.concat([original.subarray(0, original.length - 1), Buffer.from([original.at(-1) === 0 ? 1 : 0])]));
    const refused = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'bundle', folder: bundle } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BACKUP_NOT_COVERING' });
    expect(accountFingerprint(emu)).toBe(before);
    expect(deleteRequests(emu)).toBe(0);

    await writeFile(file, original);
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { sealer: testSealer(), planPath, plan, confirmText: ACCOUNT_NAME, backup: { kind: 'bundle', folder: bundle }, pollIntervalMs: 10 });
    expect(outcome.complete).toBe(true);
    expect(emu.state.projects.size).toBe(0);
    expect(outcome.receipt.backup).toMatchObject({ kind: 'bundle', folder: bundle });
    expect(outcome.receipt.backup.kind === 'bundle' ? outcome.receipt.backup.checkedFiles : 0).toBeGreaterThan(16);
  }, 30_000);
});
