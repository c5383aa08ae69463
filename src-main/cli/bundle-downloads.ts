/**
 * How much of a bundle this run fetched, and how much an earlier run had already saved:
 * read from the bundle's journal (docs/bundle-format.md, "Resume"), whose entries carry
 * the time each file was finished. Only downloaded files count (image, prediction and
 * model bytes); records files are rewritten on every run by design.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { JOURNAL_PATH } from '../export';

export interface DownloadTally {
  files: number;
  bytes: number;
}

export interface BundleDownloads {
  /** Finished during this run. */
  downloaded: DownloadTally;
  /** Already in the bundle from an earlier run, and not fetched again. */
  reused: DownloadTally;
}

const DOWNLOADED = /^projects\/[^/]+\/(?:images\/files\/|predictions\/files\/|iterations\/[^/]+\/models\/)/;

export async function countDownloads(folder: string, since: Date): Promise<BundleDownloads> {
  const latest = new Map<string, { bytes: number; at: number } | null>();
  const input = createReadStream(join(folder, JOURNAL_PATH), { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      const entry = parse(line);
      if (!entry || !DOWNLOADED.test(entry.path)) continue;
      latest.set(entry.path, entry.removed ? null : { bytes: entry.bytes, at: entry.at });
    }
  } catch (error) {
    // No journal: nothing was saved (yet).
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  const result: BundleDownloads = { downloaded: { files: 0, bytes: 0 }, reused: { files: 0, bytes: 0 } };
  for (const entry of latest.values()) {
    if (!entry) continue;
    const tally = entry.at >= since.getTime() ? result.downloaded : result.reused;
    tally.files += 1;
    tally.bytes += entry.bytes;
  }
  return result;
}

function parse(line: string): { path: string; bytes: number; at: number; removed: boolean } | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return undefined;
    const { path, bytes, at, removed } = value as Record<string, unknown>;
    if (typeof path !== 'string') return undefined;
    if (removed === true) return { path, bytes: 0, at: 0, removed: true };
    const time = typeof at === 'string' ? Date.parse(at) : NaN;
    if (typeof bytes !== 'number' || Number.isNaN(time)) return undefined;
    return { path, bytes, at: time, removed: false };
  } catch {
    // A torn last line from a kill: the engine drops it too.
    return undefined;
  }
}
