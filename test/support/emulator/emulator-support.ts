/** Shared helpers for the emulator integration tests (plain fetch against 127.0.0.1). */
import { afterEach } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src-main/emulator';
import { tempDirectory } from '../test-job';

export const V33 = '/customvision/v3.3/training';
export const V34 = '/customvision/v3.4-preview/training';

/** The value, or a clear failure when a test expected it to be there. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}

/** Fast timings and no rate limit unless a test asks for them. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ tps: 0, trainingDelayMs: 30, exportDelayMs: 30, deleteDelayMs: 30, ...options });
}

/** What a test file starts per test: emulators and temporary folders. */
export interface PerTest {
  /** An emulator (fast timings, see startTestEmulator) closed after the test. */
  emulator(options?: EmulatorOptions): Promise<RunningEmulator>;
  /** A new empty folder removed after the test. */
  folder(prefix?: string): Promise<string>;
}

/**
 * Emulators and folders that live for one test. Call once at the top of a test file: it
 * registers the afterEach that closes and removes them, even when the test failed.
 */
export function perTest(): PerTest {
  const emulators: RunningEmulator[] = [];
  const removals: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const emu of emulators.splice(0)) await emu.close();
    for (const remove of removals.splice(0)) await remove();
  });
  return {
    async emulator(options = {}) {
      const emu = await startTestEmulator(options);
      emulators.push(emu);
      return emu;
    },
    async folder(prefix = 'cv-test-') {
      const made = await tempDirectory(prefix);
      removals.push(made.remove);
      return made.path;
    },
  };
}

export function api(emu: RunningEmulator, path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const { key, headers, ...rest } = init;
  return fetch(`${emu.endpoint}${path.startsWith('/customvision') ? path : V33 + path}`, {
    ...rest,
    headers: { 'Training-Key': key ?? emu.key, ...(headers as Record<string, string> | undefined) },
  });
}

export async function apiJson<T = unknown>(emu: RunningEmulator, path: string, init: RequestInit = {}): Promise<T> {
  const response = await api(emu, path, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface WireImage {
  id: string;
  created: string;
  width: number;
  height: number;
  resizedImageUri: string;
  thumbnailUri: string;
  originalImageUri: string;
  tags?: Array<{ tagId: string; tagName: string; created: string }>;
  regions?: Array<{ regionId: string; tagId: string; tagName: string; left: number; top: number; width: number; height: number }>;
  metadata?: Record<string, string>;
}

export interface WireProject {
  id: string;
  name: string;
  settings: { domainId: string; classificationType: string | null };
}

export interface WireIteration {
  id: string;
  name: string;
  status: string;
  publishName: string | null;
  trainedAt?: string;
}

/**
 * Reads at least `bytes` of a response body (or all of it, if shorter), then gives up on
 * the rest and closes the connection: for bodies too large to read whole.
 */
export async function readPrefix(response: Response, bytes: number, abort?: AbortController): Promise<Buffer> {
  const reader = must(response.body, 'response body').getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    while (size < bytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    abort?.abort();
  }
  return Buffer.concat(chunks);
}

/** Every id returned by walking an offset-paged listing with `take` until a short page. */
export async function pagedIds(emu: RunningEmulator, path: string, take = 256): Promise<string[]> {
  const ids: string[] = [];
  const join = path.includes('?') ? '&' : '?';
  for (let skip = 0; ; skip += take) {
    const page = await apiJson<Array<{ id: string }>>(emu, `${path}${join}take=${take}&skip=${skip}`);
    ids.push(...page.map((item) => item.id));
    if (page.length < take) return ids;
  }
}

/** GET GetArtifact for a relative `{container}/{blob}` path (what URI fields hold behind a VNET). */
export function fetchArtifact(emu: RunningEmulator, projectId: string, path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  return api(emu, `/projects/${projectId}/artifacts?path=${encodeURIComponent(path)}`, init);
}
