/**
 * What the proof found per kind of data, counted in items rather than checks: one check
 * can cover 90 images, so "1 of 1" checks reads as one image. Each item takes the result
 * of the check that covered it; an item two checks covered (an iteration unpublished,
 * then deleted) is counted once, with the least reassuring of their results, so nothing
 * is counted gone that a check did not prove gone.
 */
import { CLEANUP_CATEGORIES, type CleanupCategory, type ProofResult, type ProvenItems, type Verification } from './cleanup';

export type { ProvenItems };

/** What a check found. Receipts written before `result` existed only say verified or not. */
export function proofResultOf(verification: Verification): ProofResult {
  return verification.result ?? (verification.verified ? 'gone' : 'still-there');
}

/** Higher wins when two checks covered one item: doubt over certainty, "still there" over "could not verify". */
const WEIGHT: Readonly<Record<ProofResult, number>> = { gone: 0, 'could-not-verify': 1, 'still-there': 2 };

/** Per kind of data (in the plan's category order), only the kinds some check covered. */
export function provenItems(verifications: readonly Verification[]): ProvenItems[] {
  const byCategory = new Map<CleanupCategory, Map<string, ProofResult>>();
  for (const verification of verifications) {
    const result = proofResultOf(verification);
    const items = byCategory.get(verification.category) ?? new Map<string, ProofResult>();
    byCategory.set(verification.category, items);
    for (const id of verification.targetIds) {
      // Ids are the service's, unique per project; the project keeps two projects' ids apart all the same.
      const key = `${verification.projectId}/${id.toLowerCase()}`;
      const seen = items.get(key);
      if (seen === undefined || WEIGHT[result] > WEIGHT[seen]) items.set(key, result);
    }
  }
  return CLEANUP_CATEGORIES.flatMap((category) => {
    const items = byCategory.get(category);
    if (!items || items.size === 0) return [];
    const results = [...items.values()];
    const count = (wanted: ProofResult) => results.filter((result) => result === wanted).length;
    return [{ category, items: items.size, gone: count('gone'), stillThere: count('still-there'), couldNotVerify: count('could-not-verify') }];
  });
}
