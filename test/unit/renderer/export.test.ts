import { describe, expect, it, onTestFinished } from 'vitest';
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import { formatDuration } from '../../../src-renderer/components/export-transfer';
import {
  createStewardStore,
  exportRequestOf,
  selectExportJob,
  selectVerifyJob,
  type StewardClient,
} from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { connectJobReactions } from '../../../src-renderer/store/job-reactions';
import {
  estimateTransfer,
  jobTotals,
  recordSample,
  type TransferSample,
} from '../../../src-renderer/store/export-slice';
import { FakeMain, inventoryProject, inventorySnapshot, jobSnapshot, verifyReport } from '../../support/renderer/fakes';

const FOLDER = { folderId: 'folder-1', displayPath: '/home/me/Custom Vision bundle' };

function setup() {
  const main = new FakeMain();
  // inventory:get is answered by the export fakes (main.bundles.inventory).
  const client: StewardClient = main.client;
  const store = createStewardStore(client);
  // The rate samples and the verify report follow the jobs through the job reactions.
  onTestFinished(connectJobReactions(store));
  return { main, client, store };
}

/** Lets pending promise continuations (answers from the fake main) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function errorsOf(store: ReturnType<typeof setup>['store']) {
  return store.getState().errors.map(({ code, message }) => ({ code, message }));
}

const THREE_PROJECTS = [
  inventoryProject({ id: 'p-1', name: 'Bananas' }),
  inventoryProject({ id: 'p-2', name: '<b>Apples</b>' }),
  inventoryProject({ id: 'p-3', name: 'Cherries' }),
];

describe('export selection', () => {
  it('selects every kind of data and every project by default, without a zip', async () => {
    const { main, store } = setup();
    main.bundles.inventory = inventorySnapshot(THREE_PROJECTS);
    await store.getState().loadExportInventory();
    main.bundles.dialogAnswers.push(FOLDER);
    await store.getState().chooseExportFolder();

    expect(store.getState().exportCategories).toEqual([...EXPORT_CATEGORIES]);
    // Every project selected: the ids are left out, which main reads as "all projects".
    expect(exportRequestOf(store.getState())).toEqual({ folderId: 'folder-1', categories: [...EXPORT_CATEGORIES], zip: false });
  });

  it('takes a kind of data out and puts it back in its usual place', () => {
    const { store } = setup();
    store.getState().setExportCategory('images', false);
    store.getState().setExportCategory('predictions', false);
    expect(store.getState().exportCategories).toEqual(['projects', 'iterations', 'performance', 'tags', 'models']);

    store.getState().setExportCategory('images', true);
    expect(store.getState().exportCategories).toEqual(['projects', 'iterations', 'performance', 'tags', 'images', 'models']);
  });

  it('toggles projects one by one, and all or none at once', async () => {
    const { main, store } = setup();
    main.bundles.inventory = inventorySnapshot(THREE_PROJECTS);
    await store.getState().loadExportInventory();
    store.setState({ exportFolder: FOLDER });

    store.getState().setExportProject('p-2', false);
    expect(exportRequestOf(store.getState())?.projectIds).toEqual(['p-1', 'p-3']);

    store.getState().selectNoExportProjects();
    expect(exportRequestOf(store.getState())).toBeNull();
    store.getState().setExportProject('p-3', true);
    expect(exportRequestOf(store.getState())?.projectIds).toEqual(['p-3']);

    store.getState().selectAllExportProjects();
    expect(exportRequestOf(store.getState())?.projectIds).toBeUndefined();
  });

  it('cannot start without a folder or with nothing selected', async () => {
    const { main, store } = setup();
    expect(await store.getState().startExport()).toBe(false);

    store.setState({ exportFolder: FOLDER });
    for (const category of EXPORT_CATEGORIES) store.getState().setExportCategory(category, false);
    expect(await store.getState().startExport()).toBe(false);

    expect(main.bundles.startRequests).toEqual([]);
    expect(main.requests.filter((request) => request.startsWith('export.start'))).toEqual([]);
  });

  it('exports every project when no inventory has been made yet', async () => {
    const { store } = setup();
    await store.getState().loadExportInventory();
    store.setState({ exportFolder: FOLDER });

    expect(store.getState().exportInventory).toBeNull();
    expect(exportRequestOf(store.getState())).toEqual({ folderId: 'folder-1', categories: [...EXPORT_CATEGORIES], zip: false });
  });
});

describe('choosing the folder', () => {
  it('shows the folder the user picked, and keeps it when a later dialog is cancelled', async () => {
    const { main, store } = setup();
    main.bundles.dialogAnswers.push(FOLDER, null);

    await store.getState().chooseExportFolder();
    expect(store.getState().exportFolder).toEqual(FOLDER);

    await store.getState().chooseExportFolder();
    expect(store.getState().exportFolder).toEqual(FOLDER);
    expect(store.getState().choosingFolder).toBe(false);
  });

  it("shows main's error when the dialog cannot open", async () => {
    const { main, store } = setup();
    main.failWith('export.chooseFolder', { code: 'INTERNAL', message: 'The folder dialog could not be shown.' });

    await store.getState().chooseExportFolder();

    expect(store.getState().exportFolder).toBeNull();
    expect(errorsOf(store)).toEqual([{ code: 'INTERNAL', message: 'The folder dialog could not be shown.' }]);
  });
});

describe('starting an export', () => {
  it('sends exactly the selection and shows the new job', async () => {
    const { main, store } = setup();
    main.bundles.inventory = inventorySnapshot(THREE_PROJECTS);
    main.bundles.dialogAnswers.push(FOLDER);
    await store.getState().loadExportInventory();
    await store.getState().chooseExportFolder();
    store.getState().setExportCategory('predictions', false);
    store.getState().setExportProject('p-1', false);
    store.getState().setExportZip(true);

    expect(await store.getState().startExport()).toBe(true);

    expect(main.bundles.startRequests).toEqual([
      {
        folderId: 'folder-1',
        categories: ['projects', 'iterations', 'performance', 'tags', 'images', 'models'],
        projectIds: ['p-2', 'p-3'],
        zip: true,
        // The bundle's offline viewer speaks the interface's language (English in these tests).
        language: 'en',
      },
    ]);
    expect(store.getState().exportJobId).toBe('export-1');
    expect(selectExportJob(store.getState())?.state).toBe('queued');
  });

  it("puts main's refusal in the error list and starts nothing", async () => {
    const { main, store } = setup();
    store.setState({ exportFolder: FOLDER });
    main.failWith('export.start', { code: 'NOT_FOUND', message: 'Choose the folder again: CV Steward no longer knows that folder.' });

    expect(await store.getState().startExport()).toBe(false);

    expect(errorsOf(store)).toEqual([{ code: 'NOT_FOUND', message: 'Choose the folder again: CV Steward no longer knows that folder.' }]);
    expect(store.getState().exportJobId).toBeNull();
    expect(store.getState().exportStarting).toBe(false);
  });

  it('puts a failed inventory read in the error list', async () => {
    const { main, store } = setup();
    main.failWith('inventory.get', { code: 'NO_ACCOUNT', message: 'Connect an account first.' });

    await store.getState().loadExportInventory();

    expect(store.getState().exportInventoryStatus).toBe('error');
    expect(errorsOf(store)).toEqual([{ code: 'NO_ACCOUNT', message: 'Connect an account first.' }]);
  });

  it('samples the running export for its rate, and starts afresh after a pause', async () => {
    const { main, client, store } = setup();
    store.setState({ exportFolder: FOLDER });
    connectStewardEvents(store, client);
    await store.getState().startExport();
    const progress = (state: 'running' | 'paused', bytesDone: number) =>
      jobSnapshot({
        id: 'export-1',
        state,
        categories: [{ category: 'images', done: bytesDone / 100, total: 50, bytesDone, bytesTotal: null, errors: 0 }],
      });

    main.emitProgress(progress('running', 1000));
    main.emitProgress(progress('running', 2000));
    expect(store.getState().exportSamples.map((sample) => sample.bytes)).toEqual([1000, 2000]);

    main.emitProgress(progress('paused', 2000));
    expect(store.getState().exportSamples).toEqual([]);
    main.emitProgress(progress('running', 2500));
    expect(store.getState().exportSamples.map((sample) => sample.bytes)).toEqual([2500]);
  });
});

describe('transfer rate and time remaining', () => {
  const sample = (seconds: number, bytes: number, items: number): TransferSample => ({ at: seconds * 1000, bytes, items });

  it('says "calculating…" (null) until two samples span at least a second', () => {
    const totals = { itemsTotal: 100, bytesTotal: 10_000 };
    expect(estimateTransfer([], 5_000, totals)).toBeNull();
    expect(estimateTransfer([sample(0, 0, 0)], 5_000, totals)).toBeNull();
    expect(estimateTransfer([sample(0, 0, 0), sample(0.5, 500, 5)], 500, totals)).toBeNull();
  });

  it('divides the bytes still to come by the bytes per second', () => {
    const samples = [sample(0, 0, 0), sample(1, 1000, 10), sample(2, 2000, 20)];
    expect(estimateTransfer(samples, 2_000, { itemsTotal: 100, bytesTotal: 10_000 })).toEqual({
      bytesPerSecond: 1000,
      itemsPerSecond: 10,
      secondsRemaining: 8,
    });
  });

  it('counts items when the total size is not known in advance', () => {
    const samples = [sample(0, 0, 0), sample(2, 5000, 4)];
    expect(estimateTransfer(samples, 2_000, { itemsTotal: 24, bytesTotal: null })?.secondsRemaining).toBe(10);
    // Neither total known: a rate, but no time remaining.
    expect(estimateTransfer(samples, 2_000, { itemsTotal: null, bytesTotal: null })).toEqual({
      bytesPerSecond: 2500,
      itemsPerSecond: 2,
      secondsRemaining: null,
    });
  });

  it('follows the last five seconds, not the whole export', () => {
    // Slow for ten seconds (100 B/s), then fast (1 000 B/s) for five.
    const samples: TransferSample[] = [];
    for (let s = 0; s <= 10; s += 1) samples.push(sample(s, s * 100, s));
    for (let s = 11; s <= 15; s += 1) samples.push(sample(s, 1000 + (s - 10) * 1000, s));
    expect(estimateTransfer(samples, 15_000, { itemsTotal: null, bytesTotal: 16_000 })).toMatchObject({
      bytesPerSecond: 1000,
      secondsRemaining: 10,
    });
  });

  it('shows the rate falling while nothing arrives, and no time remaining once it stops', () => {
    const samples = [sample(0, 0, 0), sample(1, 1000, 1), sample(2, 2000, 2)];
    const totals = { itemsTotal: 10, bytesTotal: 10_000 };
    expect(estimateTransfer(samples, 4_000, totals)?.bytesPerSecond).toBe(500);
    const stalled = estimateTransfer(samples, 20_000, totals);
    expect(stalled?.bytesPerSecond).toBe(0);
    expect(stalled?.secondsRemaining).toBeNull();
  });

  it('keeps only the samples the window needs, plus one to measure from', () => {
    let samples: TransferSample[] = [];
    for (let s = 0; s <= 20; s += 1) samples = recordSample(samples, sample(s, s * 10, s));
    expect(samples.map((kept) => kept.at / 1000)).toEqual([15, 16, 17, 18, 19, 20]);
  });

  it('adds up a job across categories; a total stays unknown while any part is unknown', () => {
    const job = jobSnapshot({
      categories: [
        { category: 'projects', done: 2, total: 2, bytesDone: 300, bytesTotal: 300, errors: 0 },
        { category: 'images', done: 5, total: 40, bytesDone: 5000, bytesTotal: null, errors: 0 },
      ],
    });
    expect(jobTotals(job)).toEqual({ items: 7, itemsTotal: 42, bytes: 5300, bytesTotal: null });
  });

  it('words the time remaining for people', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(1500)).toBe('25 min');
    expect(formatDuration(4000)).toBe('1 h 7 min');
  });
});

describe('verifying a bundle', () => {
  it('asks for a folder, verifies it, and fetches the report once the job is done', async () => {
    const { main, client, store } = setup();
    connectStewardEvents(store, client);
    main.bundles.dialogAnswers.push(FOLDER);

    await store.getState().verifyBundle();
    expect(main.bundles.verifiedFolderIds).toEqual(['folder-1']);
    expect(store.getState().verifyFolder).toEqual(FOLDER);
    expect(selectVerifyJob(store.getState())?.id).toBe('verify-1');

    const report = verifyReport({ checkedFiles: 340, checkedBytes: 52_000_000 });
    main.bundles.reports.set('verify-1', report);
    main.emitFinished(jobSnapshot({ id: 'verify-1', kind: 'verify', state: 'succeeded', categories: [] }));
    await settle();

    expect(main.requests.filter((request) => request.startsWith('export.report'))).toEqual(['export.report verify-1']);
    expect(store.getState().verifyReport).toEqual({ jobId: 'verify-1', report });
    expect(store.getState().verifyReportStatus).toBe('ready');
  });

  it('keeps the damaged paths of the report for the page to list', async () => {
    const { main, client, store } = setup();
    connectStewardEvents(store, client);
    main.bundles.dialogAnswers.push(FOLDER);
    await store.getState().verifyBundle();

    main.bundles.reports.set(
      'verify-1',
      verifyReport({ ok: false, missing: ['projects/a/images/files/1.jpg'], altered: ['manifest-listed.json'], problems: ['status is partial'] }),
    );
    main.emitFinished(jobSnapshot({ id: 'verify-1', kind: 'verify', state: 'succeeded', categories: [] }));
    await settle();

    const shown = store.getState().verifyReport?.report;
    expect(shown?.ok).toBe(false);
    expect(shown?.missing).toEqual(['projects/a/images/files/1.jpg']);
    expect(shown?.altered).toEqual(['manifest-listed.json']);
    expect(shown?.problems).toEqual(['status is partial']);
  });

  it('does nothing when the folder dialog is cancelled', async () => {
    const { main, store } = setup();
    main.bundles.dialogAnswers.push(null);

    await store.getState().verifyBundle();

    expect(main.bundles.verifiedFolderIds).toEqual([]);
    expect(store.getState().verifyJobId).toBeNull();
  });

  it('verifies the folder just exported into without asking again', async () => {
    const { main, store } = setup();
    await store.getState().verifyBundle(FOLDER);
    expect(main.requests).toEqual(['export.verify folder-1', 'jobs.list']);
  });

  it("shows main's error when the report of a finished verify cannot be read", async () => {
    const { main, client, store } = setup();
    connectStewardEvents(store, client);
    await store.getState().verifyBundle(FOLDER);

    main.emitFinished(jobSnapshot({ id: 'verify-1', kind: 'verify', state: 'succeeded', categories: [] }));
    await settle();

    expect(store.getState().verifyReportStatus).toBe('error');
    expect(errorsOf(store)).toEqual([{ code: 'NOT_FOUND', message: 'There is no report for job verify-1.' }]);
  });

  it('adds no second error when a failed verify has no report (the job shows its own error)', async () => {
    const { main, client, store } = setup();
    connectStewardEvents(store, client);
    await store.getState().verifyBundle(FOLDER);

    main.emitFinished(
      jobSnapshot({ id: 'verify-1', kind: 'verify', state: 'failed', categories: [], error: { code: 'NOT_A_BUNDLE', message: 'No manifest.json in this folder.' } }),
    );
    await settle();

    expect(store.getState().errors).toEqual([]);
    expect(store.getState().verifyReport).toBeNull();
  });

  it("shows main's error when verifying cannot start", async () => {
    const { main, store } = setup();
    main.failWith('export.verify', { code: 'NOT_FOUND', message: 'Choose the folder again: CV Steward no longer knows that folder.' });

    await store.getState().verifyBundle(FOLDER);

    expect(errorsOf(store)).toEqual([{ code: 'NOT_FOUND', message: 'Choose the folder again: CV Steward no longer knows that folder.' }]);
    expect(store.getState().verifyStarting).toBe(false);
  });
});
