/**
 * What the operating system shows about long jobs outside the window: the taskbar/dock
 * progress bar while exports, verifies and cleanups run, and a notification when one of
 * them finishes after a long run while the user is looking at something else.
 *
 * Pure decisions over job snapshots (no Electron, no clock of its own: durations come from
 * the snapshots' timestamps), plus `startJobAttention`, which listens to the job runner and
 * calls the shell's two outputs. src-main/electron/job-attention-adapter.ts supplies them.
 */
import { jobTotals } from '../../shared/model/job-totals';
import type { Language } from '../../shared/model/preferences';
import type { JobKind, JobSnapshot } from '../../shared/model/job';
import { mainTranslator } from '../i18n';
import type { MenuPage } from './app-menu';

/** Jobs whose progress the taskbar shows (a backup is an export job). */
export const TASKBAR_JOB_KINDS: readonly JobKind[] = ['export', 'verify', 'cleanup-check', 'cleanup'];
/** Jobs whose end may deserve a notification. */
export const NOTIFY_JOB_KINDS: readonly JobKind[] = ['export', 'verify', 'cleanup'];
/** Shorter jobs end while the user is still waiting for them: no notification. */
export const LONG_JOB_MS = 10_000;
/** Electron's setProgressBar value for "busy, amount unknown" (any value above 1). */
export const INDETERMINATE_PROGRESS = 2;

export type TaskbarMode = 'none' | 'normal' | 'indeterminate' | 'paused';
/** Electron's setProgressBar(value, { mode }); the mode matters on Windows only. */
export interface TaskbarProgress {
  value: number;
  mode: TaskbarMode;
}

export const NO_PROGRESS: TaskbarProgress = Object.freeze({ value: -1, mode: 'none' });

const ACTIVE_STATES = new Set(['queued', 'running', 'paused']);

/** 0..1 done, by bytes when every size is known, else by items; null while totals are unknown. */
export function jobFraction(job: JobSnapshot): number | null {
  const { items, itemsTotal, bytes, bytesTotal } = jobTotals(job);
  if (bytesTotal !== null && bytesTotal > 0) return clamp(bytes / bytesTotal);
  if (itemsTotal !== null && itemsTotal > 0) return clamp(items / itemsTotal);
  return null;
}

/**
 * One bar for all running exports, verifies and cleanups: the mean of their fractions
 * (each job counts the same, whatever its size); indeterminate while any total is unknown;
 * `paused` when nothing runs but something is paused; removed (-1) when none is active.
 */
export function taskbarProgress(jobs: readonly JobSnapshot[]): TaskbarProgress {
  const active = jobs.filter((job) => TASKBAR_JOB_KINDS.includes(job.kind) && ACTIVE_STATES.has(job.state));
  if (active.length === 0) return NO_PROGRESS;
  const fractions = active.map(jobFraction);
  const known = fractions.every((f): f is number => f !== null);
  const mean = known ? fractions.reduce((sum, f) => sum + f, 0) / fractions.length : null;
  const paused = active.some((job) => job.state === 'paused') && !active.some((job) => job.state === 'running');
  // Windows cannot show a paused bar without a value: an unknown amount shows as empty.
  if (paused) return { value: mean ?? 0, mode: 'paused' };
  return mean === null ? { value: INDETERMINATE_PROGRESS, mode: 'indeterminate' } : { value: mean, mode: 'normal' };
}

export interface JobNotification {
  jobId: string;
  title: string;
  body: string;
  /** Where a click on the notification takes the user. */
  page: MenuPage;
}

export interface NotificationContext {
  /** Whether the app's window has the focus (then the page itself shows the outcome). */
  focused: boolean;
  language: Language;
  minDurationMs?: number;
}

/** How long the job ran, from its own timestamps; null when it never started. */
export function jobDurationMs(job: JobSnapshot): number | null {
  if (!job.startedAt || !job.finishedAt) return null;
  const ms = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The notification for a finished job, or null: only exports, verifies and cleanups that
 * succeeded or failed (a cancel is the user's own doing), ran at least LONG_JOB_MS, and
 * ended while the window was not focused. The text is built from catalogue strings, counts
 * and the error's code only — never main's free-text messages, which may quote URLs.
 */
export function notificationFor(job: JobSnapshot, context: NotificationContext): JobNotification | null {
  if (context.focused || !NOTIFY_JOB_KINDS.includes(job.kind)) return null;
  if (job.state !== 'succeeded' && job.state !== 'failed') return null;
  const duration = jobDurationMs(job);
  if (duration === null || duration < (context.minDurationMs ?? LONG_JOB_MS)) return null;
  const t = mainTranslator(context.language, 'desktop');
  const code = safeCode(job.error?.code);
  const count = job.categories.reduce((sum, category) => sum + category.done, 0);
  const ok = job.state === 'succeeded';
  const page: MenuPage = job.kind === 'cleanup' ? 'cleanup' : 'export';
  const text = (() => {
    switch (job.kind) {
      case 'export':
        return ok
          ? { title: t('notification.exportDone.title'), body: t('notification.exportDone.body', { count }) }
          : { title: t('notification.exportFailed.title'), body: t('notification.exportFailed.body', { code }) };
      case 'verify':
        return ok
          ? { title: t('notification.verifyDone.title'), body: t('notification.verifyDone.body', { count }) }
          : { title: t('notification.verifyFailed.title'), body: t('notification.verifyFailed.body', { code }) };
      default:
        if (ok) return { title: t('notification.cleanupDone.title'), body: t('notification.cleanupDone.body') };
        return code === 'CLEANUP_INCOMPLETE'
          ? { title: t('notification.cleanupIncomplete.title'), body: t('notification.cleanupIncomplete.body') }
          : { title: t('notification.cleanupFailed.title'), body: t('notification.cleanupFailed.body', { code }) };
    }
  })();
  return { jobId: job.id, page, ...text };
}

/** Error codes are identifiers main chose (NETWORK, CLEANUP_INCOMPLETE); anything else is not shown. */
function safeCode(code: string | undefined): string {
  return code !== undefined && /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : 'ERROR';
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** The job runner as seen here (JobRunner is one). */
export interface AttentionJobs {
  list(): JobSnapshot[];
  onProgress(listener: (snapshot: JobSnapshot) => void): () => void;
  onFinished(listener: (snapshot: JobSnapshot) => void): () => void;
}

export interface JobAttentionOptions {
  jobs: AttentionJobs;
  isFocused(): boolean;
  language(): Language;
  /** Called only when the bar changes (Electron's setProgressBar). */
  setProgress(progress: TaskbarProgress): void;
  notify(notification: JobNotification): void;
  minDurationMs?: number;
}

/** Follows the job runner until the returned function is called (which also removes the bar). */
export function startJobAttention(options: JobAttentionOptions): () => void {
  let shown: TaskbarProgress = NO_PROGRESS;
  const update = () => {
    const next = taskbarProgress(options.jobs.list());
    // Progress events come ~10 times a second per job; the OS only hears about changes.
    if (next.mode === shown.mode && Math.abs(next.value - shown.value) < 0.001) return;
    shown = next;
    options.setProgress(next);
  };
  const stopProgress = options.jobs.onProgress(update);
  const stopFinished = options.jobs.onFinished((job) => {
    update();
    const notification = notificationFor(job, {
      focused: options.isFocused(),
      language: options.language(),
      ...(options.minDurationMs === undefined ? {} : { minDurationMs: options.minDurationMs }),
    });
    if (notification) options.notify(notification);
  });
  return () => {
    stopProgress();
    stopFinished();
    if (shown.mode !== 'none') options.setProgress(NO_PROGRESS);
    shown = NO_PROGRESS;
  };
}
