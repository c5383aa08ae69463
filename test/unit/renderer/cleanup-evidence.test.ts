/**
 * What the cleanup wizard says beyond its counts, rendered as the page renders it, in
 * English and Traditional Chinese: what the deletions take along (review), uncovered
 * taken-along items and the waiver that names them (backup), the proof's three results
 * with "could not verify" explained and what was left in place (proof), and a plan main
 * refused (run). "Could not verify" cannot be produced through the harness's demo account,
 * so it is covered here and in the receipt tests.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanProject, Receipt } from '../../../shared/model/cleanup';
import { CleanupCoverage } from '../../../src-renderer/components/cleanup-coverage';
import { waiverText } from '../../../src-renderer/components/cleanup-labels';
import { CleanupLeftInPlace } from '../../../src-renderer/components/cleanup-left-in-place';
import { CleanupProofChecks } from '../../../src-renderer/components/cleanup-proof-checks';
import { CleanupRunEnd } from '../../../src-renderer/components/cleanup-run-step';
import { JobProgress } from '../../../src-renderer/components/job-progress';
import { CleanupTakenAlong } from '../../../src-renderer/components/cleanup-taken-along';
import { i18n } from '../../../src-renderer/i18n';
import { countResults, proofHeadline, proofResult, takenAlongTotal } from '../../../src-renderer/lib/cleanup-evidence';
import { coverageReport, planSummary, receipt } from '../../support/renderer/fake-cleanup';
import { jobSnapshot } from '../../support/renderer/fakes';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** The text a reader sees: tags dropped, entities read back. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

const COUNTS = { projects: 0, iterations: 1, publishedIterations: 1, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
const IT = 'it-2';

/** An iteration-scope plan of "Bananas": iteration 2 takes 6 images, two models and its performance along. */
function iterationProject(overrides: Partial<PlanProject> = {}): PlanProject {
  return {
    id: 'p-1',
    name: 'Bananas',
    deleteProject: false,
    counts: COUNTS,
    modelExports: 2,
    implicit: {
      imageIds: ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6'],
      models: [
        { iterationId: IT, platform: 'TensorFlow', flavor: null, file: true },
        { iterationId: IT, platform: 'ONNX', flavor: 'ONNX12', file: true },
      ],
      performance: [IT],
    },
    ...overrides,
  };
}

const iterationPlan = (projects: PlanProject[] = [iterationProject()]) =>
  planSummary({ scope: { kind: 'part', projectId: 'p-1', part: { kind: 'iteration', iterationId: IT } }, scopeText: 'Iteration 2 of "Bananas"', projects, counts: COUNTS });

describe('the review: what the deletions take along', () => {
  it('says, per project, the images, models and performance that go with the iteration', () => {
    const shown = text(renderToStaticMarkup(createElement(CleanupTakenAlong, { plan: iterationPlan() })));
    expect(shown).toContain('Deleted along with them');
    expect(shown).toContain('Bananas');
    expect(shown).toContain('6 images live only in this iteration and are deleted with it.');
    expect(shown).toContain('2 exported models (TensorFlow, ONNX ONNX12) go with their iteration.');
    expect(shown).toContain('The performance records of 1 trained iteration (precision, recall, per-image results) go with it.');
  });

  it('uses the singular for one, and "the iterations deleted" when a project loses several', () => {
    const one = iterationProject({
      implicit: { imageIds: ['i-1'], models: [{ iterationId: IT, platform: 'ONNX', flavor: null, file: false }], performance: [] },
    });
    const several = iterationProject({
      id: 'p-2',
      name: '<b>Apples</b>',
      counts: { ...COUNTS, iterations: 2 },
      implicit: {
        imageIds: ['i-7', 'i-8'],
        models: [
          { iterationId: 'it-a', platform: 'CoreML', flavor: null, file: true },
          { iterationId: 'it-b', platform: 'CoreML', flavor: null, file: true },
        ],
        performance: ['it-a', 'it-b'],
      },
    });
    const html = renderToStaticMarkup(createElement(CleanupTakenAlong, { plan: iterationPlan([one, several]) }));
    const shown = text(html);
    expect(shown).toContain('1 image lives only in this iteration and is deleted with it.');
    expect(shown).toContain('1 exported model (ONNX) goes with its iteration.');
    expect(shown).toContain('2 images live only in the iterations deleted and are deleted with them.');
    expect(shown).toContain('2 exported models (CoreML) go with their iterations.');
    expect(shown).toContain('The performance records of 2 trained iterations (precision, recall, per-image results) go with them.');
    // A project name is data.
    expect(html).toContain('&lt;b&gt;Apples&lt;/b&gt;');
  });

  it('is not shown when nothing goes along (or the plan predates it)', () => {
    const none = iterationProject({ implicit: { imageIds: [], models: [], performance: [] } });
    const { implicit: _implicit, ...old } = iterationProject();
    expect(renderToStaticMarkup(createElement(CleanupTakenAlong, { plan: iterationPlan([none, old]) }))).toBe('');
  });

  it('reads naturally in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    const shown = text(renderToStaticMarkup(createElement(CleanupTakenAlong, { plan: iterationPlan() })));
    expect(shown).toContain('隨之一併刪除的內容');
    expect(shown).toContain('6 張影像只存在於這個反覆項目中，會隨它一併刪除。');
    expect(shown).toContain('2 個已匯出的模型（TensorFlow、ONNX ONNX12）會隨其反覆項目一併刪除。');
    expect(shown).toContain('1 個已訓練反覆項目的效能記錄（精確度、召回率、逐影像結果）也會隨之刪除。');
  });
});

describe('the backup step: what is not covered, and what the waiver gives up', () => {
  const report = coverageReport({
    ok: false,
    uncoveredCount: 4,
    uncovered: [
      { category: 'iterations', projectId: 'p-1', id: IT, reason: 'missing-record' },
      { category: 'images', projectId: 'p-1', id: 'i-1', part: 'implicit-image', reason: 'missing-record' },
      { category: 'iterations', projectId: 'p-1', id: IT, part: 'model', detail: 'ONNX', reason: 'missing-file' },
      { category: 'iterations', projectId: 'p-1', id: IT, part: 'performance', reason: 'missing-record' },
    ],
  });

  it('says what each uncovered taken-along item is', () => {
    const shown = text(renderToStaticMarkup(createElement(CleanupCoverage, { report, plan: iterationPlan() })));
    expect(shown).toContain('Iterations: it-2 in Bananas — not in the bundle');
    expect(shown).toContain('Image kept only by a deleted iteration: i-1 in Bananas — not in the bundle');
    expect(shown).toContain('Exported model ONNX of iteration it-2 in Bananas — its file is missing from the bundle');
    expect(shown).toContain('Performance of iteration it-2 in Bananas — not in the bundle');
  });

  it('says the same in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    const shown = text(renderToStaticMarkup(createElement(CleanupCoverage, { report, plan: iterationPlan() })));
    expect(shown).toContain('只由要刪除的反覆項目保留的影像：Bananas 中的 i-1 — 不在匯出包中');
    expect(shown).toContain('Bananas 中反覆項目 it-2 匯出的 ONNX 模型 — 匯出包中缺少其檔案');
    expect(shown).toContain('Bananas 中反覆項目 it-2 的效能記錄 — 不在匯出包中');
  });

  it('names in the waiver only the parts that apply', async () => {
    expect(takenAlongTotal(iterationPlan().projects)).toEqual({ images: 6, models: 2, performance: 1 });
    expect(waiverText(iterationPlan())).toBe(
      'Delete without a backup: I understand that 6 images kept only by the deleted iterations, 2 exported models, and the performance of 1 iteration will be deleted along with the plan’s items, without a backup.',
    );
    const modelsOnly = iterationProject({ implicit: { imageIds: [], models: [{ iterationId: IT, platform: 'ONNX', flavor: null, file: true }], performance: [] } });
    expect(waiverText(iterationPlan([modelsOnly]))).toBe(
      'Delete without a backup: I understand that 1 exported model will be deleted along with the plan’s items, without a backup.',
    );
    // Nothing taken along (or a plan made before it was known): the plain words.
    expect(waiverText(planSummary())).toBe('Delete without a backup');
    expect(waiverText(null)).toBe('Delete without a backup');
    await i18n.changeLanguage('zh-TW');
    expect(waiverText(iterationPlan())).toBe(
      '不備份直接刪除：我了解以下內容會隨計畫中的項目一併刪除，且沒有備份：6 張只由要刪除的反覆項目保留的影像、2 個已匯出的模型和1 個反覆項目的效能記錄。',
    );
  });
});

const P = 'p-1';
const CNV = { category: 'iterations' as const, projectId: P, check: 'GetIteration → 404 without an error code', targetIds: [IT], verified: false, result: 'could-not-verify' as const, detail: 'a gateway answered' };
const STILL = { category: 'images' as const, projectId: P, check: 'GetImagesByIds', targetIds: ['i-1', 'i-2'], verified: false, result: 'still-there' as const, detail: '2 of 2 ids returned' };
const GONE = { category: 'projects' as const, projectId: P, check: 'GetProject → 404', targetIds: [P], verified: true, result: 'gone' as const };
/** Written before results existed: `verified` only. */
const OLD_FAILED = { category: 'tags' as const, projectId: P, check: 'GetTag → 200', targetIds: ['t-1'], verified: false };

/** The proof step's findings (its store-bound frame only adds the receipt buttons and links). */
function showProof(shown: Receipt): string {
  const plan = planSummary();
  return renderToStaticMarkup(createElement('div', null, createElement(CleanupProofChecks, { receipt: shown, plan }), createElement(CleanupLeftInPlace, { receipt: shown, plan })));
}

describe('the proof: gone, still there, or could not verify', () => {
  it('reads old receipts by `verified`, and counts each result', () => {
    expect(proofResult(OLD_FAILED)).toBe('still-there');
    expect(proofResult({ ...GONE, result: undefined })).toBe('gone');
    expect(countResults([CNV, STILL, GONE, OLD_FAILED])).toEqual({ gone: 1, 'still-there': 2, 'could-not-verify': 1 });
  });

  it('tells "everything gone" from "could not be verified" from "still there" in the headline, counting items', () => {
    expect(proofHeadline(receipt())).toEqual({ kind: 'complete', leftInPlace: 0 });
    expect(proofHeadline(receipt({ complete: false, verifications: [CNV, GONE] }))).toEqual({ kind: 'could-not-verify', count: 1 });
    // STILL covers 2 images, OLD_FAILED 1 tag: 3 items still there, from 2 checks.
    expect(proofHeadline(receipt({ complete: false, verifications: [STILL, OLD_FAILED, GONE] }))).toEqual({ kind: 'still-there', count: 3 });
    expect(proofHeadline(receipt({ complete: false, verifications: [CNV, STILL, GONE] }))).toEqual({ kind: 'both', stillThere: 2, couldNotVerify: 1, items: 4 });
    expect(proofHeadline(receipt({ complete: false, verifications: [GONE] }))).toEqual({ kind: 'unchecked' });

    expect(text(showProof(receipt()))).toContain('Nothing left: every item of the plan was deleted, and reading it again proved it gone.');
    expect(text(showProof(receipt({ complete: false, verifications: [CNV, GONE] })))).toContain(
      'Not proven gone: 1 item could not be verified, so it is not counted as deleted.',
    );
    expect(text(showProof(receipt({ complete: false, verifications: [STILL, GONE] })))).toContain('Not everything is gone: 2 items are still there.');
    expect(text(showProof(receipt({ complete: false, verifications: [CNV, STILL, GONE] })))).toContain(
      'Not everything is gone: of 4 items checked, 2 are still there and 1 could not be verified.',
    );
  });

  it('shows each check’s result in words with main’s words under it, and explains "could not verify"', () => {
    const html = showProof(receipt({ complete: false, verifications: [CNV, STILL, GONE] }));
    const shown = text(html);
    expect(html).toContain('<strong class="verify-unsure">Could not verify</strong>');
    expect(html).toContain('<strong class="verify-bad">Still there</strong>');
    expect(html).toContain('<strong class="verify-ok">Gone</strong>');
    expect(shown).toContain('Could not verify : Iterations in Bananas (1 item)');
    expect(shown).toContain('GetIteration → 404 without an error code — a gateway answered');
    expect(shown).toContain('Still there : Images in Bananas (2 items)');
    expect(shown).toContain('GetImagesByIds — 2 of 2 ids returned');
    expect(shown).toContain('GetProject → 404');
    expect(shown).toContain(
      'The service’s answer proves nothing either way (for example a 404 from a gateway that does not say what is missing, or a read that was refused), so these items are not counted as deleted.',
    );
    // The table counts items, not checks: proven gone out of those checked, then the doubts.
    expect(shown).toContain('Kind of data Proven gone (items) Still there Could not verify');
    expect(shown).toContain('Images 0 of 2 2 0');
    expect(shown).toContain('Iterations 0 of 1 0 1');
    expect(shown).toContain('Projects 1 of 1 0 0');
  });

  it('says "90 of 90" images proven gone when one check covered 90 images, and lists that check', () => {
    const images = Array.from({ length: 90 }, (_, i) => `i-${i}`);
    const shown = text(showProof(receipt({ verifications: [{ ...GONE, category: 'images', check: 'GetImagesByIds returns none of the ids', targetIds: images }] })));
    expect(shown).toContain('Images 90 of 90 0 0');
    expect(shown).not.toContain('1 of 1');
    expect(shown).toContain('Gone : Images in Bananas (90 items)');
  });

  it('leaves the explanation out when every check could tell', () => {
    const shown = text(showProof(receipt({ complete: false, verifications: [STILL, GONE] })));
    expect(shown).not.toContain('proves nothing either way');
  });

  it('says why a target was left in place in the page’s language when main sent the reason’s code', async () => {
    await i18n.changeLanguage('zh-TW');
    const reason = 'Left in place: It has been tagged since the plan was made, so it is no longer an untagged image.';
    const html = showProof(receipt({ leftInPlace: [{ projectId: P, category: 'images', id: 'i-1', reason, reasonText: [{ code: 'leftInPlaceTagged' }] }] }));
    expect(html).toContain('保留原狀：計畫建立後它已被標記，因此不再是未標記的影像。');
    expect(html).not.toContain('It has been tagged');
  });

  it('lists what was left in place, with main’s reasons, the first few of many', () => {
    const leftInPlace = Array.from({ length: 12 }, (_, i) => ({ projectId: P, category: 'images' as const, id: `i-${i}`, reason: i === 0 ? 'tagged <b>since</b> the plan was made' : 'tagged since the plan was made' }));
    const html = showProof(receipt({ leftInPlace }));
    const shown = text(html);
    expect(shown).toContain('Everything deleted was read again and proved gone. 12 items were no longer in the plan’s scope and were left in place (see below).');
    expect(shown).toContain('Left in place (no longer in the plan’s scope)');
    expect(shown).toContain('12 targets of the plan were no longer in its scope');
    expect(shown).toContain('Images: i-0 in Bananas — tagged <b>since</b> the plan was made');
    expect(html).toContain('tagged &lt;b&gt;since&lt;/b&gt; the plan was made');
    expect(shown).toContain('i-9 in Bananas');
    expect(shown).not.toContain('i-10 in Bananas');
    expect(shown).toContain('…and 2 more; the receipt lists every one.');
  });

  it('says all of it in Traditional Chinese', async () => {
    await i18n.changeLanguage('zh-TW');
    const shown = text(showProof(receipt({ complete: false, verifications: [CNV, STILL, GONE], leftInPlace: [{ projectId: P, category: 'images', id: 'i-9', reason: 'tagged since the plan was made' }] })));
    expect(shown).toContain('並未全部刪除：在檢查的 4 個項目中，2 個仍然存在，1 個無法驗證。');
    expect(shown).toContain('無法驗證 ：Bananas 中的反覆項目（1 個項目）');
    expect(shown).toContain('仍然存在 ：Bananas 中的影像（2 個項目）');
    expect(shown).toContain('服務的回應無法證明任何一種情況');
    expect(shown).toContain('保留原處（已不在計畫範圍內）');
    expect(shown).toContain('影像：Bananas 中的 i-9 — tagged since the plan was made');
  });
});

describe('the run step when main refuses the plan', () => {
  /** The run step's job and what it offers after it (the step itself only binds these to the store). */
  function showRun(error: { code: string; message: string }): string {
    const job = jobSnapshot({ id: 'cleanup-9', kind: 'cleanup', title: 'Cleanup of contoso-vision', state: 'failed', categories: [], error });
    const noop = () => undefined;
    return text(
      renderToStaticMarkup(createElement('div', null, createElement(JobProgress, { job }), createElement(CleanupRunEnd, { job, pending: false, onResume: noop, onNewPlan: noop }))),
    );
  }

  it('shows the sentence for PLAN_TAMPERED, main’s words as details, and offers a new plan instead of a resume', () => {
    const shown = showRun({ code: 'PLAN_TAMPERED', message: 'This cleanup plan was changed after it was made and reviewed (its seal no longer matches its contents).' });
    expect(shown).toContain('PLAN_TAMPERED');
    expect(shown).toContain('Nothing was deleted: this cleanup plan was changed after it was made and reviewed. Build a new plan instead of editing one.');
    expect(shown).toContain('its seal no longer matches its contents');
    expect(shown).toContain('Make a new plan');
    expect(shown).not.toContain('Resume the cleanup');
  });

  it('in Traditional Chinese too', async () => {
    await i18n.changeLanguage('zh-TW');
    const shown = showRun({ code: 'PLAN_TAMPERED', message: 'This cleanup plan was changed after it was made and reviewed.' });
    expect(shown).toContain('沒有刪除任何內容：這份清理計畫在建立並檢閱之後被修改過。');
    expect(shown).toContain('建立新的計畫');
  });

  it('still offers to resume a run stopped by anything else', () => {
    const shown = showRun({ code: 'NETWORK_LOST', message: 'The connection was lost.' });
    expect(shown).toContain('Resume the cleanup');
    expect(shown).not.toContain('Make a new plan');
  });
});
