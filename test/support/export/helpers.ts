/** Temp folders and a disk that fails on cue, for the bundle writer and journal tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBundleFs, type BundleFs } from '../../../src-main/export/bundle-fs';

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-bundle-unit-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function errnoError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated`);
  error.code = code;
  return error;
}

/**
 * The real disk, except that once `budget` bytes have been written through openFile the
 * next write fails with `code` (ENOSPC: a full disk; EACCES: permission taken away).
 */
export function failingFs(budget: number, code = 'ENOSPC'): BundleFs & { written: () => number } {
  let written = 0;
  return {
    ...nodeBundleFs,
    written: () => written,
    async openFile(path, mode) {
      const file = await nodeBundleFs.openFile(path, mode);
      return {
        ...file,
        async write(data) {
          if (written + data.byteLength > budget) throw errnoError(code);
          written += data.byteLength;
          await file.write(data);
        },
      };
    },
  };
}
