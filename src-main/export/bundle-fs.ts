/**
 * The few file operations a bundle needs, behind an interface so tests can make a disk
 * that fills up or refuses writes at an exact byte (ENOSPC, EACCES) without a real full
 * disk. The real implementation is plain node:fs/promises.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
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
  /** Size and SHA-256 of a regular file's bytes as they are now, or undefined when there is none. */
  digest(path: string, signal?: AbortSignal): Promise<FileDigest | undefined>;
}

export interface FileDigest {
  bytes: number;
  sha256: string;
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
  async digest(path, signal) {
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      if (!(await stat(path)).isFile()) return undefined;
      for await (const chunk of createReadStream(path, signal ? { signal } : {}) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
      }
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return undefined;
      throw error;
    }
    return { bytes, sha256: hash.digest('hex') };
  },
};

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
