/**
 * Fakes for the command-line unit tests: services that never touch the network, the
 * keychain or the app's real settings, fixtures shaped like the real engines' results,
 * and a runner that captures stdout, stderr and the exit code.
 */
import type { InventorySnapshot } from '../../../shared/model/inventory';
import type { VerifyReport } from '../../../shared/model/bundle';
import type { CliServices } from '../../../src-main/cli/cli-services';
import { runCli } from '../../../src-main/cli/run-cli';
import type { TrainingClient } from '../../../src-main/customvision';
import type { Manifest } from '../../../src-main/export';
import { MemorySecretStore } from '../../../src-main/secrets';
import { createAccountsSettings, type AccountRecord, type KeyValueStore } from '../../../src-main/settings';

/** Shaped like an Azure training key, so that any leak of it is easy to spot. */
export const KEY = '5f0c3e9a7b214d6c8e1f2a3b4c5d6e7f';
export const ENDPOINT = 'https://myresource.cognitiveservices.azure.com/';
export const PROJECT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  services?: Partial<CliServices>;
  interrupt?: AbortSignal;
  tty?: boolean;
}

export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    {
      version: '9.9.9',
      out: (text) => (out += text),
      err: (text) => (err += text),
      env: options.env ?? {},
      platform: 'linux',
      home: '/home/nobody',
      tty: options.tty ?? false,
      ...(options.interrupt ? { interrupt: options.interrupt } : {}),
    },
    fakeServices(options.services),
  );
  return { code, out, err };
}

/** The fake engines never call the client: it only has to exist. */
const unusedClient = {} as TrainingClient;

export function fakeServices(overrides: Partial<CliServices> = {}): CliServices {
  return {
    createClient: () => unusedClient,
    probe: () => Promise.resolve(),
    openAccounts: () => null,
    openKeychain: () => new MemorySecretStore(),
    scanInventory: () => Promise.reject(new Error('scanInventory not faked')),
    runExport: () => Promise.reject(new Error('runExport not faked')),
    verifyBundle: () => Promise.reject(new Error('verifyBundle not faked')),
    readManifest: () => Promise.reject(new Error('readManifest not faked')),
    ...overrides,
  };
}

/** The app's settings, in memory: real createAccountsSettings over a Map. */
export function savedAccounts(records: AccountRecord[]): CliServices['openAccounts'] {
  return (_dataDir, onWarning) => {
    const values = new Map<string, unknown>();
    const store: KeyValueStore = {
      get: (key) => values.get(key),
      set: (key, value) => values.set(key, value),
      delete: (key) => values.delete(key),
      path: '/fake/settings.json',
    };
    const settings = createAccountsSettings(store, onWarning);
    for (const record of records) settings.addAccount(record);
    return settings;
  };
}

export function accountRecord(id: string, displayName: string): AccountRecord {
  return { id, displayName, endpoint: 'https://saved.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', createdAt: '2026-01-01T00:00:00.000Z' };
}

export function snapshot(state: InventorySnapshot['state'] = 'done'): InventorySnapshot {
  const problems =
    state === 'partial' ? [{ category: 'images' as const, projectId: PROJECT_ID, code: 'SERVICE_ERROR', message: 'GetTaggedImageCount failed: the service had an internal problem.' }] : [];
  return {
    accountId: 'endpoint:myresource.cognitiveservices.azure.com',
    state,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    account: {
      displayName: 'myresource',
      endpointHost: 'myresource.cognitiveservices.azure.com',
      resourceName: 'myresource',
      region: null,
      keyFingerprint: 'ab12cd34',
      quotas: [],
    },
    categories: [
      { category: 'account', count: 1, bytesEstimate: null, done: 1, total: 1, state: 'done', problems: [] },
      { category: 'projects', count: 1, bytesEstimate: 2048, bytesBasis: 'about 2 KB per project', done: 1, total: 1, state: 'done', problems: [] },
      { category: 'images', count: 1234, bytesEstimate: 1234 * 470 * 1024, done: 1, total: 1, state: problems.length ? 'failed' : 'done', problems },
    ],
    projects: [
      {
        id: PROJECT_ID,
        name: 'Birds \u001b[31mred\u001b[0m',
        kind: 'Classification (multiclass)',
        counts: {
          iterations: 2,
          trainedIterations: 2,
          publishedIterations: 1,
          performance: 2,
          tags: 3,
          taggedImages: 1200,
          untaggedImages: 34,
          imagesOnlyInIterations: 5,
          models: 1,
          predictions: 7,
        },
        iterations: [],
        tags: [],
        tagsTruncated: false,
        models: [],
        problems,
      },
    ],
  };
}

export function manifest(options: { status?: 'complete' | 'partial'; problems?: Manifest['problems']; mismatch?: boolean } = {}): Manifest {
  return {
    format: 'cv-steward-bundle',
    formatVersion: 1,
    tool: { name: 'CV Steward', version: '9.9.9' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: options.status ?? 'complete',
    source: { endpointHost: 'myresource.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34' },
    selection: { projectIds: 'all', categories: ['projects', 'images'] },
    projects: [
      {
        id: PROJECT_ID,
        name: 'Birds',
        counts: { taggedImages: 2, untaggedImages: 0, imagesOnlyInIterations: 0, iterations: 0, tags: 1, exports: 0, predictions: 0 },
        reconciliation: [{ what: 'taggedImages', api: 2, exported: options.mismatch ? 1 : 2, ok: !options.mismatch }],
      },
    ],
    counts: { projects: { items: 1, bytes: 100 }, images: { items: 2, bytes: 2000 } },
    problems: options.problems ?? [],
    files: [],
  };
}

export function verifyReport(overrides: Partial<VerifyReport> = {}): VerifyReport {
  const report: VerifyReport = { folder: '/bundle', checkedFiles: 3, checkedBytes: 3072, missing: [], extra: [], truncated: [], altered: [], problems: [], ok: true, ...overrides };
  report.ok = [report.missing, report.extra, report.truncated, report.altered, report.problems].every((list) => list.length === 0);
  return report;
}
