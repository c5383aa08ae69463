/**
 * createServices with in-memory adapters (no keychain, no settings file), for tests of
 * the IPC layer that do not care where secrets and settings live. Exports run in this
 * thread: vitest runs the sources, and there is no built export-worker.cjs to start
 * (test/integration/export-worker.test.ts builds and tests the worker itself).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services, type ServicesOptions } from '../../src-main/services';
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import { isTerminal, type JobRunner } from '../../src-main/jobs';
import type { IpcResult } from '../../shared/ipc/errors';
import type { JobSnapshot } from '../../shared/model/job';
import { MemorySecretStore } from '../../src-main/secrets';
import { runExportInProcess } from '../../src-main/export-worker';
import type { KeyValueStore } from '../../src-main/settings';
import type { AppInfo } from '../../shared/model/app-info';

export const TEST_APP_INFO: AppInfo = {
  name: 'CV Steward',
  version: '0.0.0-test',
  platform: 'linux',
  arch: 'x64',
  runtime: 'harness',
  versions: { node: '20' },
};

export function memoryKeyValueStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    path: ':memory:',
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => void values.set(key, structuredClone(value)),
    delete: (key) => void values.delete(key),
  };
}

export function createTestServices(overrides: Partial<ServicesOptions> = {}) {
  return createServices({
    // A folder of its own, never the system temp folder itself: services write plans,
    // running-job records and logs there, and "forget everything" deletes them.
    dataDir: overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'cv-steward-services-')),
    appInfo: TEST_APP_INFO,
    secrets: new MemorySecretStore(),
    settingsStore: memoryKeyValueStore(),
    exportRunner: runExportInProcess,
    ...overrides,
  });
}

/** When the job ends (at once if it has already): works whether or not the end came before the call. */
export function jobFinished(jobs: Pick<JobRunner, 'get' | 'onFinished'>, jobId: string): Promise<JobSnapshot> {
  return new Promise<JobSnapshot>((resolve) => {
    const done = jobs.get(jobId);
    if (done && isTerminal(done.state)) resolve(done);
    else jobs.onFinished((job) => job.id === jobId && resolve(job));
  });
}

/**
 * Main as the page calls it: every request goes through the contract's dispatcher
 * (validation, error mapping), as from the preload. `value` throws on an error answer.
 */
export function pageCalls(services: Services) {
  const dispatch = createDispatcher(services.handlers);
  const call = async <T>(channel: string, payload: unknown = {}): Promise<IpcResult<T>> => (await dispatch(channel, payload)) as IpcResult<T>;
  const value = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const result = await call<T>(channel, payload);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { call, value, finished: (jobId: string) => jobFinished(services.jobs, jobId) };
}
