/**
 * Writes API records to a .jsonl bundle file as the pages arrive: one page in memory at
 * a time, each record exactly as the API returned it, with a visitor that counts or
 * remembers ids on the way. Records files are cheap and always rewritten on resume.
 */
import type { BundleFileRecord } from './file-sink';
import { toJsonlLine } from './jsonl';
import type { ExportRun } from './export-run';

export const JSONL_MEDIA_TYPE = 'application/x-ndjson';

/** One visitor call per record; returning false leaves the record out (a repeat). */
export type RecordVisitor<T> = (record: T) => unknown;

/** Anything that can be walked page by page: a PagedList, or a CompleteListing over several walks. */
export interface PagedSource<T> {
  pages(): AsyncIterable<T[]>;
}

export function writeRecords<T>(run: ExportRun, path: string, lists: ReadonlyArray<PagedSource<T>>, visit: RecordVisitor<T>): Promise<BundleFileRecord> {
  async function* lines(): AsyncGenerator<string> {
    for (const list of lists) {
      for await (const page of list.pages()) {
        await run.ctx.checkpoint();
        let chunk = '';
        for (const record of page) {
          if (visit(record) === false) continue;
          chunk += toJsonlLine(record);
        }
        if (chunk !== '') yield chunk;
      }
    }
  }
  return run.writer.writeStream(path, lines(), { mediaType: JSONL_MEDIA_TYPE });
}
