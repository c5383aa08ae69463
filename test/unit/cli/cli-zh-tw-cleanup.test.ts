/**
 * `cv-steward cleanup` and the progress lines in Traditional Chinese: the saved plan, the
 * run's result (headline, proof per kind, the checks that proved nothing, the receipt) and
 * the stderr progress are said in the CLI's language, with no English sentence left; the
 * English wording stays as it was.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CleanupPlan, Receipt } from '../../../shared/model/cleanup';
import { mainText } from '../../../shared/model/main-text';
import type { CleanupOutcome } from '../../../src-main/cleanup';
import { NOT_DELETABLE } from '../../../src-main/cleanup/not-deletable';
import { planReportLines, runReportLines } from '../../../src-main/cli/cleanup-report';
import { cliTranslator } from '../../../src-main/cli/cli-language';
import { ProgressPrinter } from '../../../src-main/cli/progress-printer';
import type { Language } from '../../../shared/model/preferences';
import { planFixture } from '../../support/cleanup-plan-fixture';
import { englishRuns } from '../../e2e/english-runs';
import type { CliServices } from '../../../src-main/cli/cli-services';
import { EXIT } from '../../../src-main/cli/run-cli';
import { UsageError } from '../../../src-main/cli/cli-errors';
import { ENDPOINT, KEY, manifest, run, verifyReport } from '../../support/cli/cli-fakes';
import { exportSummaryOf } from '../../support/export-summary';

const P = '11111111-1111-4111-8111-111111111111';
const PLAN_FILE = '/home/me/plans/all.json';
const RUN = `cv-steward cleanup run --endpoint https://myresource.cognitiveservices.azure.com/ --plan ${PLAN_FILE} --bundle BUNDLE_DIR --confirm myresource`;

const words = (language: Language) => ({ language, t: cliTranslator(language) });

/** A plan over a whole project with something of every kind, and things taken along. */
function plan(): CleanupPlan {
  const counts = { projects: 1, iterations: 3, publishedIterations: 1, images: 1234, imagesOnlyInIterations: 12, predictions: 40, tags: 5 };
  return planFixture({
    scope: { kind: 'projects', projectIds: [P] },
    scopeText: 'Project "Cats" and all its data',
    projects: [
      {
        id: P,
        name: 'Cats',
        deleteProject: true,
        counts,
        modelExports: 2,
        implicit: {
          imageIds: ['i1', 'i2', 'i3'],
          models: [
            { iterationId: 'it1', platform: 'ONNX', flavor: null, file: true },
            { iterationId: 'it2', platform: 'TensorFlow', flavor: 'Linux', file: true },
          ],
          performance: ['it1', 'it2'],
        },
      },
    ],
    counts,
    apiCalls: 1500,
    steps: [{ index: 0, kind: 'deleteProject', projectId: P, category: 'projects', targetIds: [P] }],
  });
}

/** A run that left some items unproven: one still there, one the service's answer could not prove. */
function incompleteRun(): CleanupOutcome {
  const receipt: Receipt = {
    format: 'cv-steward-cleanup-receipt',
    version: 1,
    planId: 'plan-1',
    account: plan().account,
    scope: plan().scope,
    scopeText: plan().scopeText,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' },
    counts: plan().counts,
    calls: [
      { at: '2025-01-01T00:00:01.000Z', step: 0, operation: 'DeleteProject', projectId: P, targetIds: [P], status: 500, outcome: 'failed' },
      { at: '2025-01-01T00:00:02.000Z', step: 0, operation: 'DeleteProject', projectId: P, targetIds: [P], status: 204, outcome: 'done' },
    ],
    verifications: [
      { category: 'images', projectId: P, check: 'untagged image count → 0', checkText: mainText('checkImageCounts'), targetIds: ['i1'], verified: false, result: 'still-there', detail: '3 untagged images in the workspace', detailText: mainText('untaggedImagesWorkspace', { count: 3 }) },
      { category: 'tags', projectId: P, check: 'could not be checked', checkText: mainText('couldNotBeChecked'), targetIds: ['t1'], verified: false, result: 'could-not-verify' },
      { category: 'projects', projectId: P, check: 'GetProject → 404', targetIds: [P], verified: true, result: 'gone' },
    ],
    proven: [
      { category: 'projects', items: 1, gone: 1, stillThere: 0, couldNotVerify: 0 },
      { category: 'images', items: 1234, gone: 1231, stillThere: 3, couldNotVerify: 0 },
      { category: 'tags', items: 5, gone: 4, stillThere: 0, couldNotVerify: 1 },
    ],
    complete: false,
    leftInPlace: [{ projectId: P, category: 'images', id: 'i9', reason: 'tagged since the plan was made' }],
    notDeletable: NOT_DELETABLE,
  };
  return { receipt, complete: false, receiptJsonPath: '/home/me/plans/all.receipt.json', receiptHtmlPath: '/home/me/plans/all.receipt.html' };
}

/** English runs left once the customer's own names and the commands to type are taken out. */
const leftInEnglish = (text: string) => englishRuns(text, ['Cats', RUN]);

describe('cv-steward cleanup in Traditional Chinese', () => {
  it('says the saved plan in Chinese: scope, counts, what goes along, how to run it', () => {
    const text = planReportLines(words('zh-TW'), plan(), PLAN_FILE, 10, RUN).join('\n');
    expect(text).toContain(`計畫已儲存到 ${PLAN_FILE}（尚未刪除任何東西）。`);
    expect(text).toContain('範圍：專案 "Cats"及其所有資料');
    expect(text).toContain('影像：　　　1,234（其中 12 張只在反覆項目中）');
    expect(text).toContain('3 張影像只存在於要刪除的反覆項目中');
    expect(text).toContain('2 個已匯出的模型（ONNX、TensorFlow Linux）');
    expect(text).toContain('刪除呼叫：1,500 次（以每秒 10 次計約 150 秒');
    expect(text).toContain(`  ${RUN}`);
    expect(leftInEnglish(text)).toEqual([]);
  });

  it('says an incomplete run in Chinese: headline, proof per kind, unproven checks in the receipt’s words, receipt paths', () => {
    const text = runReportLines(words('zh-TW'), plan(), incompleteRun(), RUN).join('\n');
    expect(text).toMatch(/^未完成：3 項驗證中有 2 項未能確認已刪除（其中 1 項無法驗證/);
    expect(text).toContain('影像：1,234 個中有 1,231 個已證實刪除（3 個仍然存在）');
    expect(text).toContain('標籤：5 個中有 4 個已證實刪除（1 個無法驗證）');
    expect(text).toContain('呼叫：2 次，皆已記錄在日誌中，其中 1 次失敗。');
    expect(text).toContain('  仍然存在：已標記 + 未標記的影像數 → 0');
    expect(text).toContain('工作區中有 3 張未標記的影像');
    expect(text).toContain('  無法驗證：無法檢查');
    expect(text).toContain('保留未刪除（已不在計畫範圍內）：1 項');
    expect(text).toContain('收據：/home/me/plans/all.receipt.html');
    expect(text).toContain(`請再執行一次相同的指令，重試尚未完成的部分：\n  ${RUN}`);
    expect(leftInEnglish(text)).toEqual([]);
  });

  it('keeps the English wording as it was', () => {
    const planText = planReportLines(words('en'), plan(), PLAN_FILE, 10, RUN).join('\n');
    expect(planText).toContain('  images:      1,234 (12 only inside iterations)');
    expect(planText).toContain('  iterations:  3 (1 published: unpublished first)');
    expect(planText).toContain('  3 images live only in the iterations deleted and are deleted with them');
    expect(planText).toContain('  2 exported models (ONNX, TensorFlow Linux) go with their iterations');
    expect(planText).toContain('Scope: Project "Cats" and all its data');
    const runText = runReportLines(words('en'), plan(), incompleteRun(), RUN).join('\n');
    expect(runText).toContain("INCOMPLETE: 2 of 3 checks did not confirm deletion (1 could not verify: the service's answers prove nothing either way).");
    expect(runText).toContain('  1,231 of 1,234 images proven gone (3 still there)');
    expect(runText).toContain('  1 of 1 project proven gone');
    expect(runText).toContain('Calls: 2 journaled, 1 failed.');
    expect(runText).toContain('  still there: untagged image count → 0 (3 untagged images in the workspace)');
    expect(runText).toContain('Receipt: /home/me/plans/all.receipt.html\n         /home/me/plans/all.receipt.json');
  });
});

describe('progress lines in Traditional Chinese', () => {
  function printed(language: Language): string {
    let text = '';
    const printer = new ProgressPrinter({ write: (chunk) => (text += chunk), tty: false, t: cliTranslator(language), unit: (category) => (category === 'saved-files' ? cliTranslator(language)('progress.filesChecked') : '') });
    printer.update([
      { category: 'saved-files', done: 5, total: 5, bytesDone: 0, bytesTotal: null, errors: 0 },
      { category: 'images', done: 10, total: 12, bytesDone: 0, bytesTotal: null, errors: 2 },
    ]);
    printer.finish();
    return text;
  }

  it('names each kind of data, problems and "done" in Chinese', () => {
    const zh = printed('zh-TW');
    expect(zh).toContain('已存檔案 5/5 個檔案已檢查 · 完成');
    expect(zh).toContain('影像');
    expect(zh).toContain('10/12 · 2 個問題');
    expect(englishRuns(zh)).toEqual([]);
    expect(zh).not.toMatch(/images|problems|done/);
  });

  it('keeps the English lines as they were', () => {
    expect(printed('en')).toBe('saved-files 5/5 files checked · done\nimages      10/12 · 2 problems\n');
  });
});

describe('a command’s progress on stderr', () => {
  it('is in Chinese under a Taiwanese locale', async () => {
    const folder = tmpdir();
    const verifyBundle: CliServices['verifyBundle'] = (_folder, options) => {
      options?.onProgress?.(3, 3, 3072);
      return Promise.resolve(verifyReport({ folder }));
    };
    const { err } = await run(['verify', folder], { env: { LANG: 'zh_TW.UTF-8' }, services: { verifyBundle } });
    expect(err).toContain('檔案 3/3 · 3.0 KB · 完成');
    expect(err).not.toContain('files');
  });
});

describe('help and usage errors in Traditional Chinese', () => {
  const zh = { LANG: 'zh_TW.UTF-8' };
  /** Option names, placeholders, commands to type and example addresses stay as typed. */
  const typed = (text: string) =>
    englishRuns(
      text
        .split('\n')
        .filter((line) => !/^\s+(cv-steward|read -rs)/.test(line))
        .join('\n')
        .replace(/--?[a-z][a-z-]*( [A-Z][A-Z.]*)?/g, ' · ')
        .replace(/\[options\]|<command>/g, ' · '),
    );

  it('says the top-level help in Chinese, under the locale or a typed --language', async () => {
    const byLocale = await run(['--help'], { env: zh });
    expect(byLocale.out).toContain('查看、匯出、驗證並刪除 Azure Custom Vision 為一個帳戶保存的所有資料。');
    expect(byLocale.out).toContain('  cleanup    先規劃、再執行');
    expect(typed(byLocale.out)).toEqual([]);
    const byOption = await run(['--help', '--language', 'zh-TW']);
    expect(byOption.out).toBe(byLocale.out);
  });

  it('says every command’s help in Chinese, option names as typed', async () => {
    for (const command of ['inventory', 'export', 'verify', 'cleanup']) {
      const { code, out } = await run([command, '--help'], { env: zh });
      expect(code).toBe(EXIT.done);
      expect(out).toMatch(new RegExp(`^用法：cv-steward ${command} `));
      expect(typed(out), command).toEqual([]);
    }
    const cleanup = (await run(['cleanup', '--help'], { env: zh })).out;
    expect(cleanup).toContain('  --plan FILE          run：要執行的計畫');
    expect(cleanup).toContain('  --no-backup          run：不備份直接刪除（資料將永久遺失）');
  });

  it('frames a usage error in Chinese and points to the help', async () => {
    const unknown = await run(['frobnicate'], { env: zh });
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toBe('cv-steward: 不明的指令 "frobnicate"。執行「cv-steward --help」可查看說明。\n');
    const first = await run(['--json'], { env: zh });
    expect(first.err).toContain('請把指令放在最前面');
    const missing = await run(['verify'], { env: zh });
    expect(missing.err).toContain('執行「cv-steward verify --help」可查看用法。');
  });
});

describe('usage errors of the options in Traditional Chinese', () => {
  const zh = { LANG: 'zh_TW.UTF-8' };
  const ENDPOINT_ARGS = ['--endpoint', 'https://myresource.cognitiveservices.azure.com/'];

  it('says what is wrong with the options in Chinese, in the English of before otherwise', async () => {
    const cases: Array<{ argv: string[]; zh: string; en: string }> = [
      { argv: ['cleanup', 'run', '--plan', 'p.json', '--confirm', 'x', ...ENDPOINT_ARGS], zh: '沒有備份就不會刪除任何東西', en: 'Nothing is deleted without a backup: give --bundle DIR' },
      { argv: ['export', ...ENDPOINT_ARGS, '--out', 'b', '--language', 'fr'], zh: '--language 可用的值為 en 或 zh-TW：匯出包中離線檢視器的語言（「fr」不在其中）。', en: '--language takes en or zh-TW: the language of the offline viewer in the bundle ("fr" is not one of them).' },
      { argv: ['inventory', ...ENDPOINT_ARGS, '--rate', '0'], zh: '--rate 需要每秒呼叫次數：大於 0，最多 1000。', en: '--rate needs a number of calls per second, more than 0 and at most 1000.' },
      { argv: ['inventory', '--bogus'], zh: '不明的選項 "--bogus"。', en: 'unknown option "--bogus".' },
      { argv: ['cleanup', 'plan', '--plan', 'p.json', ...ENDPOINT_ARGS], zh: '--plan 屬於「cleanup run」，而不是「cleanup plan」。', en: '--plan belongs to "cleanup run", not "cleanup plan".' },
      { argv: ['export', ...ENDPOINT_ARGS, '--out'], zh: '--out 需要一個值。', en: '--out needs a value.' },
      { argv: ['inventory'], zh: '請指定要使用的帳戶', en: 'Say which account to use: --endpoint URL' },
      { argv: ['inventory', ...ENDPOINT_ARGS], zh: '訓練金鑰從環境變數 CV_STEWARD_TRAINING_KEY 讀取，但它未設定或是空的。', en: 'The training key is read from the environment variable CV_STEWARD_TRAINING_KEY, which is not set or empty.' },
      { argv: ['inventory', '--endpoint', 'x', '--account', 'y'], zh: '--endpoint 與 --account 只能擇一使用。', en: 'Use either --endpoint or --account, not both.' },
    ];
    for (const { argv, zh: chinese, en: english } of cases) {
      const said = await run(argv, { env: zh });
      expect(said.code, argv.join(' ')).toBe(EXIT.usage);
      expect(said.err).toContain(chinese);
      expect(englishRuns(said.err.replace(/--?[a-z][a-z-]*( [A-Z]+)?/g, ' · '))).toEqual([]);
      expect((await run(argv)).err).toContain(english);
    }
  });

  it('keeps a script’s --json error in English while the person reads Chinese', async () => {
    const verifyBundle: CliServices['verifyBundle'] = () => Promise.reject(new UsageError({ key: 'usage.verifyOne' }));
    const { out, err } = await run(['verify', tmpdir(), '--json', '--quiet'], { env: zh, services: { verifyBundle } });
    expect(err).toContain('verify 一次只檢查一個匯出包資料夾。');
    expect(JSON.parse(out)).toMatchObject({ ok: false, error: { code: 'USAGE', message: 'verify checks one bundle folder at a time.' } });
  });
});

describe('export’s own lines in Traditional Chinese', () => {
  it('says the problems heading, count mismatches and the missing zip in Chinese; each problem keeps the engine’s sentence', async () => {
    const problems = Array.from({ length: 12 }, (_, index) => ({ category: 'images', message: `Image ${index} could not be downloaded after 5 tries.` }));
    const runExport: CliServices['runExport'] = () => Promise.resolve(exportSummaryOf('Exported 1 project.', { outcome: 'partial' }));
    const services = { runExport, readManifest: () => Promise.resolve(manifest({ status: 'partial', problems, mismatch: true })) };
    const out = join(tmpdir(), `cv-cli-zh-export-${process.pid}`);
    const env = { CV_STEWARD_TRAINING_KEY: KEY, LANG: 'zh_TW.UTF-8' };
    const zh = await run(['export', '--endpoint', ENDPOINT, '--out', out, '--quiet', '--zip'], { env, services });
    expect(zh.out).toContain('問題（12 個），也列在 manifest.json 中：');
    expect(zh.out).toContain('  … 還有 2 個');
    expect(zh.out).toContain('有 1 項數量與服務回報的不同');
    expect(zh.out).toContain(`沒有寫入 zip 壓縮檔 ${out}.zip。`);
    const en = await run(['export', '--endpoint', ENDPOINT, '--out', out, '--quiet', '--zip'], { env: { CV_STEWARD_TRAINING_KEY: KEY }, services });
    expect(en.out).toContain('Problems (12), also listed in manifest.json:');
    expect(en.out).toContain('  … and 2 more\n');
    expect(en.out).toContain('1 count differs from what the service reports (see "reconciliation" in manifest.json).');
    expect(en.out).toContain(`The zip archive ${out}.zip was not written.`);
    await rm(out, { recursive: true, force: true });
  });
});
