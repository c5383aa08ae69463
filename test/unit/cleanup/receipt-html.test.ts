import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiptSchema, type Receipt } from '../../../shared/model/cleanup';
import { CleanupJournal } from '../../../src-main/cleanup/cleanup-journal';
import { NOT_DELETABLE, notDeletableFor } from '../../../src-main/cleanup/not-deletable';
import { escapeHtml, renderReceiptHtml } from '../../../src-main/cleanup/receipt-html';
import { backupRelied, buildReceipt, writeReceipt } from '../../../src-main/cleanup/receipt';
import { planFixture } from '../../support/cleanup-plan-fixture';

const HOSTILE = '<img src=x onerror=alert(1)>';
const P = '11111111-1111-4111-8111-111111111111';

function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return ReceiptSchema.parse({
    format: 'cv-steward-cleanup-receipt',
    version: 1,
    planId: 'plan-1',
    account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: `Acct ${HOSTILE}` },
    scope: { kind: 'all' },
    scopeText: `Project "${HOSTILE}"`,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    backup: { kind: 'bundle', folder: `/backups/<b>&"x"`, checkedFiles: 3, checkedAt: '2025-01-01T00:00:00.000Z' },
    counts: { projects: 1, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 1 },
    calls: [
      { at: '2025-01-01T00:00:01.000Z', step: 0, operation: 'DeleteTag', projectId: P, targetIds: ['t'], status: 400, requestId: '<req>', outcome: 'failed', message: `Iteration is already published as: ${HOSTILE}` },
      { at: '2025-01-01T00:00:02.000Z', step: 1, operation: 'DeleteProject', projectId: P, targetIds: [P], status: 204, requestId: 'req-2', outcome: 'done' },
    ],
    verifications: [
      { category: 'tags', projectId: P, check: 'GetTag → 404', targetIds: ['t'], verified: false, detail: `still there: ${HOSTILE}` },
      { category: 'projects', projectId: P, check: 'GetProject → 404', targetIds: [P], verified: true },
    ],
    complete: false,
    notDeletable: NOT_DELETABLE,
    ...overrides,
  });
}

describe('the receipt page', () => {
  it('shows hostile names and service messages as text, never as markup', () => {
    const html = renderReceiptHtml(receipt(), new Map([[P, HOSTILE]]));
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('/backups/&lt;b&gt;&amp;&quot;x&quot;');
    expect(html).toContain('&lt;req&gt;');
  });

  it('forbids scripts and network loads and links only to https pages', () => {
    const html = renderReceiptHtml(receipt());
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['https://learn.microsoft.com/azure/ai-services/recover-purge-resources', 'https://www.customvision.ai/']);
    expect(html).not.toMatch(/<[^>]*\ssrc=/);
  });

  it('lists every call with its status and request id, and says what the API cannot delete', () => {
    const html = renderReceiptHtml(receipt());
    expect(html).toContain('Calls (2)');
    expect(html).toContain('req-2');
    expect(html).toContain('>400<');
    expect(html).toContain('Incomplete: 1 of 2 items are not proven gone (1 still there)');
    expect(html).toContain('48 hours');
    expect(html).toContain('Delete your account');
    expect(html).toContain('Regenerate');
  });

  it('says so plainly when the backup was waived', () => {
    const html = renderReceiptHtml(receipt({ backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' }, complete: true }));
    expect(html).toContain('No backup: the user waived it');
    expect(html).toContain('Complete: all 2 items of the plan were proven gone');
  });
});

describe('the backup a receipt states', () => {
  const bundle = { kind: 'bundle' as const, folder: '/b', checkedFiles: 1, checkedAt: 'x' };
  const start = (backup: Receipt['backup'], at: string) => ({ type: 'start' as const, at, planId: 'p', backup });
  it('is the first run’s bundle, unless any run waived the backup', () => {
    expect(backupRelied([start(bundle, '1'), start({ ...bundle, folder: '/c' }, '2')])).toEqual(bundle);
    expect(backupRelied([start(bundle, '1'), start({ kind: 'waived', waivedAt: '2' }, '2')])).toEqual({ kind: 'waived', waivedAt: '2' });
  });
});

describe('the receipt in Traditional Chinese', () => {
  const zh = () => receipt({ language: 'zh-TW', notDeletable: notDeletableFor('zh-TW') });

  it('is a Chinese page that declares lang="zh-TW", with dates and numbers formatted for Taiwan', () => {
    const html = renderReceiptHtml(zh(), new Map([[P, HOSTILE]]));
    expect(html).toContain('<html lang="zh-TW">');
    expect(html).toContain('<h1>Custom Vision 刪除收據</h1>');
    expect(html).toContain('未完成：2 個項目中有 1 個尚未證實已刪除（1 個仍然存在）。');
    expect(html).toContain('<h2>呼叫（2）</h2>');
    expect(html).toContain('<h2>訓練 API 無法刪除的內容</h2>');
    expect(html).toContain('48 小時');
    expect(html).toContain('✗ 仍然存在');
    expect(html).toContain('>失敗<');
    // Started 2025-01-01T00:00:00Z, shown as a Taiwanese date, in UTC, with the exact time kept.
    expect(html).toMatch(/<time datetime="2025-01-01T00:00:00.000Z">2025年1月1日[^<]*UTC[^<]*<\/time>/);
    expect(html).toContain('已重新計算 3 個檔案的雜湊值');
  });

  it('still shows hostile names and service messages as text only', () => {
    const html = renderReceiptHtml(zh(), new Map([[P, HOSTILE]]));
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('/backups/&lt;b&gt;&amp;&quot;x&quot;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('says the backup was waived, in Chinese', () => {
    const html = renderReceiptHtml(receipt({ language: 'zh-TW', backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' }, complete: true }));
    expect(html).toContain('沒有備份：使用者選擇放棄備份');
    expect(html).toContain('已完成：重新讀取帳戶後，已證實計畫中全部 2 個項目都已刪除；所依據的檢查列於下方。');
  });

  it('says the proof’s checks, details and the calls’ messages in Chinese when main sent their codes', () => {
    const html = renderReceiptHtml(
      receipt({
        language: 'zh-TW',
        calls: [
          {
            at: '2025-01-01T00:00:03.000Z', operation: 'GetTaggedImageCount', projectId: P, targetIds: [], status: 200, outcome: 'done',
            message: '0 tagged images in the workspace; the deleted images are gone',
            messageText: [{ code: 'taggedImagesWorkspace', params: { count: 0 } }, { code: 'deletedImagesGone' }],
          },
        ],
        verifications: [
          {
            category: 'images', projectId: P, check: 'GetProject → 404 NotFoundProject', targetIds: ['i'], verified: true, result: 'gone',
            detail: 'The project is gone, and with it its images, including those kept only by iterations: none can be read through the API any more.',
            detailText: { code: 'projectGoneImages' },
          },
          {
            category: 'tags', projectId: P, check: 'nothing to check', checkText: { code: 'nothingToCheck' }, targetIds: [], verified: true, result: 'gone',
            detail: 'Every target of this step was left in place: it was no longer in the plan\'s scope.', detailText: { code: 'leftInPlace' },
          },
        ],
      }),
    );
    expect(html).toContain('工作區中有 0 張已標記的影像；已刪除的影像都已不存在');
    expect(html).toContain('專案已不存在，其影像（包括只由反覆項目保留的影像）也隨之刪除');
    expect(html).toContain('<td>無需檢查</td>');
    expect(html).toContain('此步驟的所有目標都保留原狀');
    expect(html).not.toContain('The project is gone');
    expect(html).not.toContain('tagged images in the workspace');
  });

  it('says the detail’s further sentences in Chinese: images uploaded after the plan, and what deleted iterations mean', () => {
    const verification = {
      category: 'images' as const, projectId: P, check: 'tagged + untagged image counts → 0', checkText: { code: 'checkImageCounts' }, targetIds: ['i'], verified: true, result: 'gone' as const,
      detail: "None of the plan's images is in the workspace nor in the 1 remaining iteration. 3 images in the workspace are not the plan's (uploaded after it was made) and were left alone. Images that only deleted iterations held cannot be looked up at all any more; the API offers no other place to look for them.",
      detailText: { code: 'noPlanImagesLeft', params: { count: 1 } },
      detailNotes: [{ code: 'newerImagesLeftAlone', params: { count: 3 } }, { code: 'deletedIterationsUnreachable' }],
    };
    const zh = renderReceiptHtml(receipt({ language: 'zh-TW', verifications: [verification] }));
    expect(zh).toContain('<td>計畫中的影像都不在工作區，也不在其餘 1 個反覆項目中。工作區中有 3 張影像不屬於計畫（在計畫建立後才上傳），因此保留未動。只存在於已刪除反覆項目中的影像已完全無法查詢；API 沒有其他可以查找它們的地方。</td>');
    expect(zh).not.toContain('left alone');
    const en = renderReceiptHtml(receipt({ verifications: [verification] }));
    expect(en).toContain(`<td>${verification.detail.replaceAll("'", '&#39;')}</td>`);
  });

  it('says why a target was left in place in Chinese, and main’s English for a receipt without the code', () => {
    const reason = 'Left in place: It has been tagged since the plan was made, so it is no longer an untagged image.';
    const zh = renderReceiptHtml(
      receipt({
        language: 'zh-TW',
        leftInPlace: [
          { projectId: P, category: 'images', id: 'img-1', reason, reasonText: [{ code: 'leftInPlaceTagged' }] },
          { projectId: P, category: 'images', id: 'img-2', reason: 'Left in place: an older reason.' },
        ],
      }),
    );
    expect(zh).toContain('<td>保留原狀：計畫建立後它已被標記，因此不再是未標記的影像。</td>');
    expect(zh).toContain('<td>Left in place: an older reason.</td>');
    expect(zh).not.toContain('It has been tagged');
  });

  it('keeps main’s English for a text whose code this version does not know, or that has none', () => {
    const html = renderReceiptHtml(
      receipt({
        language: 'zh-TW',
        verifications: [
          { category: 'tags', projectId: P, check: 'GetTag → 404', targetIds: ['t'], verified: true, result: 'gone', detail: 'A newer detail.', detailText: { code: 'fromANewerVersion' } },
        ],
      }),
    );
    expect(html).toContain('<td>A newer detail.</td>');
    expect(html).toContain('<td>GetTag → 404</td>');
  });

  it('is English for a receipt that records no language (written before the choice existed)', () => {
    const html = renderReceiptHtml(receipt());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Custom Vision deletion receipt</h1>');
    expect(html).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('is recorded in the receipt JSON, whose "cannot delete" texts are in that language too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-receipt-'));
    try {
      const plan = planFixture();
      const journal = await CleanupJournal.open(join(dir, 'plan.journal.jsonl'), plan.planId);
      await journal.recordStart({ at: '2025-01-01T00:00:00.000Z', planId: plan.planId, backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' } });
      await journal.close();
      const paths = { receiptJson: join(dir, 'plan.receipt.json'), receiptHtml: join(dir, 'plan.receipt.html') };
      await writeReceipt(paths, buildReceipt({ plan, journal, verifications: [], finishedAt: new Date('2025-01-01T00:01:00Z'), language: 'zh-TW' }), new Map());
      const saved = ReceiptSchema.parse(JSON.parse(await readFile(paths.receiptJson, 'utf8')));
      expect(saved.language).toBe('zh-TW');
      expect(saved.notDeletable.map((item) => item.what)).toEqual(notDeletableFor('zh-TW').map((item) => item.what));
      expect(saved.notDeletable[0]?.what).toContain('Azure 資源本身');
      expect(await readFile(paths.receiptHtml, 'utf8')).toContain('<html lang="zh-TW">');

      const english = buildReceipt({ plan, journal, verifications: [], finishedAt: new Date('2025-01-01T00:01:00Z') });
      expect(english.language).toBe('en');
      expect(english.notDeletable).toEqual(NOT_DELETABLE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
