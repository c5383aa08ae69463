/**
 * The inventory: every kind of data the service holds (the rows of README.md's first
 * table), counted without downloading image bytes. Built up while a scan job runs and
 * pushed to the renderer.
 */
import { z } from 'zod';
import { MainTextSchema } from './main-text';

export const INVENTORY_CATEGORIES = [
  'account',
  'projects',
  'iterations',
  'performance',
  'tags',
  'images',
  'models',
  'predictions',
] as const;
export const InventoryCategorySchema = z.enum(INVENTORY_CATEGORIES);
export type InventoryCategory = z.infer<typeof InventoryCategorySchema>;

export const ScanProblemSchema = z.object({
  category: InventoryCategorySchema,
  projectId: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export type ScanProblem = z.infer<typeof ScanProblemSchema>;

export const CategoryRowSchema = z.object({
  category: InventoryCategorySchema,
  /** Items found so far (null before the category was reached). */
  count: z.number().int().nonnegative().nullable(),
  /** Rough size in bytes where it can be estimated without downloading; else null. */
  bytesEstimate: z.number().nonnegative().nullable(),
  /** How bytesEstimate was reached ("≈ 469 KB per image"), shown next to it as an estimate. */
  bytesBasis: z.string().optional(),
  /** The same basis as a catalogue code, for the reader's language (bytesBasis is its English). */
  bytesBasisText: MainTextSchema.optional(),
  /** Scan progress of this row: units done / total (projects visited, usually). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  state: z.enum(['waiting', 'scanning', 'done', 'failed']),
  problems: z.array(ScanProblemSchema),
});
export type CategoryRow = z.infer<typeof CategoryRowSchema>;

export const ProjectCountsSchema = z.object({
  iterations: z.number().int().nonnegative().nullable(),
  trainedIterations: z.number().int().nonnegative().nullable(),
  publishedIterations: z.number().int().nonnegative().nullable(),
  /** Trained iterations that have a performance record. */
  performance: z.number().int().nonnegative().nullable(),
  /** Per-image results inside those performance records (GetImagePerformanceCount). */
  imagePerformances: z.number().int().nonnegative().nullable().optional(),
  tags: z.number().int().nonnegative().nullable(),
  taggedImages: z.number().int().nonnegative().nullable(),
  untaggedImages: z.number().int().nonnegative().nullable(),
  /** Images no longer in the workspace that survive inside trained iterations. */
  imagesOnlyInIterations: z.number().int().nonnegative().nullable(),
  models: z.number().int().nonnegative().nullable(),
  predictions: z.number().int().nonnegative().nullable(),
});
export type ProjectCounts = z.infer<typeof ProjectCountsSchema>;

export const ProjectRowSchema = z.object({
  id: z.string(),
  /** As the API returned it: data, never a path; the UI shows it as text. */
  name: z.string(),
  kind: z.string().nullable(),
  /** The kind as a catalogue code (the domain's name as a parameter), for the reader's language. */
  kindText: MainTextSchema.optional(),
  counts: ProjectCountsSchema,
  /** Iterations with status, publish name and training time. */
  iterations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      publishName: z.string().nullable(),
      trainedAt: z.string().nullable(),
      /** Images in this iteration's copy (tagged + untagged counts); absent until counted. */
      imageCount: z.number().int().nonnegative().nullable().optional(),
    }),
  ),
  /** Tags with type and image count (first 1 000; `tagsTruncated` says when there were more). */
  tags: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), imageCount: z.number().nullable() })),
  tagsTruncated: z.boolean(),
  models: z.array(z.object({ iterationId: z.string(), platform: z.string(), flavor: z.string().nullable(), status: z.string() })),
  problems: z.array(ScanProblemSchema),
});
export type ProjectRow = z.infer<typeof ProjectRowSchema>;

export const InventorySnapshotSchema = z.object({
  accountId: z.string(),
  state: z.enum(['scanning', 'done', 'partial', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  account: z.object({
    displayName: z.string(),
    endpointHost: z.string(),
    resourceName: z.string().nullable(),
    region: z.string().nullable(),
    keyFingerprint: z.string(),
    /** Per-tier limits from Microsoft's "Limits and quotas" page (the API has no quota call). */
    quotas: z.array(z.object({ what: z.string(), whatText: MainTextSchema.optional(), free: z.string(), standard: z.string() })),
  }),
  categories: z.array(CategoryRowSchema),
  projects: z.array(ProjectRowSchema),
});
export type InventorySnapshot = z.infer<typeof InventorySnapshotSchema>;
