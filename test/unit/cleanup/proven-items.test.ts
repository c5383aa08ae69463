/**
 * The proof counted in items: one check that proves 90 images gone says "90 of 90 images",
 * not "1 of 1"; an item covered by two checks counts once, never as gone when either check
 * did not prove it gone.
 */
import { describe, expect, it } from 'vitest';
import type { Verification } from '../../../shared/model/cleanup';
import { provenItems } from '../../../shared/model/proven-items';
import { renderReceiptHtml } from '../../../src-main/cleanup/receipt-html';
import { ReceiptSchema } from '../../../shared/model/cleanup';

const P = '11111111-1111-4111-8111-111111111111';
const IT = '22222222-2222-4222-8222-222222222222';
const images = (n: number) => Array.from({ length: n }, (_, i) => `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

function check(category: Verification['category'], targetIds: string[], result: NonNullable<Verification['result']>): Verification {
  return { category, projectId: P, check: 'a check', targetIds, verified: result === 'gone', result };
}

describe('items proven gone', () => {
  it('counts the items a check covered, not the check', () => {
    expect(provenItems([check('images', images(90), 'gone')])).toEqual([{ category: 'images', items: 90, gone: 90, stillThere: 0, couldNotVerify: 0 }]);
  });

  it('counts an item two checks covered once, with the least reassuring result', () => {
    const unpublished = check('iterations', [IT], 'gone');
    const deleted = check('iterations', [IT.toUpperCase()], 'could-not-verify');
    expect(provenItems([unpublished, deleted])).toEqual([{ category: 'iterations', items: 1, gone: 0, stillThere: 0, couldNotVerify: 1 }]);
    expect(provenItems([deleted, check('iterations', [IT], 'still-there')])[0]).toMatchObject({ stillThere: 1, couldNotVerify: 0 });
  });

  it('keeps every kind apart, in the plan’s order, and leaves out kinds no check covered', () => {
    const found = provenItems([check('projects', [P], 'gone'), check('images', images(3), 'still-there'), check('tags', [], 'gone')]);
    expect(found.map((kind) => kind.category)).toEqual(['images', 'projects']);
    expect(found[0]).toMatchObject({ items: 3, stillThere: 3 });
  });

  it('puts "90 of 90" images on the receipt page, with the one check behind them listed', () => {
    const receipt = ReceiptSchema.parse({
      format: 'cv-steward-cleanup-receipt',
      version: 1,
      planId: 'plan-1',
      account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Acct' },
      scope: { kind: 'part', projectId: P, part: { kind: 'untaggedImages' } },
      scopeText: 'Untagged images of project "Flowers"',
      startedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:01:00.000Z',
      backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' },
      counts: { projects: 0, iterations: 0, publishedIterations: 0, images: 90, imagesOnlyInIterations: 0, predictions: 0, tags: 0 },
      calls: [],
      verifications: [check('images', images(90), 'gone')],
      complete: true,
      notDeletable: [],
    });
    const html = renderReceiptHtml(receipt);
    expect(html).toContain('Complete: all 90 items of the plan were proven gone');
    expect(html).toMatch(/<tr><td>images<\/td><td>90 of 90<\/td>/);
    expect(html).toContain('<h3>The check behind it</h3>');
    expect(html).not.toContain('1 of 1');
    const zh = renderReceiptHtml({ ...receipt, language: 'zh-TW' });
    expect(zh).toContain('90 個中的 90 個');
  });
});
