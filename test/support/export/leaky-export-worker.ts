/**
 * The real export worker, plus a leak that starts once the bundle's journal lists 20 image
 * files, and only under a first heap cap of 32 MB or less. It makes "the worker ran out of
 * heap part-way through" happen at the same point on any machine, however busy: a plain
 * small cap dies at a point that moves with the garbage collector's timing (on a loaded CI
 * machine, 12 MB died before the first file and 14 MB not at all).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceLimits, workerData } from 'node:worker_threads';
import '../../../src-main/export-worker/worker-entry';
import type { WorkerStart } from '../../../src-main/export-worker/protocol';

const FILES_BEFORE_LEAK = 20;
const LEAK_ONLY_UNDER_MB = 32;
const IMAGE_FILE = /\/images\/files\/[0-9a-f-]{36}\.[a-z]+"/g;

function savedImageFiles(folder: string): number {
  try {
    return readFileSync(join(folder, '.cv-steward/journal.jsonl'), 'utf8').match(IMAGE_FILE)?.length ?? 0;
  } catch {
    return 0;
  }
}

if ((resourceLimits.maxOldGenerationSizeMb ?? Infinity) <= LEAK_ONLY_UNDER_MB) {
  const { folder } = (workerData as WorkerStart).export;
  const held: number[][] = [];
  const watch = setInterval(() => {
    if (savedImageFiles(folder) < FILES_BEFORE_LEAK) return;
    clearInterval(watch);
    // About 4 MB a turn, kept: the isolate reaches its cap within a few turns.
    const grow = () => {
      for (let i = 0; i < 4; i += 1) held.push(new Array<number>(131_072).fill(held.length + 0.5));
      setImmediate(grow);
    };
    grow();
  }, 5);
}
