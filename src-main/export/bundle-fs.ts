/**
 * The few file operations a bundle needs, behind an interface so tests can make a disk
 * that fills up or refuses writes at an exact byte (ENOSPC, EACCES) without a real full
 * disk. The real implementation is plain node:fs/promises.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';

export interface WritableFile {
  /** Writes all of `data` (looping over short writes). */
  write(data: Uint8Array): Promise<void>;
  /** Flushes to the disk (fsync), so a rename after it never exposes missing bytes. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface BundleFs {
  /** `create` fails if the file exists (tmp names are random); `append` creates or appends. */
  openFile(path: string, mode: 'create' | 'append'): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  mkdirp(path: string): Promise<void>;
  /** Removes a file or folder, quietly if it is not there. */
  remove(path: string): Promise<void>;
  /** Size of a regular file, or undefined when there is none. */
  fileSize(path: string): Promise<number | undefined>;
}

export const nodeBundleFs: BundleFs = {
  async openFile(path, mode) {
    const handle = await open(path, mode === 'create' ? 'wx' : 'a');
    return {
      async write(data) {
        let offset = 0;
        while (offset < data.byteLength) {
          const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  mkdirp: async (path) => {
    await mkdir(path, { recursive: true });
  },
  remove: (path) => rm(path, { recursive: true, force: true }),
  async fileSize(path) {
    try {
      const info = await stat(path);
      return info.isFile() ? info.size : undefined;
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  },
};

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
