/** Export bundles as the renderer sees them (docs/bundle-format.md). */
import { z } from 'zod';

export const EXPORT_CATEGORIES = ['projects', 'iterations', 'performance', 'tags', 'images', 'models', 'predictions'] as const;
export const ExportCategorySchema = z.enum(EXPORT_CATEGORIES);
export type ExportCategory = z.infer<typeof ExportCategorySchema>;

/**
 * The progress category of an export's re-check of the files a bundle already holds
 * (each by size and SHA-256) before it continues: shown first, and not counted as
 * exported items (the files it checks are counted under their own kind of data).
 */
export const SAVED_FILES_CATEGORY = 'saved-files';

export const VerifyReportSchema = z.object({
  folder: z.string(),
  checkedFiles: z.number().int().nonnegative(),
  checkedBytes: z.number().nonnegative(),
  missing: z.array(z.string()),
  extra: z.array(z.string()),
  truncated: z.array(z.string()),
  altered: z.array(z.string()),
  /** Manifest problems (unreadable, wrong format, status partial…). */
  problems: z.array(z.string()),
  ok: z.boolean(),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

/** A folder main chose through its own dialog; the renderer refers to it by id only. */
export const ChosenFolderSchema = z.object({ folderId: z.string(), displayPath: z.string() });
export type ChosenFolder = z.infer<typeof ChosenFolderSchema>;
