/**
 * The harness bridge enforces what Electron enforces: only the harness's own page may
 * call main, and payloads go through the same validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../harness/harness-server';
import { HARNESS_BRIDGE_PATH, HARNESS_WS_PATH } from '../../harness/bridge-protocol';

let harness: Harness;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cvs-harness-'));
  await writeFile(join(folder, 'index.html'), '<html><head><meta charset="utf-8"></head><body>app</body></html>');
  await writeFile(join(folder, 'bridge.js'), '/* bridge */');
  harness = await startHarness({ rendererDir: folder, bridgeFile: join(folder, 'bridge.js'), dataDir: join(folder, 'data'), version: '0.0.0-test' });
});

afterAll(async () => {
  await harness.close();
  await rm(folder, { recursive: true, force: true });
});

function wsUrl(): string {
  return harness.url.replace('http://', 'ws://').replace(/\/$/, HARNESS_WS_PATH);
}

async function call(origin: string | undefined, message: unknown): Promise<unknown> {
  const socket = new WebSocket(wsUrl(), origin ? { origin } : {});
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const reply = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
  socket.send(JSON.stringify(message));
  const result = await reply;
  socket.close();
  return result;
}

describe('browser harness bridge', () => {
  it('answers its own page', async () => {
    const origin = harness.url.replace(/\/$/, '');
    const reply = await call(origin, { id: 1, channel: 'app:info', payload: {} });
    expect(reply).toMatchObject({ kind: 'result', id: 1, result: { ok: true, value: { runtime: 'harness', version: '0.0.0-test' } } });
  });

  it('refuses a page from another origin', async () => {
    for (const origin of ['http://evil.example', 'null', undefined]) {
      const reply = await call(origin, { id: 2, channel: 'diagnostics:start', payload: {} });
      expect(reply).toMatchObject({ result: { ok: false, error: { code: 'FORBIDDEN_SENDER' } } });
    }
  });

  it('validates payloads exactly as Electron does', async () => {
    const origin = harness.url.replace(/\/$/, '');
    const reply = await call(origin, { id: 3, channel: 'jobs:cancel', payload: { jobId: 5 } });
    expect(reply).toMatchObject({ result: { ok: false, error: { code: 'BAD_REQUEST' } } });
  });

  it('injects the bridge before the app script and serves nothing outside the renderer', async () => {
    const html = await (await fetch(harness.url)).text();
    expect(html).toContain(`<script src="${HARNESS_BRIDGE_PATH}"></script>`);
    expect((await fetch(new URL('/..%2f..%2fetc%2fpasswd', harness.url))).status).toBe(404);
  });
});
