/**
 * Gives src-main/desktop/job-attention.ts its two outputs in Electron: the taskbar/dock
 * progress bar of the app's windows, and system notifications whose click brings the
 * window back on the job's page.
 */
import { BrowserWindow, Notification } from 'electron';
import type { Language } from '../../shared/model/preferences';
import type { MenuPage } from '../desktop/app-menu';
import { startJobAttention, type AttentionJobs, type TaskbarProgress } from '../desktop/job-attention';

export interface JobAttentionAdapterOptions {
  jobs: AttentionJobs;
  language(): Language;
  /** Only the app's own windows get the bar. */
  isAppWindow(window: BrowserWindow): boolean;
  /** A click on a notification: show the window on this page. */
  onClick(page: MenuPage): void;
}

export function attachJobAttention(options: JobAttentionAdapterOptions): () => void {
  // Electron drops the click handler of a notification that was garbage collected.
  const live = new Set<Notification>();
  const setProgress = (progress: TaskbarProgress) => {
    for (const window of BrowserWindow.getAllWindows()) {
      // The mode is read on Windows only; elsewhere the value alone decides.
      if (options.isAppWindow(window) && !window.isDestroyed()) window.setProgressBar(progress.value, { mode: progress.mode });
    }
  };
  return startJobAttention({
    jobs: options.jobs,
    language: options.language,
    isFocused: () => {
      const focused = BrowserWindow.getFocusedWindow();
      return focused !== null && options.isAppWindow(focused);
    },
    setProgress,
    notify: (notification) => {
      if (!Notification.isSupported()) return;
      const shown = new Notification({ title: notification.title, body: notification.body });
      live.add(shown);
      shown.on('click', () => {
        live.delete(shown);
        options.onClick(notification.page);
      });
      shown.on('close', () => live.delete(shown));
      shown.show();
    },
  });
}
