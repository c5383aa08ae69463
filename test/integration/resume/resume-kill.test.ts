/**
 * An export whose process was killed with SIGKILL (no chance to clean up) is offered on
 * the next start like one stopped by a quit, and resumes into the same bundle: a child
 * process runs CV Steward's services and starts the export, the parent kills it mid-
 * download and then starts the services again on the same data folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InterruptedJob } from '../../../shared/model/resume';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readManifest, verifyBundle } from '../../../src-main/export';
import { buildScript, type BuiltScript } from '../../support/build-script';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { journaledImageFiles, newMachine, smallSeed, startApp, waitFor } from '../../support/resume/resume-support';

let emu: RunningEmulator;
let built: BuiltScript;
const dirs: string[] = [];

beforeAll(async () => {
  built = await buildScript(join(__dirname, '../../support/resume/resume-kill-child.ts'), 'resume-child.cjs');
  // Slow enough that the kill lands mid-download.
  emu = await startTestEmulator({ seed: smallSeed(60), bandwidthKbps: 1_600 });
}, 30_000);

afterAll(async () => {
  await emu.close();
  await built.remove();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(path);
  return path;
}

describe('an export killed with SIGKILL', () => {
  it('is offered on the next start and resumes into the same bundle', async () => {
    const dataDir = await tempDir('cvs-resume-kill-data-');
    const folder = await tempDir('cvs-resume-kill-bundle-');
    const child = spawn(process.execPath, [built.path], {
      env: { ...process.env, CV_EMU_ENDPOINT: emu.endpoint, CV_EMU_KEY: emu.key, CV_DATA_DIR: dataDir, CV_BUNDLE_FOLDER: folder, CV_PROJECT_ID: [...emu.state.projects.keys()][0] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await waitFor(async () => child.exitCode !== null || (await journaledImageFiles(folder)) >= 10, 'ten image files in the bundle');
    child.kill('SIGKILL');
    expect(await exited, output).toBe('SIGKILL');
    expect(output).toContain('"ok":true');
    emu.configure({ bandwidthKbps: 0 });

    const demo = { start: async () => ({ endpoint: emu.endpoint, key: emu.key }), stop: async () => undefined };
    const t = startApp(newMachine(dataDir, demo));
    try {
      const interrupted = await t.value<InterruptedJob[]>('jobs:interrupted');
      expect(interrupted).toEqual([expect.objectContaining({ kind: 'export', accountName: 'Demo account', folderPath: folder, resumable: true })]);
      // The demo account is not running after the restart: resuming starts it again.
      expect(t.services.accounts.list().demoAccountId).toBeNull();
      const resumed = await t.value<{ kind: string; jobId: string }>('jobs:resumeInterrupted', { id: interrupted[0]?.id });
      expect(t.services.accounts.list().activeAccountId).toBe('demo');
      const job = await t.finished(resumed.jobId);
      expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
      expect((await readManifest(folder)).status).toBe('complete');
      expect(await verifyBundle(folder)).toMatchObject({ ok: true, missing: [], extra: [], altered: [], truncated: [] });
      expect(await t.value('jobs:interrupted')).toEqual([]);
    } finally {
      await t.services.dispose();
    }
  }, 90_000);
});
