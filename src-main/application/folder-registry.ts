/**
 * Folders the user chose through main's own dialog: file writes go only to paths the main
 * process chose (docs/architecture.md, "The IPC contract"). The renderer only ever holds
 * an opaque id, so a compromised page cannot make main write anywhere it likes.
 */
import { randomUUID } from 'node:crypto';
import type { ChosenFolder } from '../../shared/model/bundle';
import { AppError } from '../errors/app-error';

/** Shows the platform's folder dialog (Electron) or a stand-in (harness, tests). */
export type PickFolder = () => Promise<string | null>;

export class FolderRegistry {
  private readonly folders = new Map<string, string>();

  constructor(private readonly pick: PickFolder) {}

  async choose(): Promise<ChosenFolder | null> {
    const path = await this.pick();
    if (!path) return null;
    return { folderId: this.register(path), displayPath: path };
  }

  /**
   * Makes a folder main chose itself known by a new id (a default export folder, or the
   * bundle of an interrupted export, which main recorded when the user chose it); never a
   * path the page named.
   */
  register(path: string): string {
    const folderId = randomUUID();
    this.folders.set(folderId, path);
    return folderId;
  }

  resolve(folderId: string): string {
    const path = this.folders.get(folderId);
    if (!path) throw new AppError('NOT_FOUND', 'Choose the folder again: CV Steward no longer knows that folder.');
    return path;
  }

  /** Forgets every folder ("forget everything"): the page must choose again. */
  clear(): void {
    this.folders.clear();
  }
}
