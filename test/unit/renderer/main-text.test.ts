/**
 * Main's messages in the reader's language: a job's title, summary and latest error, an
 * inventory row's size basis, a published limit, a project's kind arrive as catalogue codes
 * beside main's English; the page shows the code's text in its language (numbers in its
 * format, sizes as sizes) and falls back to the English for an unknown code. Values the
 * API returns as English words (iteration status, tag type, export status) get labels too.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { JobProgress } from '../../../src-renderer/components/job-progress';
import { CategoryErrors } from '../../../src-renderer/components/category-progress';
import { i18n } from '../../../src-renderer/i18n';
import { exportStatusLabel, iterationStatusLabel, tagTypeLabel } from '../../../src-renderer/lib/labels';
import { mainTextOr } from '../../../src-renderer/lib/main-text';
import { jobSnapshot } from '../../support/renderer/fakes';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('a message main sent as a code', () => {
  it('is said in Traditional Chinese, with numbers and sizes formatted for Taiwan', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(mainTextOr({ code: 'exportTitle', params: { account: 'Demo account' } }, 'Export of Demo account')).toBe('匯出 Demo account');
    expect(mainTextOr({ code: 'verifyIntact', params: { count: 1234 } }, 'Bundle is intact: 1234 files checked.')).toBe('匯出包完好無缺：已檢查 1,234 個檔案。');
    expect(mainTextOr({ code: 'sizeBasisProjects', params: { recordBytes: 2048 } }, 'about 2 KB of settings per project')).toBe('每個專案約 2 KB 的設定');
    expect(mainTextOr({ code: 'limitTrainingImages' }, 'Training images per project')).toBe('每個專案的訓練影像數');
    expect(mainTextOr({ code: 'projectKindMulticlassDomain', params: { domain: 'General (compact)' } }, 'x')).toBe('分類（多類別） · General (compact)');
  });

  it('is said in English with the English plural forms', () => {
    expect(mainTextOr({ code: 'verifyIntact', params: { count: 1 } }, 'x')).toBe('Bundle is intact: 1 file checked.');
    expect(mainTextOr({ code: 'verifyIntact', params: { count: 3003 } }, 'x')).toBe('Bundle is intact: 3,003 files checked.');
  });

  it('falls back to main’s English for a code this catalogue does not know, or none', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(mainTextOr({ code: 'fromANewerMain' }, 'Something new happened.')).toBe('Something new happened.');
    expect(mainTextOr(undefined, 'Plain English from an older main.')).toBe('Plain English from an older main.');
  });

  it('titles a job and says its outcome in the page’s language', async () => {
    await i18n.changeLanguage('zh-TW');
    const job = jobSnapshot({
      kind: 'verify',
      state: 'succeeded',
      title: 'Verify bundle',
      titleText: { code: 'verifyTitle' },
      summary: 'Bundle is intact: 12 files checked.',
      summaryText: { code: 'verifyIntact', params: { count: 12 } },
    });
    const html = renderToStaticMarkup(createElement(JobProgress, { job }));
    expect(html).toContain('驗證匯出包');
    expect(html).toContain('匯出包完好無缺：已檢查 12 個檔案。');
    expect(html).not.toContain('Verify bundle');
    expect(html).not.toContain('Bundle is intact');
  });

  it('shows a category’s latest error in the page’s language', async () => {
    await i18n.changeLanguage('zh-TW');
    const progress = { category: 'images', done: 0, total: 1, bytesDone: 0, bytesTotal: null, errors: 1, lastError: '404: the project is gone', lastErrorText: { code: 'cleanupDone' } };
    const html = renderToStaticMarkup(createElement(CategoryErrors, { progress }));
    expect(html).toContain('計畫中的所有項目都已刪除');
    expect(html).not.toContain('the project is gone');
  });
});

describe('a failed call main knows by its error code', () => {
  it('is said with the app’s sentence for that code, main’s English as the details', async () => {
    await i18n.changeLanguage('zh-TW');
    const line = mainTextOr({ code: 'appError', params: { code: 'WRONG_KEY' } }, 'GetProjects failed: the service refused the training key (HTTP 401).');
    expect(line.startsWith(i18n.t('errorCodes.WRONG_KEY'))).toBe(true);
    expect(line).toMatch(/[\u3400-\u9fff]/);
    expect(mainTextOr({ code: 'appError', params: { code: 'NOT_A_KNOWN_CODE' } }, 'Plain English.')).toBe('Plain English.');
  });
});

describe('values the API returns as English words', () => {
  it('are labelled in Traditional Chinese, and shown as sent when unknown', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(iterationStatusLabel('Completed')).toBe('已完成');
    expect(tagTypeLabel('Negative')).toBe('負面');
    expect(exportStatusLabel('Done')).toBe('完成');
    expect(iterationStatusLabel('Quantum')).toBe('Quantum');
  });
});
