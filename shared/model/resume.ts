/** Jobs a quit or crash interrupted, and cleanup plans saved in the data folder, as the page lists them. */
import { z } from 'zod';

/**
 * A job that was running when the app quit (or was killed), found on the next start.
 * Exports resume into the same bundle; a cleanup reopens its plan in the wizard, where the
 * user confirms again before anything more is deleted.
 */
export const InterruptedJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['export', 'cleanup']),
  accountName: z.string(),
  startedAt: z.string(),
  /** Where the export was going (shown, never sent back). */
  folderPath: z.string().optional(),
  planId: z.string().optional(),
  /** false when the account it belongs to is no longer saved: it can only be dismissed. */
  resumable: z.boolean(),
});
export type InterruptedJob = z.infer<typeof InterruptedJobSchema>;

/** A cleanup plan saved in the data folder, for the wizard's "saved plans" list. */
export const SavedPlanSchema = z.object({
  planId: z.string(),
  createdAt: z.string(),
  accountName: z.string(),
  /** 'planned': never run; 'incomplete': a run started and did not verify; 'done': receipt says everything verified. */
  state: z.enum(['planned', 'incomplete', 'done']),
  totalItems: z.number().int(),
  /** What the plan deletes, in the requested language: two plans of one account differ here. */
  scopeText: z.string(),
});
export type SavedPlan = z.infer<typeof SavedPlanSchema>;
