/**
 * Export and verify: what the user picked (categories, projects, folder, zip), the export
 * and verify jobs started from this window, the transfer samples that give the rate and
 * time remaining, and the verify report once a verify job is over. The samples and the
 * report are fed in by job-reactions.ts as the jobs move.
 *
 * Selection defaults to everything: categories are kept as the selected list, projects as
 * the *excluded* list, so a project that appears in a later scan is exported unless the
 * user took it out.
 */
import { jobTotals } from '../../shared/model/job-totals';
import type { StateCreator } from 'zustand';
import { EXPORT_CATEGORIES, type ChosenFolder, type ExportCategory, type VerifyReport } from '../../shared/model/bundle';
import type { InventorySnapshot } from '../../shared/model/inventory';
import type { JobSnapshot } from '../../shared/model/job';
import { inInterfaceLanguage } from '../lib/api';
import { toAppError } from '../lib/app-error';
import { latestJobOfKind } from './selectors';
import type { LoadStatus, StewardClient, StewardState } from './types';

/** What `export:start` receives. `projectIds` is left out when every project is selected. */
export interface ExportRequest {
  folderId: string;
  categories: ExportCategory[];
  projectIds?: string[];
  zip: boolean;
}

/** One look at a job's progress: when it arrived and how far the job was. */
export interface TransferSample {
  at: number;
  bytes: number;
  items: number;
}

export interface TransferEstimate {
  bytesPerSecond: number;
  itemsPerSecond: number;
  /** null when neither the bytes nor the items still to do are known, or nothing moves. */
  secondsRemaining: number | null;
}

export interface ExportSlice {
  /** The latest inventory, for counts and the project list; null before any scan. */
  exportInventory: InventorySnapshot | null;
  exportInventoryStatus: LoadStatus;
  /** Selected categories, always in EXPORT_CATEGORIES order. */
  exportCategories: ExportCategory[];
  /** Projects the user took out of the export (everything else is exported). */
  exportExcludedProjectIds: string[];
  exportFolder: ChosenFolder | null;
  exportZip: boolean;
  /** True while main's folder dialog is open (one at a time, for export or verify). */
  choosingFolder: boolean;
  exportStarting: boolean;
  /** The export started from this window, if any. */
  exportJobId: string | null;
  /** Progress of the shown export job while it runs (newest last, about 5 s of them). */
  exportSamples: TransferSample[];
  verifyFolder: ChosenFolder | null;
  verifyStarting: boolean;
  verifyJobId: string | null;
  verifyReport: { jobId: string; report: VerifyReport } | null;
  verifyReportStatus: LoadStatus;
  loadExportInventory(): Promise<void>;
  setExportCategory(category: ExportCategory, selected: boolean): void;
  setExportProject(projectId: string, selected: boolean): void;
  selectAllExportProjects(): void;
  selectNoExportProjects(): void;
  setExportZip(zip: boolean): void;
  /** Opens main's folder dialog; a cancelled dialog keeps the previous folder. */
  chooseExportFolder(): Promise<void>;
  /** Starts an export of the current selection. False when nothing was started. */
  startExport(): Promise<boolean>;
  /** Verifies `folder`, or asks for a folder first when none is given. */
  verifyBundle(folder?: ChosenFolder): Promise<void>;
  loadVerifyReport(jobId: string): Promise<void>;
  /**
   * Fetches the report of a verify job that has just ended, unless it was already asked
   * for. `quiet` keeps a failure out of the error surface (a failed job shows its own error).
   */
  loadEndedVerifyReport(jobId: string, quiet: boolean): Promise<void>;
}

/** The rate is measured over this much recent time, so it follows speed changes quickly. */
export const RATE_WINDOW_MS = 5_000;
/** Less than this and a rate is mostly noise: the page says "calculating…" instead. */
export const MIN_RATE_SPAN_MS = 1_000;

/** The request the current selection makes, or null while it cannot start. */
export function exportRequestOf(state: StewardState): ExportRequest | null {
  const { exportFolder, exportCategories, exportInventory, exportExcludedProjectIds, exportZip } = state;
  if (!exportFolder || exportCategories.length === 0) return null;
  const projects = exportInventory?.projects ?? [];
  const excluded = new Set(exportExcludedProjectIds);
  const selected = projects.filter((project) => !excluded.has(project.id)).map((project) => project.id);
  if (projects.length > 0 && selected.length === 0) return null;
  const request: ExportRequest = { folderId: exportFolder.folderId, categories: [...exportCategories], zip: exportZip };
  // Leaving the ids out means "every project", which also covers projects made after the scan.
  if (selected.length < projects.length) request.projectIds = selected;
  return request;
}

/** The export to show: the one started here once it has arrived, else the latest one. */
export function selectExportJob(state: StewardState): JobSnapshot | undefined {
  if (state.exportJobId !== null) return state.jobsById[state.exportJobId];
  return latestJobOfKind(state, 'export');
}

export function selectVerifyJob(state: StewardState): JobSnapshot | undefined {
  if (state.verifyJobId !== null) return state.jobsById[state.verifyJobId];
  return latestJobOfKind(state, 'verify');
}

/** Sums a job's categories (shared with main's taskbar progress). */
export { jobTotals };

/** Adds a sample and forgets those the rate window no longer needs (keeping one baseline). */
export function recordSample(samples: readonly TransferSample[], sample: TransferSample): TransferSample[] {
  const cutoff = sample.at - RATE_WINDOW_MS;
  let firstKept = 0;
  for (let i = 0; i < samples.length; i += 1) {
    if ((samples[i]?.at ?? 0) <= cutoff) firstKept = i;
  }
  return [...samples.slice(firstKept), sample];
}

/**
 * Rate over the last RATE_WINDOW_MS before `now`, measured from the newest sample at or
 * before the window's start (or the oldest one early on). The job is assumed unchanged
 * since its last sample, so a stalled transfer shows its rate falling instead of freezing.
 * Null ("calculating…") until two samples span at least MIN_RATE_SPAN_MS.
 */
export function estimateTransfer(
  samples: readonly TransferSample[],
  now: number,
  totals: { itemsTotal: number | null; bytesTotal: number | null },
): TransferEstimate | null {
  const last = samples[samples.length - 1];
  const oldest = samples[0];
  if (!last || !oldest || samples.length < 2) return null;
  const end = Math.max(now, last.at);
  let baseline = oldest;
  for (const sample of samples) if (sample.at <= end - RATE_WINDOW_MS) baseline = sample;
  const seconds = (end - baseline.at) / 1000;
  if (seconds * 1000 < MIN_RATE_SPAN_MS) return null;
  const bytesPerSecond = Math.max(0, last.bytes - baseline.bytes) / seconds;
  const itemsPerSecond = Math.max(0, last.items - baseline.items) / seconds;
  let secondsRemaining: number | null = null;
  if (totals.bytesTotal !== null && bytesPerSecond > 0) {
    secondsRemaining = Math.max(0, totals.bytesTotal - last.bytes) / bytesPerSecond;
  } else if (totals.bytesTotal === null && totals.itemsTotal !== null && itemsPerSecond > 0) {
    secondsRemaining = Math.max(0, totals.itemsTotal - last.items) / itemsPerSecond;
  }
  return { bytesPerSecond, itemsPerSecond, secondsRemaining };
}

export const createExportSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], ExportSlice> =>
  (set, get) => {
    // Report requests already made, so each finished verify job is fetched once.
    const reportsRequested = new Set<string>();

    const chooseFolder = async (): Promise<ChosenFolder | null> => {
      if (get().choosingFolder) return null;
      set({ choosingFolder: true });
      try {
        return await client.export.chooseFolder();
      } catch (error) {
        get().pushError(toAppError(error));
        return null;
      } finally {
        set({ choosingFolder: false });
      }
    };

    const fetchReport = async (jobId: string, quiet: boolean) => {
      set({ verifyReportStatus: 'loading' });
      try {
        const report = await client.export.report({ jobId });
        set({ verifyReport: { jobId, report }, verifyReportStatus: 'ready' });
      } catch (error) {
        set({ verifyReportStatus: 'error' });
        if (!quiet) get().pushError(toAppError(error));
      }
    };

    return {
      exportInventory: null,
      exportInventoryStatus: 'idle',
      exportCategories: [...EXPORT_CATEGORIES],
      exportExcludedProjectIds: [],
      exportFolder: null,
      exportZip: false,
      choosingFolder: false,
      exportStarting: false,
      exportJobId: null,
      exportSamples: [],
      verifyFolder: null,
      verifyStarting: false,
      verifyJobId: null,
      verifyReport: null,
      verifyReportStatus: 'idle',

      loadExportInventory: async () => {
        if (get().exportInventoryStatus === 'loading') return;
        set({ exportInventoryStatus: 'loading' });
        try {
          set({ exportInventory: await client.inventory.get(), exportInventoryStatus: 'ready' });
        } catch (error) {
          set({ exportInventoryStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },

      setExportCategory: (category, selected) =>
        set((state) => ({
          exportCategories: EXPORT_CATEGORIES.filter((c) => (c === category ? selected : state.exportCategories.includes(c))),
        })),

      setExportProject: (projectId, selected) =>
        set((state) => {
          const others = state.exportExcludedProjectIds.filter((id) => id !== projectId);
          return { exportExcludedProjectIds: selected ? others : [...others, projectId] };
        }),

      selectAllExportProjects: () => set({ exportExcludedProjectIds: [] }),

      selectNoExportProjects: () =>
        set((state) => ({ exportExcludedProjectIds: (state.exportInventory?.projects ?? []).map((project) => project.id) })),

      setExportZip: (zip) => set({ exportZip: zip }),

      chooseExportFolder: async () => {
        const folder = await chooseFolder();
        if (folder) set({ exportFolder: folder });
      },

      startExport: async () => {
        const request = exportRequestOf(get());
        if (!request || get().exportStarting) return false;
        set({ exportStarting: true });
        try {
          // The bundle's offline viewer speaks the language the interface shows now.
          const { jobId } = await client.export.start(inInterfaceLanguage(request));
          set({ exportJobId: jobId });
          // Progress events will follow; listing now shows the job without waiting for one.
          await get().loadJobs();
          return true;
        } catch (error) {
          get().pushError(toAppError(error));
          return false;
        } finally {
          set({ exportStarting: false });
        }
      },

      verifyBundle: async (given) => {
        if (get().verifyStarting) return;
        const folder = given ?? (await chooseFolder());
        if (!folder) return;
        set({ verifyStarting: true, verifyFolder: folder, verifyReport: null, verifyReportStatus: 'idle' });
        try {
          const { jobId } = await client.export.verify({ folderId: folder.folderId });
          set({ verifyJobId: jobId });
          await get().loadJobs();
        } catch (error) {
          get().pushError(toAppError(error));
        } finally {
          set({ verifyStarting: false });
        }
      },

      loadVerifyReport: (jobId) => {
        reportsRequested.add(jobId);
        return fetchReport(jobId, false);
      },

      loadEndedVerifyReport: async (jobId, quiet) => {
        if (reportsRequested.has(jobId)) return;
        reportsRequested.add(jobId);
        await fetchReport(jobId, quiet);
      },
    };
  };
