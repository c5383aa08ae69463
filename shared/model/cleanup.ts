/**
 * Cleanup plans (docs/architecture.md, "Cleanup"): what the planner produces, what the gate checks,
 * what the executor runs and what the receipt reports. Shared by main (which builds,
 * saves and runs plans) and the renderer (which shows their summaries); zod schemas so
 * a plan file read back from disk, and every IPC payload, is validated.
 */
import { z } from 'zod';
import { MainTextSchema } from './main-text';

/** What a cleanup deletes, in the order the API requires (and progress bars are shown). */
export const CLEANUP_CATEGORIES = ['iterations', 'images', 'predictions', 'tags', 'projects'] as const;
export const CleanupCategorySchema = z.enum(CLEANUP_CATEGORIES);
export type CleanupCategory = z.infer<typeof CleanupCategorySchema>;

/**
 * One category inside one project. `tag` deletes the tag itself (DeleteTag: images stay,
 * they lose that tag); `taggedWith` deletes the images that carry the tag.
 */
export const ProjectPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('untaggedImages') }),
  z.object({ kind: z.literal('allImages') }),
  /** Images whose `created` is strictly before this instant (ISO 8601). */
  z.object({ kind: z.literal('imagesOlderThan'), before: z.string() }),
  z.object({ kind: z.literal('taggedWith'), tagId: z.string() }),
  z.object({ kind: z.literal('tag'), tagId: z.string() }),
  z.object({ kind: z.literal('iteration'), iterationId: z.string() }),
  z.object({ kind: z.literal('predictions') }),
]);
export type ProjectPart = z.infer<typeof ProjectPartSchema>;

export const CleanupScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('projects'), projectIds: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('part'), projectId: z.string(), part: ProjectPartSchema }),
]);
export type CleanupScope = z.infer<typeof CleanupScopeSchema>;

export const STEP_KINDS = ['unpublishIteration', 'deleteIteration', 'deleteImages', 'deletePredictions', 'deleteTag', 'deleteProject'] as const;
export const StepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof StepKindSchema>;

/**
 * One API call of the plan, with its exact targets (lower-case GUIDs from the id
 * snapshot). deleteImages: 1–256 image ids, always with allIterations=true.
 * deletePredictions: 1–64 prediction ids. The others: exactly one id (the iteration,
 * tag or project; for deleteProject it equals projectId).
 */
export const PlanStepSchema = z.object({
  /** Position in plan.steps (0-based); the journal refers to steps by it. */
  index: z.number().int().nonnegative(),
  kind: StepKindSchema,
  projectId: z.string(),
  category: CleanupCategorySchema,
  targetIds: z.array(z.string()).min(1),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const CategoryCountsSchema = z.object({
  projects: z.number().int().nonnegative(),
  iterations: z.number().int().nonnegative(),
  /** Of those iterations, how many are published (unpublished first). */
  publishedIterations: z.number().int().nonnegative(),
  images: z.number().int().nonnegative(),
  /** Of those images, how many live only inside trained iterations. */
  imagesOnlyInIterations: z.number().int().nonnegative(),
  predictions: z.number().int().nonnegative(),
  tags: z.number().int().nonnegative(),
});
export type CategoryCounts = z.infer<typeof CategoryCountsSchema>;

/**
 * What the plan's deletions take along without a step naming it (the API deletes it with
 * its iteration or project): the backup must hold it too, and the review says it.
 */
export const ImplicitLossSchema = z.object({
  /** Images that live only in iterations the plan deletes (in neither the workspace nor an iteration that stays): DeleteIteration takes them along. */
  imageIds: z.array(z.string()),
  /** Model exports of the iterations the plan deletes (GetExports); `file`: a finished export, whose file can be (and must be) backed up. */
  models: z.array(z.object({ iterationId: z.string(), platform: z.string(), flavor: z.string().nullable(), file: z.boolean() })),
  /** Trained iterations the plan deletes: their performance (summary and per image) goes with them. */
  performance: z.array(z.string()),
});
export type ImplicitLoss = z.infer<typeof ImplicitLossSchema>;

export const PlanProjectSchema = z.object({
  id: z.string(),
  /** As the API returned it: data, never a path; shown escaped. */
  name: z.string(),
  /** True when the whole project goes (scope all/projects). */
  deleteProject: z.boolean(),
  counts: CategoryCountsSchema,
  /** Model exports (GetExports) that vanish with their iterations: platform names, for "what will be lost". */
  modelExports: z.number().int().nonnegative(),
  /** What goes along with the deleted iterations or project (absent in plans made before it existed). */
  implicit: ImplicitLossSchema.optional(),
});
export type PlanProject = z.infer<typeof PlanProjectSchema>;

export const PlanAccountSchema = z.object({
  endpointHost: z.string(),
  keyFingerprint: z.string(),
  displayName: z.string(),
});
export type PlanAccount = z.infer<typeof PlanAccountSchema>;

export const CLEANUP_PLAN_FORMAT = 'cv-steward-cleanup-plan';

export const CleanupPlanSchema = z.object({
  format: z.literal(CLEANUP_PLAN_FORMAT),
  version: z.literal(1),
  planId: z.string(),
  createdAt: z.string(),
  /** The exact text the user must type to run the plan: the account's display name. */
  confirmText: z.string().min(1),
  account: PlanAccountSchema,
  scope: CleanupScopeSchema,
  /** The scope in words, e.g. `Untagged images of project "Cats"`. */
  scopeText: z.string(),
  /** The tag or iteration a one-project scope names, so the scope can be put in other languages (absent in older plans). */
  scopeNames: z.object({ tag: z.string().optional(), iteration: z.string().optional() }).optional(),
  projects: z.array(PlanProjectSchema),
  counts: CategoryCountsSchema,
  /** Delete calls the steps make (= steps.length); polling and proof calls come on top. */
  apiCalls: z.number().int().nonnegative(),
  steps: z.array(PlanStepSchema),
  /**
   * HMAC of the plan's contents with a secret of this installation (src-main/cleanup/plan-seal.ts),
   * `hmac-sha256:<key fingerprint>:<hex>`: a plan runs only if it is unchanged since it was made.
   */
  seal: z.string().optional(),
});
export type CleanupPlan = z.infer<typeof CleanupPlanSchema>;

/** What the renderer sees of a plan: everything but the id lists. */
export const PlanSummarySchema = CleanupPlanSchema.omit({ steps: true, seal: true }).extend({
  stepCount: z.number().int().nonnegative(),
  /** Where main saved the plan (shown, never sent back as a path to act on). */
  planPath: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/** An item of the plan that the bundle does not hold (or holds with wrong bytes). */
export const UncoveredItemSchema = z.object({
  category: CleanupCategorySchema,
  projectId: z.string(),
  id: z.string(),
  /**
   * For what a deletion takes along (the plan's `implicit`): an image that lives only in a
   * deleted iteration, a deleted iteration's model export (`detail`: its platform) or its
   * performance. Absent: the item a step names.
   */
  part: z.enum(['implicit-image', 'model', 'performance']).optional(),
  detail: z.string().optional(),
  /** Why: not in the bundle's records, file missing, file altered/truncated. */
  reason: z.enum(['missing-record', 'missing-file', 'altered-file']),
});
export type UncoveredItem = z.infer<typeof UncoveredItemSchema>;

export const CoverageReportSchema = z.object({
  bundleFolder: z.string(),
  /** The bundle's manifest status and when it was exported. */
  bundleStatus: z.string(),
  exportedAt: z.string().optional(),
  /** Files re-hashed for this check, and the verify problems found (by path). */
  checkedFiles: z.number().int().nonnegative(),
  verifyProblems: z.array(z.string()),
  /** Items of the plan covered per category. */
  covered: CategoryCountsSchema,
  /** How many items are not covered, and the first of them (capped for display). */
  uncoveredCount: z.number().int().nonnegative(),
  uncovered: z.array(UncoveredItemSchema),
  /** True only when verify found nothing wrong and every plan item is covered. */
  ok: z.boolean(),
  checkedAt: z.string(),
});
export type CoverageReport = z.infer<typeof CoverageReportSchema>;

/**
 * What one call did to its targets. `unverified`: the service answered in a way that
 * proves nothing (a 404 that does not name what is missing — a gateway, a proxy page): the
 * targets may or may not be gone, so the step is not finished and the proof reads again.
 * `dropped`: targets found outside the plan's scope when re-checked before the call (tagged
 * since an "untagged images" plan, …): left in place, never deleted.
 */
export const STEP_OUTCOMES = ['done', 'accepted', 'already-gone', 'failed', 'skipped', 'unverified', 'dropped'] as const;
export const StepOutcomeSchema = z.enum(STEP_OUTCOMES);
export type StepOutcome = z.infer<typeof StepOutcomeSchema>;

/** One HTTP call the executor made (journaled before moving on). */
export const CallRecordSchema = z.object({
  at: z.string(),
  step: z.number().int().nonnegative().optional(),
  operation: z.string(),
  projectId: z.string().optional(),
  targetIds: z.array(z.string()),
  /** HTTP status, or 0 when no answer came (network lost). */
  status: z.number().int().nonnegative(),
  requestId: z.string().optional(),
  outcome: StepOutcomeSchema.optional(),
  message: z.string().optional(),
  /** The message as catalogue codes (sentence parts), for the receipt's language; `message` is its English. */
  messageText: z.array(MainTextSchema).optional(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

/**
 * What the proof found for a step: gone (positive evidence: a 404 naming the item, a count
 * of 0, a lookup that returns none of the ids), still there, or could not verify (the
 * service's answer proves nothing either way: a gateway 404, a refused read).
 */
export const PROOF_RESULTS = ['gone', 'still-there', 'could-not-verify'] as const;
export const ProofResultSchema = z.enum(PROOF_RESULTS);
export type ProofResult = z.infer<typeof ProofResultSchema>;

export const VerificationSchema = z.object({
  category: CleanupCategorySchema,
  projectId: z.string(),
  /** What was checked, in words: "GetProject → 404", "untagged image count → 0". */
  check: z.string(),
  /** The check as a catalogue code, for the receipt's language (absent: `check` is an API call, the same in every language). */
  checkText: MainTextSchema.optional(),
  targetIds: z.array(z.string()),
  verified: z.boolean(),
  /** Absent in receipts written before it existed: read `verified` (true = gone, false = still there). */
  result: ProofResultSchema.optional(),
  detail: z.string().optional(),
  /** The detail as a catalogue code, for the receipt's language; `detail` is its English. */
  detailText: MainTextSchema.optional(),
  /** Further sentences of the detail (images left alone, what deleted iterations mean), each as a code: said after `detailText`. */
  detailNotes: z.array(MainTextSchema).optional(),
});
export type Verification = z.infer<typeof VerificationSchema>;

/** Per kind of data, the items the proof's checks covered and what they found (see proven-items.ts). */
export const ProvenItemsSchema = z.object({
  category: CleanupCategorySchema,
  /** Distinct items the checks of this kind covered. */
  items: z.number().int().nonnegative(),
  gone: z.number().int().nonnegative(),
  stillThere: z.number().int().nonnegative(),
  couldNotVerify: z.number().int().nonnegative(),
});
export type ProvenItems = z.infer<typeof ProvenItemsSchema>;

export const ReceiptSchema = z.object({
  format: z.literal('cv-steward-cleanup-receipt'),
  version: z.literal(1),
  /** The language of the receipt's texts (notDeletable, the HTML page); absent in receipts written before it existed, which are English. */
  language: z.string().optional(),
  planId: z.string(),
  account: PlanAccountSchema,
  scope: CleanupScopeSchema,
  scopeText: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The backup the run relied on, or the recorded waiver. */
  backup: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bundle'), folder: z.string(), exportedAt: z.string().optional(), checkedFiles: z.number().int().nonnegative(), checkedAt: z.string() }),
    z.object({ kind: z.literal('waived'), waivedAt: z.string() }),
  ]),
  counts: CategoryCountsSchema,
  calls: z.array(CallRecordSchema),
  verifications: z.array(VerificationSchema),
  /**
   * The proof counted in items per kind of data ("90 of 90 images proven gone"), worked out
   * from `verifications`, the checks behind it (absent in receipts written before it existed).
   */
  proven: z.array(ProvenItemsSchema).optional(),
  /** True when every step is verified. */
  complete: z.boolean(),
  /**
   * Targets of the plan left in place because, re-checked before deleting, they were no
   * longer in the plan's scope (absent in receipts written before it existed).
   */
  leftInPlace: z
    .array(
      z.object({
        projectId: z.string(),
        category: CleanupCategorySchema,
        id: z.string(),
        reason: z.string(),
        /** The reason as catalogue codes, for the receipt's language (absent in older receipts: `reason` is shown). */
        reasonText: z.array(MainTextSchema).optional(),
      }),
    )
    .optional(),
  /**
   * What the deleted iterations or projects took along, per project (the plan's `implicit`,
   * only projects where it is not empty), so the receipt says it without the plan at hand
   * (absent in receipts written before it existed).
   */
  implicit: z.array(ImplicitLossSchema.extend({ projectId: z.string() })).optional(),
  /** What the Training API cannot delete, with where to do it instead. */
  notDeletable: z.array(z.object({ what: z.string(), how: z.string(), url: z.string().optional() })),
});
export type Receipt = z.infer<typeof ReceiptSchema>;
