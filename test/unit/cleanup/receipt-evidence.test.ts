/**
 * The receipt page says what the proof found in three words (gone, still there, could not
 * verify), lists what was left in place because it had left the plan's scope, and what the
 * deleted iterations took along — in English and Traditional Chinese, every piece of data
 * escaped.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiptSchema, type Receipt } from '../../../shared/model/cleanup';
import { CleanupJournal } from '../../../src-main/cleanup/cleanup-journal';
import { NOT_DELETABLE, notDeletableFor } from '../../../src-main/cleanup/not-deletable';
import { proofResult, renderReceiptHtml } from '../../../src-main/cleanup/receipt-html';
import { buildReceipt } from '../../../src-main/cleanup/receipt';
import { planFixture } from '../../support/cleanup-plan-fixture';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
const P = '11111111-1111-4111-8111-111111111111';
const IT = '22222222-2222-4222-8222-222222222222';
const IMAGES = ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'];
const COUNTS = { projects: 0, iterations: 1, publishedIterations: 1, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };

function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return ReceiptSchema.parse({
    format: 'cv-steward-cleanup-receipt',
    version: 1,
    planId: 'plan-1',
    account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Acct' },
    scope: { kind: 'part', projectId: P, part: { kind: 'iteration', iterationId: IT } },
    scopeText: 'Iteration 2 of project "Flowers"',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' },
    counts: COUNTS,
    calls: [
      { at: '2025-01-01T00:00:01.000Z', step: 0, operation: 'UnpublishIteration', projectId: P, targetIds: [IT], status: 404, outcome: 'unverified', message: `gateway page: ${HOSTILE}` },
      { at: '2025-01-01T00:00:02.000Z', step: 2, operation: 'DeleteImages', projectId: P, targetIds: ['i-9'], status: 0, outcome: 'dropped' },
    ],
    verifications: [
      { category: 'iterations', projectId: P, check: 'GetIteration → 404 (gateway)', targetIds: [IT], verified: false, result: 'could-not-verify', detail: `404 without an error code: ${HOSTILE}` },
      { category: 'iterations', projectId: P, check: 'GetIteration → 200', targetIds: [IT], verified: false, result: 'still-there' },
      { category: 'images', projectId: P, check: 'GetImagesByIds → none', targetIds: IMAGES, verified: true, result: 'gone' },
    ],
    complete: false,
    leftInPlace: [
      { projectId: P, category: 'images', id: 'i-9', reason: `tagged since the plan was made: ${HOSTILE}` },
      { projectId: P, category: 'images', id: `i-${HOSTILE}`, reason: 'no longer untagged' },
    ],
    implicit: [
      {
        projectId: P,
        imageIds: IMAGES,
        models: [
          { iterationId: IT, platform: 'ONNX', flavor: 'ONNX12', file: true },
          { iterationId: IT, platform: HOSTILE, flavor: null, file: false },
        ],
        performance: [IT],
      },
    ],
    notDeletable: NOT_DELETABLE,
    ...overrides,
  });
}

const zh = (overrides: Partial<Receipt> = {}) => receipt({ language: 'zh-TW', notDeletable: notDeletableFor('zh-TW'), ...overrides });

/** The text of the <section> that starts with heading `h2` (up to the next heading), tags stripped. */
function section(html: string, h2: string): string {
  const start = html.indexOf(`<h2>${h2}`);
  if (start < 0) return '';
  const end = html.indexOf('<h2>', start + 4);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('the proof on the receipt page', () => {
  it('reads old receipts: verified true is gone, false is still there', () => {
    const base = { category: 'tags' as const, projectId: P, check: 'GetTag → 404', targetIds: ['t'] };
    expect(proofResult({ ...base, verified: true })).toBe('gone');
    expect(proofResult({ ...base, verified: false })).toBe('still-there');
    expect(proofResult({ ...base, verified: false, result: 'could-not-verify' })).toBe('could-not-verify');
  });

  it('gives each check its result in words, tells "still there" from "could not verify", and explains the latter', () => {
    const html = renderReceiptHtml(receipt(), new Map([[P, 'Flowers']]));
    // Counted in items: the iteration two checks covered is one item, still there; the three images are gone.
    expect(html).toContain('Incomplete: 1 of 4 items are not proven gone (1 still there).');
    expect(html).toContain('<span class="unsure">? could not verify</span>');
    expect(html).toContain('<span class="bad">✗ still there</span>');
    expect(html).toContain('<span class="ok">✓ gone</span>');
    expect(html).toContain('a 404 from a gateway that does not say what is missing');
    expect(html).toContain('>inconclusive<');
    expect(html).toContain('>left in place<');
  });

  it('leaves out the explanation when every check could tell', () => {
    const stillThere = receipt().verifications.filter((v) => v.result === 'still-there');
    const html = renderReceiptHtml(receipt({ verifications: stillThere }));
    expect(html).toContain('Incomplete: 1 of 1 item is not proven gone (1 still there).');
    expect(html).not.toContain('could not be verified');
    expect(html).not.toContain('a 404 from a gateway');
  });
});

describe('what the receipt page says was left in place and taken along', () => {
  it('lists every target left in place with main’s reason, and what the deleted iteration took along', () => {
    const html = renderReceiptHtml(receipt(), new Map([[P, 'Flowers']]));
    const left = section(html, 'Left in place (2)');
    expect(left).toContain('no longer in its scope');
    expect(left).toContain('i-9');
    expect(left).toContain(`tagged since the plan was made: ${ESCAPED}`);
    expect(left).toContain(`i-${ESCAPED}`);

    const along = section(html, 'Deleted along with them');
    expect(along).toContain('3 images that lived only in the iterations deleted');
    for (const id of IMAGES) expect(along).toContain(id);
    expect(along).toContain('Exported model <strong>ONNX ONNX12</strong> of the iteration');
    expect(along).toContain(`Exported model <strong>${ESCAPED}</strong> of the iteration (unfinished: there was no file to back up)`);
    expect(along).toContain('The performance records of 1 trained iteration');
    expect(along).toContain('Flowers');
  });

  it('shows neither section for a receipt written before they existed', () => {
    const { leftInPlace: _left, implicit: _implicit, ...old } = receipt();
    const html = renderReceiptHtml(ReceiptSchema.parse(old));
    expect(html).not.toContain('Left in place');
    expect(html).not.toContain('Deleted along with them');
  });

  it('keeps every piece of data as text: no markup, no script, the same CSP', () => {
    const html = renderReceiptHtml(receipt(), new Map([[P, HOSTILE]]));
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<[^>]*\ssrc=/);
  });
});

describe('the same receipt in Traditional Chinese', () => {
  it('says the three results, the explanation and both sections in Chinese', () => {
    const html = renderReceiptHtml(zh(), new Map([[P, HOSTILE]]));
    expect(html).toContain('未完成：4 個項目中有 1 個尚未證實已刪除（1 個仍然存在）。');
    expect(html).toContain('✓ 已刪除');
    expect(html).toContain('✗ 仍然存在');
    expect(html).toContain('? 無法驗證');
    expect(html).toContain('「無法驗證」表示服務的回應無法證明任何一種情況');
    expect(section(html, '保留原處（2）')).toContain(`tagged since the plan was made: ${ESCAPED}`);
    const along = section(html, '隨之一併刪除的內容');
    expect(along).toContain('3 張只存在於被刪除反覆項目中的影像');
    expect(along).toContain('該反覆項目匯出的 <strong>ONNX ONNX12</strong> 模型');
    expect(along).toContain('1 個已訓練反覆項目的效能記錄');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the receipt JSON', () => {
  it('carries what the plan took along, per project, leaving out projects that took nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-receipt-implicit-'));
    try {
      const implicit = { imageIds: IMAGES, models: [{ iterationId: IT, platform: 'TensorFlow', flavor: null, file: true }], performance: [IT] };
      const plan = planFixture({
        projects: [
          { id: P, name: 'Flowers', deleteProject: false, counts: COUNTS, modelExports: 1, implicit },
          { id: 'p-2', name: 'Empty', deleteProject: false, counts: COUNTS, modelExports: 0, implicit: { imageIds: [], models: [], performance: [] } },
          { id: 'p-3', name: 'Old plan', deleteProject: false, counts: COUNTS, modelExports: 0 },
        ],
        counts: COUNTS,
      });
      const journal = await CleanupJournal.open(join(dir, 'plan.journal.jsonl'), plan.planId);
      await journal.recordStart({ at: '2025-01-01T00:00:00.000Z', planId: plan.planId, backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' } });
      await journal.close();
      const built = buildReceipt({ plan, journal, verifications: [], finishedAt: new Date('2025-01-01T00:01:00Z') });
      expect(built.implicit).toEqual([{ projectId: P, ...implicit }]);
      expect(renderReceiptHtml(built)).toContain('3 images that lived only in the iterations deleted');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
