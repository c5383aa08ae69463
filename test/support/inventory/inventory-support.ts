/**
 * Helpers for the inventory integration tests: a client for the emulator, a scan run as a
 * real job, and the counts the emulator's own state says a scan must find (computed from
 * the emulator's records, never from the client, so the two sides are checked against each other).
 */
import { createTrainingClient, RateLimiterRegistry, type TrainingClient } from '../../../src-main/customvision';
import type { AccountState, RunningEmulator } from '../../../src-main/emulator';
import { JobRunner } from '../../../src-main/jobs';
import { scanInventory, scanJobCategories, type ScanRequest } from '../../../src-main/inventory';
import type { InventorySnapshot } from '../../../shared/model/inventory';
import type { JobSnapshot } from '../../../shared/model/job';

export function emulatorClient(emu: RunningEmulator, extra: { maxAttempts?: number } = {}): TrainingClient {
  return createTrainingClient({
    endpoint: emu.endpoint,
    key: emu.key,
    rateLimit: 1000,
    rateLimiters: new RateLimiterRegistry(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });
}

export const TEST_ACCOUNT = {
  accountId: 'acc-test',
  displayName: 'Test resource',
  endpointHost: '127.0.0.1',
  keyFingerprint: 'ab12cd34',
};

export interface ScanResult {
  job: JobSnapshot;
  snapshots: InventorySnapshot[];
  last: InventorySnapshot;
}

/** Runs scanInventory as a job of a real JobRunner; `onSnapshot` may act on the job (cancel it). */
export async function runScan(
  client: TrainingClient,
  request: ScanRequest & { previous?: InventorySnapshot | null } = {},
  onSnapshot?: (snapshot: InventorySnapshot, control: { cancel(): void }) => void,
): Promise<ScanResult> {
  const runner = new JobRunner({ progressIntervalMs: 0 });
  const snapshots: InventorySnapshot[] = [];
  let jobId = '';
  const control = { cancel: () => void runner.cancel(jobId) };
  // Resolves once the job is over and `run` has settled (a cancelled run winds down after).
  let settled: () => void = () => undefined;
  const runSettled = new Promise<void>((resolve) => (settled = resolve));
  const job = runner.start({
    kind: 'inventory',
    title: 'Inventory',
    categories: scanJobCategories(request),
    run: async (ctx) => {
      try {
        return await scanInventory(ctx, {
          client,
          account: TEST_ACCOUNT,
          ...request,
          onSnapshot: (snapshot) => {
            snapshots.push(snapshot);
            onSnapshot?.(snapshot, control);
          },
        });
      } finally {
        settled();
      }
    },
  });
  jobId = job.id;
  const finished = await new Promise<JobSnapshot>((resolve) => runner.onFinished((s) => s.id === job.id && resolve(s)));
  await runSettled;
  const last = snapshots.at(-1);
  if (!last) throw new Error('the scan produced no snapshot');
  return { job: finished, snapshots, last };
}

export interface ExpectedCounts {
  name: string;
  iterations: number;
  trainedIterations: number;
  publishedIterations: number;
  tags: number;
  taggedImages: number;
  untaggedImages: number;
  imagesOnlyInIterations: number;
  models: number;
  predictions: number;
}

/** What the emulator holds, per project id, straight from its records. */
export function expectedCounts(state: AccountState): Map<string, ExpectedCounts> {
  const out = new Map<string, ExpectedCounts>();
  for (const project of state.projects.values()) {
    const workspace = project.images.all();
    const inWorkspace = new Set(workspace.map((image) => image.id));
    const onlyInIterations = new Set<string>();
    const iterations = [...project.iterations.values()];
    const trained = iterations.filter((iteration) => iteration.status === 'Completed');
    for (const iteration of trained) {
      for (const image of iteration.snapshot?.images.all() ?? []) if (!inWorkspace.has(image.id)) onlyInIterations.add(image.id);
    }
    out.set(project.id, {
      name: project.name,
      iterations: iterations.length,
      trainedIterations: trained.length,
      publishedIterations: iterations.filter((iteration) => iteration.publishName).length,
      tags: project.tags.size,
      taggedImages: workspace.filter((image) => image.tags.length > 0).length,
      untaggedImages: workspace.filter((image) => image.tags.length === 0).length,
      imagesOnlyInIterations: onlyInIterations.size,
      models: iterations.reduce((sum, iteration) => sum + iteration.exports.size, 0),
      predictions: project.predictions.size,
    });
  }
  return out;
}

export function row(snapshot: InventorySnapshot, category: InventorySnapshot['categories'][number]['category']) {
  const found = snapshot.categories.find((r) => r.category === category);
  if (!found) throw new Error(`no ${category} row`);
  return found;
}

export function projectCounts(snapshot: InventorySnapshot, projectId: string) {
  const project = snapshot.projects.find((p) => p.id === projectId);
  if (!project) throw new Error(`no project ${projectId}`);
  return project;
}

/**
 * The client with one project's id swapped for an id the service does not know, in every
 * per-project call: that project fails (404 NotFoundProject) exactly as a project deleted
 * mid-scan would, while GetProjects still lists it.
 */
export function withTamperedProject(client: TrainingClient, projectId: string): TrainingClient {
  const unknown = '0badc0de-0000-4000-8000-000000000000';
  // The client is frozen, so a copy with wrapped methods rather than a Proxy.
  const tampered: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(client) as [string, unknown][]) {
    tampered[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => Reflect.apply(value, client, args.map((arg, i) => (i === 0 && arg === projectId ? unknown : arg)))
        : value;
  }
  return tampered as unknown as TrainingClient;
}
