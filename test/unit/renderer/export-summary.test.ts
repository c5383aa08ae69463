/**
 * The summary an export ends with, every sentence of it in the reader's language: main sends
 * its facts as the `exportSummary` code (shared/model/export-summary.ts), and the page says
 * the counts, the files fetched again, how the bundle ended, the zip and a memory restart
 * from the catalogue — in English exactly as main's own summary reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/i18n';
import { mainTextOr } from '../../../src-renderer/lib/main-text';
import { exportSummaryOf } from '../../support/export-summary';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const FACTS = {
  folder: '/data/bundle',
  projects: 2,
  images: 1234,
  imageBytes: 5 * 1024 * 1024,
  iterations: 3,
  models: 1,
  predictions: 40,
  repaired: 2,
  zipPath: '/data/bundle.zip',
  zipBytes: 6 * 1024 * 1024,
};

describe('the export summary in the reader’s language', () => {
  it('says every sentence in Traditional Chinese: files fetched again, a complete bundle and the zip', async () => {
    await i18n.changeLanguage('zh-TW');
    const { summary, summaryText } = exportSummaryOf('English', FACTS);
    expect(mainTextOr(summaryText, summary)).toBe(
      '已匯出到 /data/bundle：專案 2 個、影像 1,234 張（5 MB）、反覆項目 3 個、模型 1 個、預測 40 筆。' +
        '有 2 個已儲存的檔案在儲存後遭到更動，已重新下載（受損的副本放在 .cv-steward/damaged）。' +
        '所有內容都已儲存，每項數量也都與服務相符。' +
        'ZIP 壓縮檔：/data/bundle.zip（6 MB）。',
    );
  });

  it('says why a bundle whose run was whole is still partial, and that the worker was given more memory', async () => {
    await i18n.changeLanguage('zh-TW');
    const { summaryText } = exportSummaryOf('English', { ...FACTS, repaired: 0, zipPath: undefined, outcome: 'partialEarlier', earlierProblems: 1, earlierUnfinished: 2 });
    const restarted = { ...summaryText, params: { ...summaryText.params, firstHeapMb: 1024, heapMb: 2048 } };
    const text = mainTextOr(restarted, 'English');
    expect(text).toContain('先前匯出到這個資料夾時留下了缺漏（當時記錄了 1 個問題、2 次匯出未完成），所以匯出包不完整');
    expect(text).toContain('匯出所需的記憶體超過最初的上限 1,024 MB，因此改以 2,048 MB 重新啟動');
    expect(text).not.toMatch(/Everything|PARTIAL|Zip/);
  });

  it('names this run’s problems and differing counts, and a zip that could not be written', async () => {
    await i18n.changeLanguage('zh-TW');
    const { summaryText } = exportSummaryOf('English', { ...FACTS, repaired: 0, zipPath: undefined, outcome: 'partial', problems: 3, firstProblem: 'GetImages failed', differences: 1, zipProblem: 'ENOSPC' });
    expect(mainTextOr(summaryText, 'English')).toBe(
      '已匯出到 /data/bundle：專案 2 個、影像 1,234 張（5 MB）、反覆項目 3 個、模型 1 個、預測 40 筆。' +
        '匯出包不完整：請再次匯出到同一個資料夾，以補齊缺少的部分。' +
        '發生 3 個問題，第一個是：GetImages failed ' +
        '有 1 項數量與服務回報的不同（請參閱 manifest.json 中的「reconciliation」）。' +
        '無法寫入 ZIP 壓縮檔：ENOSPC',
    );
  });

  it('reads in English with the sentences of main’s own summary', () => {
    const { summaryText } = exportSummaryOf('English', { ...FACTS, repaired: 1 });
    expect(mainTextOr(summaryText, 'English')).toBe(
      'Exported into /data/bundle: projects 2, images 1,234 (5 MB), iterations 3, models 1, predictions 40. ' +
        '1 saved file had been altered since it was saved and was fetched again (the damaged copy is in .cv-steward/damaged). ' +
        'Everything was saved and every count matches the service. ' +
        'Zip archive: /data/bundle.zip (6 MB).',
    );
  });
});
