/**
 * Downloads on a network that drops one transfer in ten: connections reset (before the
 * first byte is written, mid-body) and bodies cut short with the full Content-Length
 * announced. One run must end complete, verified and byte-faithful, retrying within the
 * run — and no error may escape as an unhandled stream error (in the app's worker that
 * ended the whole export with "An unexpected error occurred … Please report it").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { runExport } from '../../../src-main/export';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { exportOptions, expectFaithful, smallProjectSeed, tempFolder, testJob } from '../../support/export/export-support';

let emu: RunningEmulator | undefined;
const cleanups: Array<() => Promise<void>> = [];
const escaped: unknown[] = [];
const onEscaped = (error: unknown): void => {
  escaped.push(error);
};
beforeEach(() => {
  escaped.length = 0;
  process.on('uncaughtException', onEscaped);
  process.on('unhandledRejection', onEscaped);
});
afterEach(async () => {
  process.off('uncaughtException', onEscaped);
  process.off('unhandledRejection', onEscaped);
  await emu?.close();
  emu = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function exportUnder(faults: { resetRate?: number; truncateRate?: number }, faultSeed: string): Promise<{ emu: RunningEmulator; folder: string; summary: string }> {
  const started = await startTestEmulator({ seed: smallProjectSeed(240, { predictions: 10, exports: ['TensorFlow', 'ONNX'] }), faultSeed, ...faults });
  emu = started;
  const folder = await tempFolder();
  cleanups.push(folder.remove);
  const { summary } = await runExport(testJob(), exportOptions(started, folder.path));
  return { emu: started, folder: folder.path, summary };
}

describe('export on a flaky network', () => {
  it('finishes in one run with 10 % of connections reset, every file retried within the run', async () => {
    const { emu, folder, summary } = await exportUnder({ resetRate: 0.1 }, 'resets');
    expect(summary).toMatch(/Everything was saved and every count matches the service/);
    expect(emu.stats().faults.reset).toBeGreaterThan(10);
    await expectFaithful(emu, folder);
    expect(escaped).toEqual([]);
  }, 90_000);

  it('finishes in one run with 10 % of bodies cut short', async () => {
    const { emu, folder, summary } = await exportUnder({ truncateRate: 0.1 }, 'truncation');
    expect(summary).toMatch(/Everything was saved and every count matches the service/);
    expect(emu.stats().faults.truncate).toBeGreaterThan(10);
    await expectFaithful(emu, folder);
    expect(escaped).toEqual([]);
  }, 90_000);
});
