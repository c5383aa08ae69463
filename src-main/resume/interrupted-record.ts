/**
 * What is written to disk when an export or a cleanup run starts, so that after a quit,
 * crash or kill -9 the next start knows the job was interrupted and how to take it up
 * again. Never the key: an account is named by its id (the keychain entry's
 * name) and its display name, a bundle by the folder main itself chose.
 */
import { z } from 'zod';
import { ExportCategorySchema } from '../../shared/model/bundle';
import { PlanIdSchema } from '../../shared/ipc/contract';
import { LanguageSchema } from '../../shared/model/preferences';

export const INTERRUPTED_RECORD_FORMAT = 'cv-steward-running-job';

/** Record ids are made here (randomUUID), so a file name can be checked before it is used as one. */
export const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The export request as the page sent it, minus the folder id (ids do not outlive the process). */
export const ExportRequestRecordSchema = z.object({
  projectIds: z.array(z.string()).optional(),
  categories: z.array(ExportCategorySchema).min(1),
  zip: z.boolean().optional(),
  language: LanguageSchema.optional(),
});
export type ExportRequestRecord = z.infer<typeof ExportRequestRecordSchema>;

const Common = {
  format: z.literal(INTERRUPTED_RECORD_FORMAT),
  version: z.literal(1),
  id: z.string().regex(RECORD_ID),
  startedAt: z.string(),
  accountId: z.string().min(1),
  accountName: z.string(),
};

export const InterruptedRecordSchema = z.discriminatedUnion('kind', [
  z.object({ ...Common, kind: z.literal('export'), folderPath: z.string().min(1), request: ExportRequestRecordSchema }),
  z.object({ ...Common, kind: z.literal('cleanup'), planId: PlanIdSchema, backup: z.enum(['bundle', 'waived']) }),
]);
export type InterruptedRecord = z.infer<typeof InterruptedRecordSchema>;

/** What the wiring tells the registry when a job starts; the registry adds the rest. */
export type ExportStartInfo = { accountId: string; accountName: string; folderPath: string; request: ExportRequestRecord };
export type CleanupStartInfo = { accountId: string; accountName: string; planId: string; backup: 'bundle' | 'waived' };
