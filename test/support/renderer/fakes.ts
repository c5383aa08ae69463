/**
 * Fakes for the renderer store tests: a stand-in for main behind the `api` client, and a
 * stand-in for the browser window that hash routing talks to. No mocks: both keep real
 * state, so the tests check what the user would see rather than which function was called.
 */
import { buildStewardApi, type StewardApi } from '../../../shared/ipc/api';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/contract';
import type { Language } from '../../../shared/model/preferences';
import type { IpcError, IpcResult } from '../../../shared/ipc/errors';
import { AppInfoSchema, type AppInfo } from '../../../shared/model/app-info';
import { JobSnapshotSchema, type JobSnapshot, type JobState } from '../../../shared/model/job';
import { ApiError, createApi } from '../../../src-renderer/lib/api';
import type { StewardClient } from '../../../src-renderer/store';
import type { RoutingWindow } from '../../../src-renderer/store/hash-routing';
import { FakeAccounts } from './fake-accounts';
import { FakeInventory } from './fake-inventory';
import { FakeCleanup } from './fake-cleanup';
import { FakePreferences } from './fake-preferences';
import { FakeResume } from './fake-resume';
import { methodOf, ok, type FakeChannel, type FakeHandlers, type FakeHandlersFor, type FakeListener, type FakeListeners, type FakeMethod } from './fake-channels';

export { accountSummary, DEMO_ID } from './fake-accounts';

export const SAMPLE_APP_INFO: AppInfo = AppInfoSchema.parse({
  name: 'CV Steward',
  version: '0.1.0',
  platform: 'linux',
  arch: 'x64',
  runtime: 'electron',
  versions: { node: '22.20.0', electron: '45.5.0', chrome: '142.0.0.0' },
});

/** A valid snapshot (checked against main's schema) with sensible defaults. */
export function jobSnapshot(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return JobSnapshotSchema.parse({
    id: 'job-1',
    kind: 'export',
    title: 'Export everything',
    state: 'running',
    categories: [{ category: 'images', done: 3, total: 10, bytesDone: 300, bytesTotal: 1000, errors: 0 }],
    createdAt: '2025-01-01T10:00:00.000Z',
    startedAt: '2025-01-01T10:00:01.000Z',
    ...overrides,
  });
}

type JobListener = FakeListener<'jobs:progress'>;

export const NO_BRIDGE: IpcError = {
  code: 'NO_BRIDGE',
  message: 'CV Steward could not reach its main process. Restart the app; if this persists, reinstall it.',
};

/**
 * Main as the renderer sees it: each domain's fake answers its channels (by contract name,
 * see fake-channels.ts) in `{ ok, value | error }` envelopes; the renderer reaches them
 * through the real `buildStewardApi` and `createApi`, exactly as it reaches the preload,
 * so failures become ApiErrors carrying main's code. Events go to whoever subscribed.
 */
export class FakeMain {
  /** Every request the renderer made, e.g. `jobs.cancel job-1`, in order. */
  readonly requests: string[] = [];
  /** The same requests exactly as main receives them (a copy of each payload). */
  readonly received: Array<{ channel: InvokeChannel; request: unknown }> = [];
  jobs: JobSnapshot[] = [];
  appInfo: AppInfo = SAMPLE_APP_INFO;
  /** The id the next system check gets. */
  nextSystemCheckId = 'check-1';
  /** Main's preferences: what is saved, `preferences:changed`, the default export folder, forget everything. */
  readonly preferences = new FakePreferences();
  /** The language main remembers (null: follow the OS), as `preferences:get` answers it. */
  get savedLanguage(): Language | null {
    return this.preferences.saved.language;
  }
  set savedLanguage(language: Language | null) {
    this.preferences.saved = { ...this.preferences.saved, language };
  }
  /** When true, the page behaves as if opened without main behind it. */
  bridgeMissing = false;
  readonly progressListeners = new Set<JobListener>();
  readonly finishedListeners = new Set<JobListener>();
  /** The application menu's `app:navigate` event. */
  readonly navigateListeners = new Set<FakeListener<'app:navigate'>>();
  /** Main's accounts: saved accounts, the active one, the demo, and `accounts:changed`. */
  readonly accounts = new FakeAccounts();
  /** Main's export service: folder dialog, export and verify jobs, reports (and inventory:get). */
  readonly bundles = new FakeBundles((job) => this.jobs.push(job));
  /** Main's inventory: scan jobs and `inventory:updated` (what `inventory:get` answers is `bundles.inventory`). */
  readonly inventory = new FakeInventory(
    (job) => this.jobs.push(job),
    (snapshot) => {
      this.bundles.inventory = snapshot;
    },
  );
  /** Main's cleanup wizard channels and app:openExternal. */
  readonly cleanup = new FakeCleanup((job) => this.jobs.push(job));
  /** Main's interrupted jobs (jobs:interrupted/resumeInterrupted/dismissInterrupted) and saved plans (cleanup:plans). */
  readonly resume = new FakeResume((job) => this.jobs.push(job));
  private readonly failures = new Map<FakeMethod, IpcError | Error>();

  /** Every channel main answers; a channel no fake answers fails the test that calls it. */
  private readonly handlers: FakeHandlers = {
    ...this.ownHandlers(),
    ...this.preferences.handlers(),
    ...this.accounts.handlers(),
    ...this.bundles.handlers(),
    ...this.inventory.handlers(),
    ...this.cleanup.handlers(),
    ...this.resume.handlers(),
  };

  private readonly listeners: FakeListeners = {
    'jobs:progress': this.progressListeners,
    'jobs:finished': this.finishedListeners,
    'app:navigate': this.navigateListeners,
    'accounts:changed': this.accounts.changedListeners,
    'inventory:updated': this.inventory.updatedListeners,
    'preferences:changed': this.preferences.changedListeners,
  };

  /** `window.steward` as the preload builds it, over an in-memory transport to the fakes. */
  readonly steward: StewardApi = buildStewardApi({
    invoke: (channel, request) => this.invoke(channel, request),
    subscribe: (event, listener) => this.subscribe(event, listener),
  });

  /** The renderer's real api over this fake's `window.steward`. */
  readonly client: StewardClient = createApi(() => this.steward);

  /** Makes every later call of `method` fail: an IpcError is main's answer, an Error a throw. */
  failWith(method: FakeMethod, error: IpcError | Error): void {
    this.failures.set(method, error);
  }

  recover(method: FakeMethod): void {
    this.failures.delete(method);
  }

  emitProgress(job: JobSnapshot): void {
    for (const listener of [...this.progressListeners]) listener(job);
  }

  emitFinished(job: JobSnapshot): void {
    for (const listener of [...this.finishedListeners]) listener(job);
  }

  /** The user picked a page from the application menu (or clicked a notification). */
  emitNavigate(page: Parameters<FakeListener<'app:navigate'>>[0]['page']): void {
    for (const listener of [...this.navigateListeners]) listener({ page });
  }

  private ownHandlers(): FakeHandlersFor<
    'app:info' | 'app:showInFolder' | 'app:openDataFolder' | 'jobs:list' | 'jobs:cancel' | 'jobs:pause' | 'jobs:resume' | 'jobs:clearFinished' | 'diagnostics:start'
  > {
    const byJob = ({ jobId }: { jobId: string }) => jobId;
    return {
      'app:info': { answer: () => ok(this.appInfo) },
      'app:showInFolder': { describe: ({ target }) => Object.values(target).join(' '), answer: () => ok({ shown: true }) },
      'app:openDataFolder': { answer: () => ok({ opened: true }) },
      'jobs:list': { answer: () => ok([...this.jobs]) },
      'jobs:cancel': { describe: byJob, answer: ({ jobId }) => this.transition(jobId, 'cancelled') },
      'jobs:pause': { describe: byJob, answer: ({ jobId }) => this.transition(jobId, 'paused') },
      'jobs:resume': { describe: byJob, answer: ({ jobId }) => this.transition(jobId, 'running') },
      'jobs:clearFinished': { answer: () => ok({ removed: 0 }) },
      'diagnostics:start': { answer: () => ok(this.startSystemCheck()) },
    };
  }

  private invoke(channel: InvokeChannel, request: unknown): Promise<IpcResult<unknown>> {
    const method = methodOf(channel);
    // Typed per channel in `handlers`; the transport only knows the channel at run time.
    const handler = this.handlers[channel] as FakeChannel<InvokeChannel> | undefined;
    const argument = handler?.describe?.(request as never) ?? '';
    this.requests.push(argument ? `${method} ${argument}` : method);
    this.received.push({ channel, request: structuredClone(request) });
    // The real api calls the bridge synchronously, so a missing bridge throws, not rejects.
    if (this.bridgeMissing) throw new ApiError(NO_BRIDGE);
    if (!handler) return Promise.reject(new Error(`FakeMain answers no ${channel}: add it to a fake's handlers()`));
    const failure = this.failures.get(method);
    if (failure instanceof Error) return Promise.reject(failure);
    // Main computes the answer now; the renderer receives it after the current task.
    return Promise.resolve(failure ? { ok: false, error: failure } : handler.answer(request as never));
  }

  private subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void {
    if (this.bridgeMissing) throw new ApiError(NO_BRIDGE);
    // Each set is typed by its event's payload; the transport passes payloads through untyped.
    const listeners = this.listeners[event] as Set<(payload: unknown) => void> | undefined;
    if (!listeners) throw new Error(`FakeMain pushes no ${event}`);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  private transition(jobId: string, state: JobState): IpcResult<JobSnapshot> {
    const index = this.jobs.findIndex((job) => job.id === jobId);
    const current = this.jobs[index];
    if (!current) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no job with id ${jobId}.` } };
    const next = { ...current, state };
    this.jobs[index] = next;
    return ok(next);
  }

  private startSystemCheck(): { jobId: string } {
    const jobId = this.nextSystemCheckId;
    this.jobs.push(
      jobSnapshot({ id: jobId, kind: 'system-check', title: 'System check', state: 'queued', categories: [], startedAt: undefined }),
    );
    return { jobId };
  }
}

/** `location` with just `hash`, which reads and writes through its window. */
class FakeLocation {
  private readonly read: () => string;
  private readonly assign: (hash: string) => void;

  constructor(read: () => string, assign: (hash: string) => void) {
    this.read = read;
    this.assign = assign;
  }

  get hash(): string {
    return this.read();
  }

  set hash(value: string) {
    this.assign(value);
  }
}

/**
 * The parts of a browser window hash routing uses, behaving like the real thing: assigning
 * `location.hash` adds a history entry and fires `hashchange` later (browsers queue it as a
 * task), `history.replaceState` changes the hash without either.
 */
export class FakeWindow {
  /** The URL fragments in the session history, the current one last. */
  readonly entries: string[];
  private readonly listeners = new Set<() => void>();
  private queued: Array<() => void> = [];
  private current: string;

  readonly location = new FakeLocation(
    () => this.current,
    (value) => this.assignHash(value),
  );

  readonly history = {
    replaceState: (_data: unknown, _unused: string, url?: string | URL | null): void => {
      if (typeof url !== 'string') return;
      this.current = url;
      this.entries[this.entries.length - 1] = url;
    },
  };

  constructor(initialHash = '') {
    this.current = initialHash;
    this.entries = [initialHash];
  }

  addEventListener(type: string, listener: () => void): void {
    if (type === 'hashchange') this.listeners.add(listener);
  }

  removeEventListener(type: string, listener: () => void): void {
    if (type === 'hashchange') this.listeners.delete(listener);
  }

  /** The user edits the address bar or follows a link: a new entry, then `hashchange`. */
  userGoesTo(hash: string): void {
    this.current = hash;
    this.entries.push(hash);
    this.dispatchHashChange();
  }

  /** The browser's back button. */
  back(): void {
    if (this.entries.length < 2) return;
    this.entries.pop();
    this.current = this.entries[this.entries.length - 1] ?? '';
    this.dispatchHashChange();
  }

  /** Delivers the `hashchange` events the browser queued after script assignments. */
  runQueuedEvents(): void {
    const queued = this.queued;
    this.queued = [];
    for (const run of queued) run();
  }

  get hashChangeListenerCount(): number {
    return this.listeners.size;
  }

  /** Typed as the window hash routing expects; the fake implements only what it uses. */
  asRoutingWindow(): RoutingWindow {
    return this as unknown as RoutingWindow;
  }

  private assignHash(value: string): void {
    const next = value === '' || value.startsWith('#') ? value : `#${value}`;
    if (next === this.current) return;
    this.current = next;
    this.entries.push(next);
    this.queued.push(() => this.dispatchHashChange());
  }

  private dispatchHashChange(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

// ---- Export bundles (export:* and inventory:get) ----
// Imported here rather than at the top so this block can be appended without touching
// lines other engineers edit in parallel; imports are hoisted either way.
import { VerifyReportSchema, type ChosenFolder, type VerifyReport } from '../../../shared/model/bundle';
import { InventorySnapshotSchema, ProjectRowSchema, type InventorySnapshot, type ProjectRow } from '../../../shared/model/inventory';
import type { RequestOf } from '../../../shared/ipc/contract';

type ExportStartRequest = RequestOf<'export:start'>;

/** A valid inventory project (checked against main's schema) with sensible defaults. */
export function inventoryProject(overrides: Partial<ProjectRow> = {}): ProjectRow {
  return ProjectRowSchema.parse({
    id: 'p-1',
    name: 'Bananas',
    kind: 'Classification',
    counts: {
      iterations: 2,
      trainedIterations: 2,
      publishedIterations: 1,
      performance: 2,
      tags: 3,
      taggedImages: 40,
      untaggedImages: 2,
      imagesOnlyInIterations: 0,
      models: 1,
      predictions: 5,
    },
    iterations: [],
    tags: [],
    tagsTruncated: false,
    models: [],
    problems: [],
    ...overrides,
  });
}

/** A finished inventory with the given projects and a count per category. */
export function inventorySnapshot(projects: ProjectRow[] = [inventoryProject()]): InventorySnapshot {
  const counts: Record<string, number> = { account: 1, projects: projects.length, iterations: 4, performance: 4, tags: 6, images: 84, models: 2, predictions: 10 };
  return InventorySnapshotSchema.parse({
    accountId: 'acc-1',
    state: 'done',
    startedAt: '2025-01-01T09:00:00.000Z',
    finishedAt: '2025-01-01T09:01:00.000Z',
    account: { displayName: 'contoso-vision', endpointHost: 'contoso.example', resourceName: null, region: null, keyFingerprint: '1a2b3c4d', quotas: [] },
    categories: Object.entries(counts).map(([category, count]) => ({
      category,
      count,
      bytesEstimate: null,
      done: 1,
      total: 1,
      state: 'done',
      problems: [],
    })),
    projects,
  });
}

/** A verify report: intact unless overridden. */
export function verifyReport(overrides: Partial<VerifyReport> = {}): VerifyReport {
  return VerifyReportSchema.parse({
    folder: '/home/me/bundle',
    checkedFiles: 12,
    checkedBytes: 4096,
    missing: [],
    extra: [],
    truncated: [],
    altered: [],
    problems: [],
    ok: true,
    ...overrides,
  });
}

/**
 * Main's export service as the renderer sees it: a folder dialog that answers what the test
 * queued (the user picks or cancels), export and verify jobs that appear in main's job
 * list, and reports for verify jobs the test finished.
 */
export class FakeBundles {
  /** What `inventory:get` answers: null until a scan has run. */
  inventory: InventorySnapshot | null = null;
  /** The folder dialog's next answers, in order; null is a cancelled dialog. */
  readonly dialogAnswers: Array<ChosenFolder | null> = [];
  /** Every export request main received, exactly as sent. */
  readonly startRequests: ExportStartRequest[] = [];
  /** Folder ids main was asked to verify. */
  readonly verifiedFolderIds: string[] = [];
  /** Reports of verify jobs, by job id (a job without one answers NOT_FOUND). */
  readonly reports = new Map<string, VerifyReport>();
  private sequence = 0;

  constructor(private readonly addJob: (job: JobSnapshot) => void) {}

  /** `export:defaultFolder` is FakePreferences' (it depends on the saved default folder). */
  handlers(): FakeHandlersFor<'export:chooseFolder' | 'export:start' | 'export:verify' | 'export:report' | 'inventory:get'> {
    return {
      'export:chooseFolder': { answer: () => ok(this.dialogAnswers.shift() ?? null) },
      'export:start': {
        describe: ({ folderId }) => folderId,
        answer: (request) => {
          this.startRequests.push(structuredClone(request));
          return ok(this.addNewJob('export', 'Export'));
        },
      },
      'export:verify': {
        describe: ({ folderId }) => folderId,
        answer: ({ folderId }) => {
          this.verifiedFolderIds.push(folderId);
          return ok(this.addNewJob('verify', 'Verify bundle'));
        },
      },
      'export:report': {
        describe: ({ jobId }) => jobId,
        answer: ({ jobId }) => {
          const report = this.reports.get(jobId);
          return report ? ok(report) : { ok: false, error: { code: 'NOT_FOUND', message: `There is no report for job ${jobId}.` } };
        },
      },
      'inventory:get': { answer: () => ok(this.inventory) },
    };
  }

  private addNewJob(kind: 'export' | 'verify', title: string): { jobId: string } {
    this.sequence += 1;
    const jobId = `${kind}-${this.sequence}`;
    this.addJob(jobSnapshot({ id: jobId, kind, title, state: 'queued', categories: [], startedAt: undefined }));
    return { jobId };
  }
}
