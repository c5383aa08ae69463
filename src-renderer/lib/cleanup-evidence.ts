/**
 * What a cleanup's plan and receipt say beyond their counts, worked out once for the
 * wizard's steps: what the deletions take along without a step naming it (the plan's
 * `implicit`), and what the proof found for each check (gone, still there, or could not
 * verify). No words here: the components put these in the user's language.
 */
import type { ImplicitLoss, PlanProject, ProofResult, Receipt, Verification } from '../../shared/model/cleanup';
import { provenItems } from '../../shared/model/proven-items';

/** What a check found. Receipts written before `result` existed only say verified or not. */
export function proofResult(verification: Verification): ProofResult {
  return verification.result ?? (verification.verified ? 'gone' : 'still-there');
}

export type ResultCounts = Record<ProofResult, number>;

export function countResults(verifications: readonly Verification[]): ResultCounts {
  const counts: ResultCounts = { gone: 0, 'still-there': 0, 'could-not-verify': 0 };
  for (const verification of verifications) counts[proofResult(verification)] += 1;
  return counts;
}

/**
 * The proof step's headline, in items (one check can cover 90 images). An item the service
 * may or may not have deleted is never reported as one it kept, nor as gone: "could not
 * verify" has its own words.
 * `unchecked`: the receipt is incomplete though no check failed (a step had no check).
 */
export type ProofHeadline =
  | { kind: 'complete'; leftInPlace: number }
  | { kind: 'still-there'; count: number }
  | { kind: 'could-not-verify'; count: number }
  | { kind: 'both'; stillThere: number; couldNotVerify: number; items: number }
  | { kind: 'unchecked' };

export function proofHeadline(receipt: Receipt): ProofHeadline {
  // Receipts written before `proven` existed get it worked out from their checks, the same way.
  const kinds = receipt.proven ?? provenItems(receipt.verifications);
  const sum = (pick: (kind: (typeof kinds)[number]) => number) => kinds.reduce((total, kind) => total + pick(kind), 0);
  const stillThere = sum((kind) => kind.stillThere);
  const couldNotVerify = sum((kind) => kind.couldNotVerify);
  if (stillThere > 0 && couldNotVerify > 0) return { kind: 'both', stillThere, couldNotVerify, items: sum((kind) => kind.items) };
  if (stillThere > 0) return { kind: 'still-there', count: stillThere };
  if (couldNotVerify > 0) return { kind: 'could-not-verify', count: couldNotVerify };
  return receipt.complete ? { kind: 'complete', leftInPlace: receipt.leftInPlace?.length ?? 0 } : { kind: 'unchecked' };
}

/** Checks in the order the page lists them: what still needs the user first. */
export function checksByResult(verifications: readonly Verification[]): Record<ProofResult, Verification[]> {
  const groups: Record<ProofResult, Verification[]> = { 'still-there': [], 'could-not-verify': [], gone: [] };
  for (const verification of verifications) groups[proofResult(verification)].push(verification);
  return groups;
}

export interface TakenAlong {
  images: number;
  models: number;
  performance: number;
}

const NOTHING: ImplicitLoss = { imageIds: [], models: [], performance: [] };

export function takenAlongOf(project: PlanProject): TakenAlong {
  const implicit = project.implicit ?? NOTHING;
  return { images: implicit.imageIds.length, models: implicit.models.length, performance: implicit.performance.length };
}

export function takesAlong(taken: TakenAlong): boolean {
  return taken.images + taken.models + taken.performance > 0;
}

/** Over the whole plan: what the waiver gives up on top of the plan's own items. */
export function takenAlongTotal(projects: readonly PlanProject[]): TakenAlong {
  return projects.map(takenAlongOf).reduce((sum, one) => ({ images: sum.images + one.images, models: sum.models + one.models, performance: sum.performance + one.performance }), {
    images: 0,
    models: 0,
    performance: 0,
  });
}

/** A model's name as the service gives it (data, shown as is): platform, then flavor when there is one. */
export function modelName(model: { platform: string; flavor: string | null }): string {
  return model.flavor === null ? model.platform : `${model.platform} ${model.flavor}`;
}

/** The different model names a project's deleted iterations take along, in plan order. */
export function modelNames(project: PlanProject): string[] {
  return [...new Set((project.implicit?.models ?? []).map(modelName))];
}

/** How many different iterations the project's taken-along models belong to ("its iteration" or "their iterations"). */
export function modelIterations(project: PlanProject): number {
  return new Set((project.implicit?.models ?? []).map((model) => model.iterationId)).size;
}
