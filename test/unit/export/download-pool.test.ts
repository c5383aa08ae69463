/**
 * The download pool: at most N downloads at once; expired links renewed in batches of at
 * most 256 (never one call per image); network failures retried; an image the service no
 * longer has is reported, not fatal; a full disk stops everything.
 */
import { describe, expect, it } from 'vitest';
import { CustomVisionError } from '../../../src-main/customvision';
import { AppError } from '../../../src-main/errors/app-error';
import { runDownloads, type DownloadPoolOptions, type DownloadTask } from '../../../src-main/export/download-pool';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const link = (id: string, expiresAt: number) => `https://store.example/i/${id}?sv=2017-04-17&sr=b&sig=x&se=${encodeURIComponent(new Date(expiresAt).toISOString())}&sp=r`;
const fresh = (id: string) => link(id, NOW + 3_600_000);
const stale = (id: string) => link(id, NOW - 1_000);

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const expiredError = () => new CustomVisionError('expired', { kind: 'expired-link', code: 'EXPIRED_LINK', operation: 'DownloadImage', status: 403 });
const lostError = () => new CustomVisionError('lost', { kind: 'network', code: 'CONNECTION_LOST', operation: 'DownloadImage', retryable: true });
const notFound = () => new CustomVisionError('The blob is gone.', { kind: 'http', code: 'NOT_FOUND', operation: 'DownloadImage', status: 404 });

function harness(overrides: Partial<DownloadPoolOptions<DownloadTask>> = {}) {
  const done: string[] = [];
  const failed: Array<[string, string]> = [];
  const refreshBatches: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const options: DownloadPoolOptions<DownloadTask> = {
    concurrency: 4,
    signal: new AbortController().signal,
    checkpoint: async () => undefined,
    now: () => NOW,
    retryDelayMs: () => 1,
    download: async (task) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return { path: task.id, bytes: 1, sha256: '0'.repeat(64), mediaType: 'image/png' };
    },
    refresh: async (_scope, tasks) => {
      refreshBatches.push(tasks.map((t) => t.id));
      return new Map(tasks.map((t) => [t.id, fresh(t.id)]));
    },
    onDone: (task) => done.push(task.id),
    onFailed: (task, message) => failed.push([task.id, message]),
    ...overrides,
  };
  return { options, done, failed, refreshBatches, maxInFlight: () => maxInFlight };
}

describe('runDownloads', () => {
  it('downloads everything with at most `concurrency` at once', async () => {
    const h = harness();
    const tasks = Array.from({ length: 50 }, (_, n) => ({ id: `i${n}`, url: fresh(`i${n}`) }));
    const result = await runDownloads(from(tasks), h.options);
    expect(result).toEqual({ done: 50, failed: 0, refreshCalls: 0 });
    expect(h.done.sort()).toEqual(tasks.map((t) => t.id).sort());
    expect(h.maxInFlight()).toBe(4);
  });

  it('renews 600 expired links in three calls of at most 256, without trying the dead links', async () => {
    const tried: string[] = [];
    const h = harness();
    const base = h.options.download;
    h.options.download = (task, url) => {
      tried.push(url);
      return base(task, url);
    };
    const tasks = Array.from({ length: 600 }, (_, n) => ({ id: `i${n}`, url: stale(`i${n}`) }));
    const result = await runDownloads(from(tasks), h.options);
    expect(result.done).toBe(600);
    expect(h.refreshBatches.map((b) => b.length)).toEqual([256, 256, 88]);
    expect(tried.every((url) => url.includes(encodeURIComponent(new Date(NOW + 3_600_000).toISOString())))).toBe(true);
  });

  it('collects links the storage rejects as expired and renews them together', async () => {
    const h = harness();
    const rejected = new Set<string>();
    const base = h.options.download;
    h.options.download = async (task, url) => {
      if (!rejected.has(task.id)) {
        rejected.add(task.id);
        throw expiredError();
      }
      return base(task, url);
    };
    const tasks = Array.from({ length: 30 }, (_, n) => ({ id: `i${n}`, url: fresh(`i${n}`) }));
    const result = await runDownloads(from(tasks), h.options);
    expect(result.done).toBe(30);
    expect(h.refreshBatches.flat().sort()).toEqual(tasks.map((t) => t.id).sort());
    expect(h.refreshBatches.length).toBeLessThan(30);
  });

  it('renews links per scope (an iteration’s images come from that iteration)', async () => {
    const scopes: Array<string | undefined> = [];
    const h = harness({
      refresh: async (scope, tasks) => {
        scopes.push(scope);
        expect(new Set(tasks.map((t) => t.scope)).size).toBe(1);
        return new Map(tasks.map((t) => [t.id, fresh(t.id)]));
      },
    });
    const tasks = [
      { id: 'a', url: stale('a') },
      { id: 'b', url: stale('b'), scope: 'it-1' },
      { id: 'c', url: null },
    ];
    await runDownloads(from(tasks), h.options);
    expect(scopes.sort()).toEqual([undefined, 'it-1'].sort());
    expect(h.done.sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports an image the service no longer returns, and one whose blob is gone, and goes on', async () => {
    const h = harness({
      refresh: async (_scope, tasks) => new Map(tasks.filter((t) => t.id !== 'deleted').map((t) => [t.id, fresh(t.id)])),
    });
    const base = h.options.download;
    let notFoundCalls = 0;
    h.options.download = async (task, url) => {
      if (task.id === 'missing-blob') {
        notFoundCalls += 1;
        throw notFound();
      }
      return base(task, url);
    };
    const result = await runDownloads(from([{ id: 'deleted', url: stale('deleted') }, { id: 'missing-blob', url: fresh('x') }, { id: 'ok', url: fresh('ok') }]), h.options);
    expect(result).toMatchObject({ done: 1, failed: 2 });
    expect(h.failed.map(([id]) => id).sort()).toEqual(['deleted', 'missing-blob']);
    expect(h.failed.find(([id]) => id === 'deleted')?.[1]).toMatch(/no longer available/);
    expect(notFoundCalls).toBe(1);
  });

  it('retries dropped connections, then gives up on that one image only', async () => {
    const attempts = new Map<string, number>();
    const h = harness();
    const base = h.options.download;
    h.options.download = async (task, url) => {
      const n = (attempts.get(task.id) ?? 0) + 1;
      attempts.set(task.id, n);
      if (task.id === 'flaky' && n < 3) throw lostError();
      if (task.id === 'dead') throw lostError();
      return base(task, url);
    };
    const result = await runDownloads(from([{ id: 'flaky', url: fresh('f') }, { id: 'dead', url: fresh('d') }]), h.options);
    expect(result).toMatchObject({ done: 1, failed: 1 });
    expect(attempts.get('flaky')).toBe(3);
    expect(attempts.get('dead')).toBe(8);
  });

  it('gives up on a link that is rejected as expired again and again', async () => {
    const h = harness();
    h.options.download = async () => {
      throw expiredError();
    };
    const result = await runDownloads(from([{ id: 'cursed', url: fresh('c') }]), h.options);
    // The first link and three fresh ones, all refused: reported, not retried forever.
    expect(result).toMatchObject({ done: 0, failed: 1, refreshCalls: 3 });
    expect(h.failed[0]?.[1]).toMatch(/still expired after 3 fresh links/);
  });

  it('stops trusting its own clock when fresh links already look long expired (clock skew)', async () => {
    const h = harness({ refresh: async (_s, tasks) => new Map(tasks.map((t) => [t.id, link(t.id, NOW - 3_600_000)])) });
    const result = await runDownloads(from([{ id: 'a', url: stale('a') }]), h.options);
    expect(result).toMatchObject({ done: 1, refreshCalls: 1 });
  });

  it('stops on a full disk once the downloads in flight have settled, starting nothing new', async () => {
    let started = 0;
    let settled = 0;
    const h = harness({
      download: async (task) => {
        started += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        settled += 1;
        if (task.id === 'i2') throw new AppError('DISK_FULL', 'The disk is full.');
        return { path: task.id, bytes: 1, sha256: '0'.repeat(64), mediaType: 'image/png' };
      },
    });
    const tasks = Array.from({ length: 100 }, (_, n) => ({ id: `i${n}`, url: fresh(`i${n}`) }));
    await expect(runDownloads(from(tasks), h.options)).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(started).toBeLessThan(12);
    expect(settled).toBe(started);
  });
});
