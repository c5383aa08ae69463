/**
 * "Back up now" exports what the plan deletes: everything for a project that goes
 * entirely, otherwise just the kinds of data its steps remove (plus the project record,
 * so the bundle says what the data belonged to).
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import type { CategoryCounts, CleanupPlan } from '../../../shared/model/cleanup';
import { backupCategories } from '../../../src-main/application/cleanup-wiring';

const NONE: CategoryCounts = { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };

function plan(counts: Partial<CategoryCounts>, deleteProject = false): CleanupPlan {
  const all = { ...NONE, ...counts };
  return {
    format: 'cv-steward-cleanup-plan',
    version: 1,
    planId: '00000000-0000-4000-8000-000000000001',
    createdAt: '2025-01-01T00:00:00.000Z',
    confirmText: 'contoso',
    account: { endpointHost: 'contoso.example', keyFingerprint: '1a2b3c4d', displayName: 'contoso' },
    scope: deleteProject ? { kind: 'projects', projectIds: ['p-1'] } : { kind: 'part', projectId: 'p-1', part: { kind: 'predictions' } },
    scopeText: 'test',
    projects: [{ id: 'p-1', name: 'P', deleteProject, counts: all, modelExports: 0 }],
    counts: all,
    apiCalls: 1,
    steps: [],
  };
}

describe('what "back up now" exports', () => {
  it('everything when a whole project goes', () => {
    expect(backupCategories(plan({ projects: 1, images: 3 }, true))).toEqual([...EXPORT_CATEGORIES]);
  });

  it('only the stored predictions (and the project record) for a predictions cleanup', () => {
    expect(backupCategories(plan({ predictions: 5 }))).toEqual(['projects', 'predictions']);
  });

  it('images with their tags for an image cleanup', () => {
    expect(backupCategories(plan({ images: 40 }))).toEqual(['projects', 'tags', 'images']);
  });

  it('an iteration with its performance, models and the images only it holds', () => {
    expect(backupCategories(plan({ iterations: 1, publishedIterations: 1 }))).toEqual(['projects', 'iterations', 'performance', 'tags', 'images', 'models']);
  });
});
