/**
 * The manifest without its file list. manifestChunks writes every other field first and
 * `"files": [` last, so the head is everything before that marker: the viewer, which
 * needs only the status, counts and projects, reads a few KB instead of parsing a
 * 100 000-entry list (tens of MB of objects at the very end of an export, the moment
 * the export's memory peaks). A manifest laid out differently is parsed whole.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

const FILES_MARKER = ',\n  "files": [';
/** A head larger than this is not ours: fall back to a full parse. */
const MAX_HEAD_CHARS = 16 << 20;

/** The manifest's JSON with `files` left out; undefined if absent; throws SyntaxError if unreadable JSON. */
export async function readManifestHead(path: string): Promise<Record<string, unknown> | undefined> {
  let text = '';
  let found = -1;
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      // Re-scan a marker's length back: it may straddle two chunks.
      const from = Math.max(0, text.length - FILES_MARKER.length);
      text += String(chunk);
      found = text.indexOf(FILES_MARKER, from);
      if (found !== -1 || text.length > MAX_HEAD_CHARS) break;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const value: unknown = found === -1 ? JSON.parse(await readFile(path, 'utf8')) : JSON.parse(`${text.slice(0, found)}\n}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { files: _files, ...head } = value as Record<string, unknown>;
  return head;
}
