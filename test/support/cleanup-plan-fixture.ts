/**
 * A cleanup plan as tests need it: the fixed header every plan carries (format, account,
 * scope) with only the parts a test is about given by that test, so a change to the plan's
 * shape is made once here rather than in every file that builds one by hand.
 */
import type { CleanupPlan, CategoryCounts } from '../../shared/model/cleanup';

/** Counts of a plan that deletes nothing. */
export const NO_COUNTS: CategoryCounts = { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };

/** A plan over everything of the account "Acct" with no projects and no steps, changed by `parts`. */
export function planFixture(parts: Partial<CleanupPlan> = {}): CleanupPlan {
  const steps = parts.steps ?? [];
  return {
    format: 'cv-steward-cleanup-plan',
    version: 1,
    planId: 'plan-1',
    createdAt: '2025-01-01T00:00:00.000Z',
    confirmText: 'Acct',
    account: { endpointHost: 'contoso.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Acct' },
    scope: { kind: 'all' },
    scopeText: 'Everything',
    projects: [],
    counts: NO_COUNTS,
    apiCalls: steps.length,
    steps,
    ...parts,
  };
}
