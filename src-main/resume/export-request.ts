/**
 * The part of an export request worth keeping for a resume: everything but the folder id,
 * which names a folder only for the process that handed it out.
 */
import type { Language } from '../../shared/model/preferences';
import type { ExportCategory } from '../../shared/model/bundle';
import type { ExportRequestRecord } from './interrupted-record';

export function exportRequestRecord(request: {
  projectIds?: string[] | undefined;
  categories: ExportCategory[];
  zip?: boolean | undefined;
  language?: Language | undefined;
}): ExportRequestRecord {
  return {
    ...(request.projectIds ? { projectIds: [...request.projectIds] } : {}),
    categories: [...request.categories],
    ...(request.zip === undefined ? {} : { zip: request.zip }),
    ...(request.language === undefined ? {} : { language: request.language }),
  };
}
