/**
 * "System check": proves, before a user trusts us with a large export, that this
 * computer can hold CV Steward's data — the app-data folder is writable with atomic
 * renames (what bundles rely on), the temp folder works, and there is free disk space.
 * It runs as an ordinary job so its progress travels the same path every later job uses.
 */
import { mkdir, readFile, rename, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { JobContext } from '../jobs';
import { AppError } from '../errors/app-error';

export const SYSTEM_CHECK_CATEGORIES = ['data-folder', 'temp-folder', 'disk-space'] as const;

/** Below this, a realistic export (hundreds of images) would likely fail part-way. */
const MIN_FREE_BYTES = 1024 ** 3;

export interface SystemCheckOptions {
  dataDir: string;
  tempDir?: string;
  minFreeBytes?: number;
}

export async function runSystemCheck(ctx: JobContext, options: SystemCheckOptions): Promise<string> {
  const checks: Array<[string, () => Promise<void>]> = [
    ['data-folder', () => checkWritableFolder(options.dataDir)],
    ['temp-folder', () => checkWritableFolder(options.tempDir ?? tmpdir())],
    ['disk-space', () => checkFreeSpace(ctx, options.dataDir, options.minFreeBytes ?? MIN_FREE_BYTES)],
  ];
  for (const [category] of checks) ctx.progress.setTotal(category, 1);
  let passed = 0;
  for (const [category, check] of checks) {
    await ctx.checkpoint();
    try {
      await check();
      ctx.progress.advance(category, { items: 1 });
      passed += 1;
    } catch (error) {
      ctx.progress.fail(category, error instanceof Error ? error.message : String(error));
    }
  }
  if (passed !== checks.length) {
    throw new AppError('CHECK_FAILED', `${checks.length - passed} of ${checks.length} checks failed; see the rows above.`);
  }
  return `All ${checks.length} checks passed.`;
}

/** Writes through a temp name and renames, exactly as bundle files are written. */
async function checkWritableFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    const token = randomBytes(16).toString('hex');
    const temp = join(folder, `.cv-steward-check-${token}.tmp`);
    const final = join(folder, `.cv-steward-check-${token}`);
    await writeFile(temp, token);
    await rename(temp, final);
    const readBack = await readFile(final, 'utf8');
    await rm(final, { force: true });
    if (readBack !== token) throw new Error('what was read back differs from what was written');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot write to ${folder}: ${reason}`, { cause: error });
  }
}

async function checkFreeSpace(ctx: JobContext, folder: string, minFreeBytes: number): Promise<void> {
  let stats: Awaited<ReturnType<typeof statfs>>;
  try {
    stats = await statfs(folder);
  } catch (error) {
    throw new Error(`Cannot read the free space of the disk that holds ${folder}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const total = stats.blocks * stats.bsize;
  const free = stats.bavail * stats.bsize;
  ctx.progress.setTotal('disk-space', 1, total);
  ctx.progress.advance('disk-space', { bytes: total - free });
  if (free < minFreeBytes) {
    throw new Error(`Only ${formatGiB(free)} free on the disk that holds ${folder}; at least ${formatGiB(minFreeBytes)} is needed.`);
  }
}

function formatGiB(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}
