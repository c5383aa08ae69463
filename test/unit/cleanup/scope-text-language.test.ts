/**
 * The cleanup's scope sentence in the wizard's or the receipt's language: the plan file
 * keeps English; Traditional Chinese is put together from the names the plan kept, which
 * stay JSON-quoted data whatever they contain.
 */
import { describe, expect, it } from 'vitest';
import type { CleanupPlan, CleanupScope } from '../../../shared/model/cleanup';
import { describeScope, planScopeText } from '../../../src-main/cleanup';

const P = '11111111-1111-4111-8111-111111111111';
const Q = '22222222-2222-4222-8222-222222222222';
const T = '33333333-3333-4333-8333-333333333333';
const I = '44444444-4444-4444-8444-444444444444';
const names = new Map([
  [P, 'Cats'],
  [Q, 'Dogs "and" co <b>'],
]);

function planOf(scope: CleanupScope, scopeNames?: CleanupPlan['scopeNames']): CleanupPlan {
  const counts = { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
  return {
    format: 'cv-steward-cleanup-plan',
    version: 1,
    planId: '0c7f3f57-3c1a-4d8e-9b1e-2f4a6b8c0d1e',
    createdAt: '2026-01-02T03:04:05.000Z',
    confirmText: 'Contoso',
    account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Contoso' },
    scope,
    scopeText: describeScope(scope, names, {
      ...(scopeNames?.tag ? { tags: new Map([[T, scopeNames.tag]]) } : {}),
      ...(scopeNames?.iteration ? { iterations: new Map([[I, scopeNames.iteration]]) } : {}),
    }),
    ...(scopeNames ? { scopeNames } : {}),
    projects: [...names].map(([id, name]) => ({ id, name, deleteProject: false, counts, modelExports: 0 })),
    counts,
    apiCalls: 0,
    steps: [],
  };
}

describe('the scope sentence in Traditional Chinese', () => {
  it('says every kind of scope in Chinese, with names quoted as data', () => {
    const zh = (scope: CleanupScope, scopeNames?: CleanupPlan['scopeNames']) => planScopeText(planOf(scope, scopeNames), 'zh-TW');
    expect(zh({ kind: 'all' })).toBe('帳戶中的所有內容：2 個專案及其所有資料');
    expect(zh({ kind: 'projects', projectIds: [P] })).toBe('專案 "Cats"及其所有資料');
    expect(zh({ kind: 'projects', projectIds: [P, Q] })).toBe('2 個專案及其所有資料：專案 "Cats"、專案 "Dogs \\"and\\" co <b>"');
    expect(zh({ kind: 'part', projectId: P, part: { kind: 'untaggedImages' } })).toBe('專案 "Cats"中未標記的影像');
    expect(zh({ kind: 'part', projectId: P, part: { kind: 'predictions' } })).toBe('專案 "Cats"中儲存的預測');
    expect(zh({ kind: 'part', projectId: P, part: { kind: 'imagesOlderThan', before: '2024-01-31T00:00:00.000Z' } })).toBe(
      '專案 "Cats"中建立時間早於 2024-01-31T00:00:00.000Z（UTC）的影像',
    );
    expect(zh({ kind: 'part', projectId: P, part: { kind: 'tag', tagId: T } }, { tag: 'Whiskers' })).toBe('專案 "Cats"的標籤 "Whiskers"（其影像保留）');
    expect(zh({ kind: 'part', projectId: P, part: { kind: 'taggedWith', tagId: T } }, { tag: '{{count}} $t(scope.all)' })).toBe(
      '專案 "Cats"中帶有標籤 "{{count}} $t(scope.all)"的影像',
    );
    expect(zh({ kind: 'part', projectId: P, part: { kind: 'iteration', iterationId: I } }, { iteration: 'Iteration 2' })).toBe(
      '專案 "Cats"的反覆項目 "Iteration 2"及其模型匯出',
    );
  });

  it('names a tag by its id when an older plan did not keep its name', () => {
    expect(planScopeText(planOf({ kind: 'part', projectId: P, part: { kind: 'tag', tagId: T } }), 'zh-TW')).toBe(`專案 "Cats"的標籤 ${T}（其影像保留）`);
  });

  it('keeps the plan file’s own English sentence for English', () => {
    const plan = planOf({ kind: 'part', projectId: Q, part: { kind: 'allImages' } });
    expect(planScopeText(plan, 'en')).toBe('All images of project "Dogs \\"and\\" co <b>"');
    expect(planScopeText(plan)).toBe(plan.scopeText);
  });
});
