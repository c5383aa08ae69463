/**
 * The rate limit and every injected fault, as a client would meet them: 429 with
 * Retry-After and the real text, 500/503, connection resets, truncated bodies, added
 * latency and a bandwidth cap shared by concurrent downloads. Faults come from a seeded
 * generator, so the same seed gives the same failures.
 */
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { api, apiJson, must, startTestEmulator, type WireImage, type WireProject } from '../../support/emulator/emulator-support';

let emu: RunningEmulator;
let images: WireImage[];

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  const [project] = await apiJson<WireProject[]>(emu, '/projects');
  images = await apiJson<WireImage[]>(emu, `/projects/${must(project).id}/images?take=10`);
});

afterEach(() => {
  emu.configure({ tps: 0, failRate: 0, resetRate: 0, truncateRate: 0, latencyMs: 0, bandwidthKbps: 0 });
  emu.resetStats();
});

afterAll(async () => {
  await emu.close();
});

describe('emulator rate limit', () => {
  it('answers a burst of 30 at 10 TPS with 429, Retry-After and the real text', async () => {
    emu.configure({ tps: 10 });
    const responses = await Promise.all(Array.from({ length: 30 }, () => api(emu, '/domains')));
    const limited = responses.filter((r) => r.status === 429);
    const ok = responses.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeGreaterThanOrEqual(15);
    expect(ok.length + limited.length).toBe(30);
    expect(limited[0]?.headers.get('retry-after')).toBe('1');
    expect(await limited[0]?.json()).toEqual({
      error: {
        code: '429',
        message:
          'Requests to the GetDomains Operation under Custom_Vision_Training_3.3 have exceeded rate limit of your current Custom_Vision.Training S0 pricing tier. Please retry after 1 second. To increase your rate limit switch to a paid tier.',
      },
    });
    expect(emu.stats().rateLimited).toBe(limited.length);
    expect(emu.stats().requests.GetDomains).toBe(30);
  });
});

describe('emulator faults', () => {
  it('fail-rate answers 500 (flat error) or 503 (gateway) instead of running the call', async () => {
    emu.configure({ failRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i += 1) {
      const response = await api(emu, '/projects');
      statuses.add(response.status);
      const body = (await response.json()) as Record<string, unknown>;
      if (response.status === 500) expect(body).toEqual({ code: 'ErrorUnknown', message: 'An unexpected error occurred.' });
      else expect(body).toMatchObject({ error: { code: '503' } });
    }
    expect([...statuses].sort()).toEqual([500, 503]);
    expect(emu.stats().faults.fail).toBe(12);
  });

  it('reset-rate breaks API calls and blob downloads mid-way', async () => {
    emu.configure({ resetRate: 1 });
    await expect(api(emu, '/projects').then((r) => r.text())).rejects.toThrow();
    await expect(fetch(must(images[0]?.originalImageUri)).then((r) => r.arrayBuffer())).rejects.toThrow();
    expect(emu.stats().faults.reset).toBe(2);
    expect(emu.stats().blobDownloads[must(images[0]?.id)]?.bytes).toBeGreaterThan(0);
  });

  it('truncate-rate announces the full length and closes early', async () => {
    emu.configure({ truncateRate: 1 });
    const response = await api(emu, '/projects');
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(100);
    await expect(response.text()).rejects.toThrow();
    const blob = await fetch(must(images[1]?.originalImageUri));
    const length = Number(blob.headers.get('content-length'));
    await expect(blob.arrayBuffer()).rejects.toThrow();
    const sent = emu.stats().blobDownloads[must(images[1]?.id)]?.bytes ?? 0;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(length);
    expect(emu.stats().faults.truncate).toBe(2);
  });

  it('latency-ms delays every API response but not /__emulator', async () => {
    emu.configure({ latencyMs: 150 });
    const started = performance.now();
    expect((await api(emu, '/domains')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(emu.stats().faults.latency).toBe(1);
  });

  it('bandwidth-kbps is one budget shared by concurrent downloads', async () => {
    emu.configure({ bandwidthKbps: 400 }); // 50 000 bytes/s in total
    const urls = [must(images[2]?.originalImageUri), must(images[3]?.originalImageUri)];
    const started = performance.now();
    const sizes = await Promise.all(urls.map(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength));
    const elapsedMs = performance.now() - started;
    const total = sizes.reduce((a, b) => a + b, 0);
    // The bucket starts with at most a quarter second of budget; the rest is paced.
    const floorMs = ((total - 12_500) / 50_000) * 1000;
    expect(total).toBeGreaterThan(20_000);
    expect(elapsedMs).toBeGreaterThanOrEqual(floorMs * 0.9);
  });

  it('changes faults and limits at run time over /__emulator/config', async () => {
    const post = (body: unknown) => fetch(`${emu.endpoint}/__emulator/config`, { method: 'POST', body: JSON.stringify(body) });
    const changed = await post({ failRate: 1, tps: 3 });
    expect(await changed.json()).toMatchObject({ failRate: 1, tps: 3, latencyMs: 0 });
    expect((await api(emu, '/domains')).status).toBeGreaterThanOrEqual(500);
    const refused = await post({ failRate: 2, colour: 'red' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/failRate/);
    expect(emu.config().failRate).toBe(1);
  });

  it('is deterministic for a fault seed', async () => {
    const run = async (faultSeed: string): Promise<number[]> => {
      const other = await startTestEmulator({ faultSeed, failRate: 0.5 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 24; i += 1) statuses.push((await api(other, '/domains')).status);
        return statuses;
      } finally {
        await other.close();
      }
    };
    const first = await run('seed-a');
    expect(await run('seed-a')).toEqual(first);
    expect(first.some((s) => s === 200) && first.some((s) => s >= 500)).toBe(true);
    expect(await run('seed-b')).not.toEqual(first);
  });
});
