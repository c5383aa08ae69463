/**
 * Downloads alongside the walk: pools of one run share their slots (the network never
 * sees more than `concurrency` downloads however many pools are open), a fatal failure
 * in one pool reaches the walk, and stop() ends every pool after what is in flight.
 */
import { describe, expect, it } from 'vitest';
import { BackgroundDownloads } from '../../../src-main/export/background-downloads';
import { runDownloads, type DownloadTask } from '../../../src-main/export/download-pool';
import { AppError } from '../../../src-main/errors/app-error';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const tasks = (prefix: string, n: number): DownloadTask[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, url: `https://store.example/${prefix}${i}` }));

function pool(background: BackgroundDownloads, items: DownloadTask[], download: (task: DownloadTask) => Promise<void>, checkpoint = async () => background.throwIfStopped()) {
  return background.track(
    runDownloads(from(items), {
      concurrency: 4,
      slot: background.slot,
      signal: new AbortController().signal,
      checkpoint,
      download: async (task) => {
        await download(task);
        return { path: task.id, bytes: 1, sha256: '0'.repeat(64), mediaType: 'image/png' };
      },
      refresh: async () => new Map(),
      onDone: () => undefined,
      onFailed: () => undefined,
    }),
  );
}

describe('BackgroundDownloads', () => {
  it('keeps three pools of 4 to 5 downloads at once in total', async () => {
    const background = new BackgroundDownloads(5);
    let inFlight = 0;
    let maxInFlight = 0;
    const done: string[] = [];
    const download = async (task: DownloadTask) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      done.push(task.id);
    };
    for (const prefix of ['a', 'b', 'c']) void pool(background, tasks(prefix, 30), download);
    await background.drain();
    expect(done).toHaveLength(90);
    expect(maxInFlight).toBe(5);
  });

  it('hands a pool’s fatal failure to the walk, and drain rethrows it after everything settled', async () => {
    const background = new BackgroundDownloads(4);
    const full = new AppError('DISK_FULL', 'The disk is full.');
    let otherDone = 0;
    void pool(background, tasks('a', 10), async (task) => {
      if (task.id === 'a3') throw full;
    });
    void pool(background, tasks('b', 10), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      otherDone += 1;
    });
    await background.settle();
    expect(() => background.throwIfFailed()).toThrow(full);
    await expect(background.drain()).rejects.toBe(full);
    expect(otherDone).toBe(10);
  });

  it('stop() lets the downloads in flight finish and starts no new one', async () => {
    const background = new BackgroundDownloads(2);
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const work = pool(background, tasks('a', 20), async (task) => {
      started.push(task.id);
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const walkFailure = new AppError('WRONG_KEY', 'The key was rejected.');
    background.stop(walkFailure);
    release();
    await expect(work).rejects.toBe(walkFailure);
    await background.settle();
    // The pool had 4 tasks launched (its own limit), of which 2 held slots; nothing after.
    expect(started.length).toBeLessThanOrEqual(4);
    expect(started.length).toBeGreaterThanOrEqual(2);
  });
});
