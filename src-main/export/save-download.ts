/**
 * Saves one file the service links to (an image, a stored prediction's image, a model
 * export) into the bundle. The temp file is opened first and the download started only
 * then (BundleWriter's FileSource), so an error at any moment of the transfer — before
 * the first byte, mid-body, a truncated body — fails this one attempt cleanly and the
 * download pool retries it; nothing half-written is ever journaled.
 *
 * The link is a storage URL, or — for a resource behind a private network — a relative
 * path the client fetches with GetArtifact. Each kind of file has a size cap well above
 * what the service accepts, so a broken server cannot fill the disk with one "image".
 */
import { FILE_CAPS } from '../customvision';
import type { BundleFileRecord } from './file-sink';
import type { ExportRun } from './export-run';

/** What is being fetched: decides the operation name in errors and the size cap. */
export type DownloadKind = 'image' | 'prediction' | 'model';

const OPERATION: Record<DownloadKind, string> = {
  image: 'DownloadImage',
  prediction: 'DownloadPrediction',
  model: 'DownloadModel',
};

export interface SaveTarget {
  /** Path below the bundle root; with `sniff`, a stem that gets the extension of the bytes. */
  path: string;
  sniff?: boolean;
  /** Recorded media type when not sniffed. */
  mediaType?: string;
}

export function saveDownload(run: ExportRun, projectId: string, uri: string, kind: DownloadKind, target: SaveTarget): Promise<BundleFileRecord> {
  const open = async () => (await run.client.download(projectId, uri, { signal: run.ctx.signal, operation: OPERATION[kind], ...FILE_CAPS[kind] })).stream;
  return run.writer.writeStream(target.path, open, target.sniff ? { mediaTypeFromBytes: true } : { mediaType: target.mediaType ?? 'application/octet-stream' });
}
