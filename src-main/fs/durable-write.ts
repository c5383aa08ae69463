/**
 * Writing a small file so that a crash, kill or power cut leaves the old content or the
 * new, never half of it: a sibling temp file is written and fsynced, renamed over the
 * target, and the folder is fsynced so the rename itself survives. Used for cleanup plans,
 * receipts and running-job records — the files whose loss or corruption would lose a
 * user's place in a deletion or an export.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Replaces `path` with `text` atomically and durably. The temp file never survives a failure. */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  // Dot-prefixed and .tmp-suffixed: readers of a folder skip (or clear) such leftovers.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes a rename or delete in `folder` durable; folders cannot be opened for that on Windows. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort: the file's own bytes were already flushed before the rename.
  } finally {
    await handle?.close();
  }
}
