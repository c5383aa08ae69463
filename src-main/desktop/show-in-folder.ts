/**
 * "Show in folder" (app:showInFolder): opens the system's file manager on something main
 * wrote — a bundle, a cleanup receipt, the log files. The page names only ids (a folder id
 * from main's own dialog, a plan id) or "logs"; the path always comes from main, so a
 * compromised page cannot make the shell reveal or open an arbitrary path.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShowInFolderTarget } from '../../shared/ipc/contract';
import { AppError } from '../errors/app-error';
import { DEFAULT_LOG_FILE_NAME } from '../logging';

/** Electron's shell.showItemInFolder in the app; a recorder in the harness. */
export type ShowItemInFolder = (path: string) => void | Promise<void>;

export interface ShowInFolderOptions {
  /** Absent without a shell (CLI, unit tests): every request is refused with NOT_SUPPORTED. */
  show?: ShowItemInFolder;
  /** The folder the user chose for a bundle (FolderRegistry.resolve; throws NOT_FOUND). */
  bundleFolder(folderId: string): string;
  /** The receipt's HTML file of a plan (throws NOT_FOUND before the cleanup has run). */
  receiptFile(planId: string): Promise<string>;
  /** Where the log files are; absent when this shell keeps none. */
  logsDir?: string;
}

async function exists(path: string): Promise<'file' | 'dir' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/**
 * The item to select in the file manager. For a bundle, its viewer page (index.html) or
 * manifest, so the folder opens on the bundle's contents; for the logs, the current log file.
 */
async function pathToShow(target: ShowInFolderTarget, options: ShowInFolderOptions): Promise<string> {
  switch (target.kind) {
    case 'bundle': {
      const folder = options.bundleFolder(target.folderId);
      if ((await exists(folder)) !== 'dir') throw new AppError('NOT_FOUND', 'The bundle folder is no longer there: it was moved or deleted.');
      for (const name of ['index.html', 'manifest.json']) {
        if ((await exists(join(folder, name))) === 'file') return join(folder, name);
      }
      return folder;
    }
    case 'receipt':
      return options.receiptFile(target.planId);
    case 'logs': {
      if (!options.logsDir) throw new AppError('NOT_SUPPORTED', 'CV Steward keeps no log files here.');
      const file = join(options.logsDir, DEFAULT_LOG_FILE_NAME);
      if ((await exists(file)) === 'file') return file;
      if ((await exists(options.logsDir)) === 'dir') return options.logsDir;
      throw new AppError('NOT_FOUND', 'There are no log files yet.');
    }
  }
}

export function createShowInFolder(options: ShowInFolderOptions): (target: ShowInFolderTarget) => Promise<{ shown: boolean }> {
  return async (target) => {
    const show = options.show;
    if (!show) throw new AppError('NOT_SUPPORTED', 'CV Steward cannot open the file manager from here.');
    const path = await pathToShow(target, options);
    await show(path);
    return { shown: true };
  };
}
