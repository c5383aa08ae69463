/**
 * The language the page sends reaches what main writes: `export:start` with a language
 * gives the bundle a viewer in it, `cleanup:run` with a language gives a receipt (JSON
 * and page) in it. Through the dispatcher, so the contract's validation is part of it,
 * against the demo seed in a local emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Receipt } from '../../../shared/model/cleanup';
import { createTrainingClient, RateLimiterRegistry } from '../../../src-main/customvision';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import { runExportInProcess } from '../../../src-main/export-worker';
import { createTestServices, pageCalls } from '../../support/test-services';

let emu: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: 'demo', tps: 0, trainingDelayMs: 30, exportDelayMs: 30, deleteDelayMs: 30 });
  dir = await mkdtemp(join(tmpdir(), 'cv-channels-lang-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

async function setup() {
  const picks: string[] = [];
  const opened: string[] = [];
  const services = createTestServices({
    dataDir: await mkdtemp(join(dir, 'data-')),
    demo: { start: async () => ({ endpoint: emu.endpoint, key: emu.key }), stop: async () => undefined },
    pickFolder: async () => picks.shift() ?? null,
    openPath: async (path) => void opened.push(path),
    exportRunner: runExportInProcess,
  });
  await services.accounts.startDemo();
  const { value, finished } = pageCalls(services);
  return { services, value, finished, picks, opened };
}

async function firstProjectId(): Promise<string> {
  const projects = await createTrainingClient({ endpoint: emu.endpoint, key: emu.key, rateLimit: 1000, rateLimiters: new RateLimiterRegistry() }).getProjects();
  const id = projects[0]?.id;
  if (!id) throw new Error('the demo seed has no project');
  return id;
}

describe('the language the page sends', () => {
  it('is the language of the exported bundle’s viewer', async () => {
    const t = await setup();
    try {
      const bundle = await mkdtemp(join(dir, 'bundle-'));
      t.picks.push(bundle);
      const folder = await t.value<{ folderId: string }>('export:chooseFolder');
      const { jobId } = await t.value<{ jobId: string }>('export:start', { folderId: folder.folderId, projectIds: [await firstProjectId()], categories: ['projects', 'tags'], language: 'zh-TW' });
      const job = await t.finished(jobId);
      expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
      const html = await readFile(join(bundle, 'index.html'), 'utf8');
      expect(html).toContain('<html lang="zh-TW">');
      expect(html).toContain('<h1>CV Steward 匯出包</h1>');
    } finally {
      await t.services.dispose();
    }
  });

  it('is the language of the cleanup receipt, JSON and page', async () => {
    const t = await setup();
    try {
      const { jobId: planJob, planId } = await t.value<{ jobId: string; planId: string }>('cleanup:plan', {
        scope: { kind: 'part', projectId: await firstProjectId(), part: { kind: 'predictions' } },
      });
      expect((await t.finished(planJob)).state).toBe('succeeded');
      const { jobId } = await t.value<{ jobId: string }>('cleanup:run', { planId, confirmText: 'Demo account', backup: { kind: 'waived' }, language: 'zh-TW' });
      const job = await t.finished(jobId);
      expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
      const receipt = await t.value<Receipt | null>('cleanup:receipt', { planId });
      expect(receipt?.language).toBe('zh-TW');
      expect(receipt?.notDeletable[1]?.what).toBe('金鑰（金鑰 1 和金鑰 2）');
      await t.value('cleanup:openReceipt', { planId });
      const page = await readFile(t.opened[0] ?? '', 'utf8');
      expect(page).toContain('<html lang="zh-TW">');
      expect(page).toContain('已完成：');
    } finally {
      await t.services.dispose();
    }
  });
});
