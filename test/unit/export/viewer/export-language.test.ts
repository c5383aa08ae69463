/**
 * The viewer's language through the export: chosen when the export starts (the runner's
 * options, as the app's wiring and the CLI pass them), recorded in manifest.json, kept
 * by a resume that names no language, changed by one that names another. Against the
 * emulator with an empty account, so each run takes a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_CATEGORIES } from '../../../../shared/model/bundle';
import { startEmulator, type RunningEmulator } from '../../../../src-main/emulator';
import { readManifest, runExport, type ExportOptions } from '../../../../src-main/export';
import { RateLimiterRegistry } from '../../../../src-main/customvision';
import { runExportInProcess, runExportInWorker } from '../../../../src-main/export-worker';
import { buildScript } from '../../../support/build-script';
import { fastClient, tempDirectory, testJobContext } from '../../../support/test-job';

let emu: RunningEmulator;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  emu = await startEmulator({ seed: 'empty', tps: 0 });
  dir = await tempDirectory('cv-export-lang-');
});
afterAll(async () => {
  await emu.close();
  await dir.remove();
});

const job = () => testJobContext(EXPORT_CATEGORIES, 'export-language');
const account = { endpointHost: 'localhost', keyFingerprint: 'ab12cd34', displayName: 'Empty' };
const options = (folder: string, extra: Partial<ExportOptions> = {}): ExportOptions => ({
  client: fastClient(emu),
  folder,
  selection: { categories: [...EXPORT_CATEGORIES] },
  account,
  toolVersion: '0.1.0-test',
  ...extra,
});
const pageLanguage = async (folder: string) => /<html lang="([^"]+)">/.exec(await readFile(join(folder, 'index.html'), 'utf8'))?.[1];

describe('the export keeps the viewer language it was started with', () => {
  it('writes the viewer in the language given, records it, keeps it on a resume without one, and changes it when asked', async () => {
    const folder = join(dir.path, 'bundle');
    // As the app's wiring runs it (minus the worker thread): connection + options.
    await runExportInProcess(job(), {
      connection: { endpoint: emu.endpoint, key: emu.key },
      folder,
      selection: { categories: [...EXPORT_CATEGORIES] },
      account,
      toolVersion: '0.1.0-test',
      language: 'zh-TW',
    });
    expect(await pageLanguage(folder)).toBe('zh-TW');
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toContain('<h1>CV Steward 匯出包</h1>');
    expect((await readManifest(folder)).language).toBe('zh-TW');

    await runExport(job(), options(folder));
    expect(await pageLanguage(folder)).toBe('zh-TW');
    expect((await readManifest(folder)).language).toBe('zh-TW');

    await runExport(job(), options(folder, { language: 'en' }));
    expect(await pageLanguage(folder)).toBe('en');
    expect((await readManifest(folder)).language).toBe('en');
  });

  it('crosses into the export worker thread (the app and the CLI run exports there)', async () => {
    const worker = await buildScript(join(__dirname, '../../../../src-main/export-worker/worker-entry.ts'), 'export-worker.cjs');
    try {
      const folder = join(dir.path, 'worker');
      await runExportInWorker(job(), {
        connection: { endpoint: emu.endpoint, key: emu.key, rateLimit: 1000 },
        rateLimiters: new RateLimiterRegistry(),
        workerPath: worker.path,
        folder,
        selection: { categories: [...EXPORT_CATEGORIES] },
        account,
        toolVersion: '0.1.0-test',
        language: 'zh-TW',
      });
      expect(await pageLanguage(folder)).toBe('zh-TW');
      expect((await readManifest(folder)).language).toBe('zh-TW');
    } finally {
      await worker.remove();
    }
  });

  it('is English when no language is given for a new bundle', async () => {
    const folder = join(dir.path, 'plain');
    await runExport(job(), options(folder));
    expect(await pageLanguage(folder)).toBe('en');
    expect((await readManifest(folder)).language).toBe('en');
  });
});
