/**
 * The limits chosen in Settings are the ones the next job uses: the rate limit for every
 * Training API client the app creates (inventory, cleanup, export) and the download
 * concurrency for exports. Runs the composed services against local emulators; the
 * rate is read from the endpoint's shared limiter, which each client of the endpoint uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { normalizeEndpoint, RateLimiter, sharedRateLimiters } from '../../../src-main/customvision';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import type { WorkerExportOptions } from '../../../src-main/export-worker';
import { isTerminal } from '../../../src-main/jobs';
import { createTestServices } from '../../support/test-services';
import { exportSummaryOf } from '../../support/export-summary';

let first: RunningEmulator;
let second: RunningEmulator;
const dirs: string[] = [];
beforeAll(async () => {
  [first, second] = await Promise.all([startEmulator({ seed: 'empty', port: 0 }), startEmulator({ seed: 'empty', port: 0 })]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cvs-limits-'));
  dirs.push(dir);
  return dir;
}

const limiterOf = (emulator: RunningEmulator) => sharedRateLimiters.forEndpoint(normalizeEndpoint(emulator.endpoint).baseUrl);

describe('a rate limiter told a new rate', () => {
  it('takes a higher or a lower ceiling', () => {
    const limiter = new RateLimiter({ ratePerSecond: 2 });
    limiter.setConfiguredRate(8);
    expect([limiter.configuredRate, limiter.currentRate]).toEqual([8, 8]);
    limiter.setConfiguredRate(3);
    expect([limiter.configuredRate, limiter.currentRate]).toEqual([3, 3]);
    expect(() => limiter.setConfiguredRate(0)).toThrow(RangeError);
  });

  it('after a 429, a higher ceiling is only climbed back to step by step', () => {
    const limiter = new RateLimiter({ ratePerSecond: 4 });
    limiter.onThrottled({ grantedAt: 0 }, 0);
    expect(limiter.currentRate).toBe(2);
    limiter.setConfiguredRate(10);
    expect([limiter.configuredRate, limiter.currentRate]).toEqual([10, 2]);
  });
});

describe('the limits from Settings, in the jobs that start next', () => {
  it('every client of the app uses the saved rate, a changed one from the next job on, one limiter per endpoint', async () => {
    const exports: WorkerExportOptions[] = [];
    const services = createTestServices({
      dataDir: tempDir(),
      probe: () => Promise.resolve(),
      pickFolder: () => Promise.resolve(tempDir()),
      exportRunner: (_ctx, options) => {
        exports.push(options);
        return Promise.resolve(exportSummaryOf('recorded'));
      },
    });
    const h = services.handlers;
    const finished = async (jobId: string) => {
      for (let i = 0; i < 400 && !isTerminal(services.jobs.get(jobId)?.state ?? 'queued'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(services.jobs.get(jobId)?.state).toBe('succeeded');
    };
    try {
      // Saved before any client of this endpoint exists: the first one is made with it.
      await h['preferences:set']({ rateLimit: 3, downloadConcurrency: 5 });
      const a = await h['accounts:connect']({ endpoint: first.endpoint, key: first.key, displayName: 'First' });
      await finished((await h['inventory:scan']({})).jobId);
      const limiter = limiterOf(first);
      expect(limiter.configuredRate).toBe(3);

      // Raised: a limiter only ever lowered by its clients would stay at 3.
      await h['preferences:set']({ rateLimit: 8 });
      await finished((await h['inventory:scan']({})).jobId);
      expect(limiterOf(first)).toBe(limiter);
      expect(limiter.configuredRate).toBe(8);

      // Cleanup plans, on an endpoint no client has used yet.
      await h['preferences:set']({ rateLimit: 2 });
      await h['accounts:connect']({ endpoint: second.endpoint, key: second.key, displayName: 'Second' });
      await finished((await h['cleanup:plan']({ scope: { kind: 'all' } })).jobId);
      expect(limiterOf(second).configuredRate).toBe(2);

      // Exports: the worker's client is given the rate, the engine the concurrency.
      await h['accounts:switch']({ accountId: a.accountId });
      const folder = await h['export:chooseFolder']({});
      await finished((await h['export:start']({ folderId: folder?.folderId ?? '', categories: ['projects'] })).jobId);
      await h['preferences:set']({ downloadConcurrency: 32 });
      await finished((await h['export:start']({ folderId: folder?.folderId ?? '', categories: ['projects'] })).jobId);
      expect(exports.map((options) => [options.connection.rateLimit, options.concurrency])).toEqual([
        [2, 5],
        [2, 32],
      ]);
      expect(limiter.configuredRate).toBe(2);
    } finally {
      await services.dispose();
    }
  });
});
