/** Words for the cleanup wizard: step titles, kinds of data, reasons an item is not covered, proof results, the waiver. */
import type { CategoryCounts, PlanSummary, ProofResult, UncoveredItem } from '../../shared/model/cleanup';
import { i18n } from '../i18n';
import { takenAlongTotal, type ProofHeadline } from '../lib/cleanup-evidence';
import { formatConjunction, formatCount, joinList } from '../lib/format';
import type { CleanupStep } from '../store';

export function stepTitle(step: CleanupStep): string {
  return i18n.t(`cleanup.steps.${step}`);
}

export function uncoveredReason(reason: UncoveredItem['reason']): string {
  return i18n.t(`cleanup.uncovered.${reason}`);
}

/** "3 projects, 300 images, 5 tags": the non-zero counts, in deletion order. */
export function countsText(counts: CategoryCounts): string {
  const parts = [
    counts.projects > 0 ? i18n.t('counts.projects', { count: counts.projects }) : '',
    counts.iterations > 0 ? i18n.t('counts.iterations', { count: counts.iterations }) : '',
    counts.images > 0 ? i18n.t('counts.images', { count: counts.images }) : '',
    counts.predictions > 0 ? i18n.t('counts.predictions', { count: counts.predictions }) : '',
    counts.tags > 0 ? i18n.t('counts.tags', { count: counts.tags }) : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? i18n.t('counts.nothing') : joinList(parts);
}

/** "Gone", "Still there", "Could not verify". */
export function proofResultLabel(result: ProofResult): string {
  return i18n.t(`cleanup.proof.results.${result}`);
}

/**
 * The proof step's headline: everything verified gone (and what was left in place), or how
 * many checks found their items still there, could not verify them, or both.
 */
export function proofHeadlineText(headline: ProofHeadline): string {
  switch (headline.kind) {
    case 'complete':
      return headline.leftInPlace > 0 ? i18n.t('cleanup.proof.completeLeftInPlace', { count: headline.leftInPlace }) : i18n.t('cleanup.proof.complete');
    case 'still-there':
      return i18n.t('cleanup.proof.headline.stillThere', { count: headline.count });
    case 'could-not-verify':
      return i18n.t('cleanup.proof.headline.couldNotVerify', { count: headline.count });
    case 'both':
      return i18n.t('cleanup.proof.headline.both', {
        count: headline.items,
        stillThere: formatCount(headline.stillThere),
        couldNotVerify: formatCount(headline.couldNotVerify),
      });
    case 'unchecked':
      return i18n.t('cleanup.proof.headline.unchecked');
  }
}

/**
 * The waiver's words. When the plan takes things along (images kept only by the deleted
 * iterations, their models, their performance), ticking the box gives those up too, so it
 * says so: only the parts that apply, with their counts.
 */
export function waiverText(plan: PlanSummary | null): string {
  const taken = takenAlongTotal(plan?.projects ?? []);
  const parts = [
    taken.images > 0 ? i18n.t('cleanup.backup.waiveParts.images', { count: taken.images }) : '',
    taken.models > 0 ? i18n.t('cleanup.backup.waiveParts.models', { count: taken.models }) : '',
    taken.performance > 0 ? i18n.t('cleanup.backup.waiveParts.performance', { count: taken.performance }) : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? i18n.t('cleanup.backup.waive') : i18n.t('cleanup.backup.waiveTakenAlong', { parts: formatConjunction(parts) });
}
