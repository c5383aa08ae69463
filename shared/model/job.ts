/**
 * Jobs as the renderer sees them (docs/architecture.md, "Jobs"). The schemas are the single
 * source of truth: main validates every snapshot it emits against them, and the TypeScript
 * types are inferred, so the two sides cannot drift apart.
 */
import { z } from 'zod';
import { MainTextSchema } from './main-text';

export const JOB_STATES = ['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled'] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

/** States a job never leaves. */
export const TERMINAL_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

export const JobKindSchema = z.enum(['system-check', 'inventory', 'export', 'verify', 'cleanup-plan', 'cleanup-check', 'cleanup']);
export type JobKind = z.infer<typeof JobKindSchema>;

/** Progress of one data category inside a job, e.g. the images of an export. */
export const CategoryProgressSchema = z.object({
  category: z.string().min(1),
  done: z.number().int().nonnegative(),
  /** null while the total is still unknown (the bar is then indeterminate). */
  total: z.number().int().nonnegative().nullable(),
  bytesDone: z.number().nonnegative(),
  /** null when the size cannot be known in advance. */
  bytesTotal: z.number().nonnegative().nullable(),
  errors: z.number().int().nonnegative(),
  /** The latest error text for this category, shown next to its bar. */
  lastError: z.string().optional(),
  /** The same latest error as a catalogue code, for the reader's language (lastError is its English). */
  lastErrorText: MainTextSchema.optional(),
});
export type CategoryProgress = z.infer<typeof CategoryProgressSchema>;

export const JobErrorSchema = z.object({ code: z.string(), message: z.string() });
export type JobError = z.infer<typeof JobErrorSchema>;

export const JobSnapshotSchema = z.object({
  id: z.string().min(1),
  kind: JobKindSchema,
  /** Human-readable title chosen by the service that started the job. */
  title: z.string(),
  /** The title as a catalogue code, for the reader's language (`title` is its English). */
  titleText: MainTextSchema.optional(),
  state: JobStateSchema,
  categories: z.array(CategoryProgressSchema),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  error: JobErrorSchema.optional(),
  /** Short, non-secret outcome text (e.g. "All checks passed"). */
  summary: z.string().optional(),
  /** The summary as a catalogue code, for the reader's language (`summary` is its English). */
  summaryText: MainTextSchema.optional(),
});
export type JobSnapshot = z.infer<typeof JobSnapshotSchema>;
