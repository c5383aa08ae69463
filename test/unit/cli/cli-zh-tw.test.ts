/**
 * The command line speaks the app's catalogues: Traditional Chinese when --language zh-TW
 * is given or the locale says so (LC_ALL, then LC_MESSAGES, then LANG, as POSIX programs
 * read them), English otherwise; numbers written one way in every message; an HTTP error
 * says its status once; the top-level help names every thing the tool does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpError } from '../../../src-main/customvision/errors';
import { languageFromLocale } from '../../../src-main/cli/cli-language';
import { EXIT } from '../../../src-main/cli/run-cli';
import type { CliServices } from '../../../src-main/cli/cli-services';
import { ENDPOINT, KEY, manifest, run, snapshot, verifyReport } from '../../support/cli/cli-fakes';
import { exportSummaryOf } from '../../support/export-summary';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cv-cli-zh-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the CLI’s language', () => {
  it('follows the locale the way POSIX programs do', () => {
    expect(languageFromLocale({ LANG: 'zh_TW.UTF-8' })).toBe('zh-TW');
    expect(languageFromLocale({ LANG: 'zh_HK.UTF-8' })).toBe('zh-TW');
    expect(languageFromLocale({ LC_MESSAGES: 'zh_Hant' })).toBe('zh-TW');
    // LC_ALL wins over LANG; the first one set decides.
    expect(languageFromLocale({ LC_ALL: 'C', LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(languageFromLocale({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-TW');
    // Simplified Chinese is not offered: English, not a guess.
    expect(languageFromLocale({ LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromLocale({})).toBe('en');
  });

  it('says the verify result in Chinese under a Taiwanese locale, and in English under LC_ALL=C', async () => {
    const services = { verifyBundle: () => Promise.resolve(verifyReport({ folder, checkedFiles: 3003 })) };
    const zh = await run(['verify', folder], { env: { LANG: 'zh_TW.UTF-8' }, services });
    expect(zh.code).toBe(EXIT.done);
    expect(zh.out).toMatch(new RegExp(`^匯出包完好：3,003 個檔案（[^）]+）與 ${folder} 的資訊清單相符。\\n$`));
    const en = await run(['verify', folder], { env: { LANG: 'zh_TW.UTF-8', LC_ALL: 'C' }, services });
    expect(en.out).toMatch(/^Bundle OK: 3,003 files \(/);
  });

  it('lists a damaged bundle’s problems in Chinese', async () => {
    const report = verifyReport({ folder, altered: ['projects/p/images/files/a.png'], missing: ['m.json'], problems: ['The manifest says this bundle is partial.'] });
    const { code, out } = await run(['verify', folder], { env: { LANG: 'zh_TW.UTF-8' }, services: { verifyBundle: () => Promise.resolve(report) } });
    expect(code).toBe(EXIT.failed);
    expect(out).toContain('匯出包有問題：遺失 1 個、變更 1 個、其他問題 1 個。');
    expect(out).toContain('變更（內容與匯出時不同）：\n  projects/p/images/files/a.png');
  });

  it('prints the inventory table in Chinese, the size basis too when main sent its code', async () => {
    const scanInventory: CliServices['scanInventory'] = async (_ctx, options) => {
      const scanned = snapshot('done');
      const categories = scanned.categories.map((row) => (row.category === 'projects' ? { ...row, bytesBasisText: { code: 'sizeBasisProjects', params: { recordBytes: 2048 } } } : row));
      options.onSnapshot({ ...scanned, categories });
      return 'Scanned.';
    };
    const { code, out } = await run(['inventory', '--endpoint', ENDPOINT, '--quiet'], { env: { CV_STEWARD_TRAINING_KEY: KEY, LC_ALL: 'zh_TW.UTF-8' }, services: { scanInventory } });
    expect(code).toBe(EXIT.done);
    expect(out).toMatch(/^帳戶：myresource/);
    expect(out).toMatch(/資料\s+數量\s+估計大小\s+估計依據/);
    expect(out).toMatch(/影像\s+1,234\s+≈ 566 MB/);
    expect(out).toContain('每個專案約 2.0 KB 的設定');
    expect(out).toContain('專案（1）');
    expect(out).not.toMatch(/Estimated|Projects|Tagged/);
  });

  it('prints the export’s result in the language --language asks for, whatever the locale', async () => {
    const runExport: CliServices['runExport'] = () => Promise.resolve(exportSummaryOf('Exported 3 projects. Everything was saved and every count matches the service.'));
    const services = { runExport, readManifest: () => Promise.resolve(manifest()) };
    const env = { CV_STEWARD_TRAINING_KEY: KEY, LANG: 'en_US.UTF-8' };
    const zh = await run(['export', '--endpoint', ENDPOINT, '--out', join(folder, 'b'), '--quiet', '--language', 'zh-TW'], { env, services });
    expect(zh.out).toContain('已匯出到');
    expect(zh.out).toContain('這次執行下載了');
    expect(zh.out).toContain('匯出包：');
    expect(zh.out).not.toContain('Everything was saved');
    const en = await run(['export', '--endpoint', ENDPOINT, '--out', join(folder, 'b'), '--quiet'], { env, services });
    expect(en.out).toContain('Everything was saved and every count matches the service.');
    expect(en.out).toContain('This run downloaded');
  });

  it('says the whole export summary in Chinese: files fetched again, earlier gaps, the zip', async () => {
    const facts = { repaired: 2, outcome: 'partialEarlier' as const, earlierProblems: 1, zipPath: '/out/b.zip', zipBytes: 2048 };
    const runExport: CliServices['runExport'] = () => Promise.resolve(exportSummaryOf('Exported 1 project. 2 saved files had been altered. Zip archive: /out/b.zip (2.0 KB).', facts));
    const services = { runExport, readManifest: () => Promise.resolve(manifest()) };
    const env = { CV_STEWARD_TRAINING_KEY: KEY, LANG: 'zh_TW.UTF-8' };
    const zh = await run(['export', '--endpoint', ENDPOINT, '--out', join(folder, 'c'), '--quiet'], { env, services });
    expect(zh.out).toContain('有 2 個已儲存的檔案在儲存後遭到更動，已重新下載');
    expect(zh.out).toContain('先前匯出到這個資料夾時留下了缺漏（當時記錄了 1 個問題）');
    expect(zh.out).toContain('ZIP 壓縮檔：/out/b.zip（2.0 KB）。');
    expect(zh.out).not.toMatch(/altered|Zip archive/);
  });
});

describe('what the CLI says in any language', () => {
  it('names deleting among the things it does, in the top-level help', async () => {
    expect((await run(['--help'])).out).toContain('See, export, verify and delete everything Azure Custom Vision holds about an account.');
  });

  it('says an HTTP status once, even when the service repeats it as its error code', () => {
    const error = httpError({
      operation: 'GetProjects',
      status: 401,
      headers: new Headers({ 'apim-request-id': 'req-1' }),
      bodyText: JSON.stringify({ error: { code: '401', message: 'Access denied due to invalid subscription key.' } }),
    });
    expect(error.message).toContain('(HTTP 401, request id req-1)');
    expect(error.message).not.toContain('401, 401');
    // A code of its own is still said.
    const own = httpError({ operation: 'GetProject', status: 404, headers: new Headers(), bodyText: JSON.stringify({ code: 'NotFoundProject', message: 'x' }) });
    expect(own.message).toContain('(HTTP 404, NotFoundProject)');
  });
});
