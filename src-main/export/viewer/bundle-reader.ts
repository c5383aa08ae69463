/**
 * Defensive reading of the bundle's canonical records. They are what the service
 * returned (plus our manifest), so any field may be missing, null or of a surprising
 * type; the viewer is a derived view and must still be written when one file is
 * unreadable, so failures become problems shown on the summary page instead of throwing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mainTranslator, type Translate } from '../../i18n';
import { readJsonl } from '../jsonl';
import { readManifestHead } from '../manifest-head';
import type { ViewerProblem } from './viewer-data';

export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(record: Json | null, key: string): string | null {
  const value = record?.[key];
  return typeof value === 'string' ? value : null;
}

export function num(record: Json | null, key: string): number | null {
  const value = record?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Collects problems while reading (in the viewer's language); one per unreadable file. */
export class BundleReader {
  readonly problems: ViewerProblem[] = [];

  constructor(
    readonly root: string,
    readonly t: Translate<'viewer'> = mainTranslator('en', 'viewer'),
  ) {}

  problem(message: string, projectId: string | null = null): void {
    this.problems.push({ category: 'viewer', projectId, message });
  }

  /** Parsed JSON, or undefined when the file is absent (silently) or unreadable (noted). */
  async json(relativePath: string, projectId: string | null = null): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(join(this.root, relativePath), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.problem(this.t('problems.unreadable', { path: relativePath }), projectId);
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      this.problem(this.t('problems.notJson', { path: relativePath }), projectId);
      return undefined;
    }
  }

  /** manifest.json without its file list (which the viewer does not show); as json() otherwise. */
  async manifestHead(): Promise<unknown> {
    try {
      return await readManifestHead(join(this.root, 'manifest.json'));
    } catch (error) {
      this.problem(this.t(error instanceof SyntaxError ? 'problems.manifestNotJson' : 'problems.manifestUnreadable'));
      return undefined;
    }
  }

  /** Entry names of a folder (empty when it does not exist), sorted for stable output. */
  async list(relativePath: string, kind: 'files' | 'folders'): Promise<string[]> {
    try {
      const entries = await readdir(join(this.root, relativePath), { withFileTypes: true });
      return entries
        .filter((entry) => (kind === 'files' ? entry.isFile() : entry.isDirectory()))
        .map((entry) => entry.name)
        .sort();
    } catch {
      return [];
    }
  }

  /** Maps id → file name for a folder of `<id>.<ext>` files (images/files, predictions/files). */
  async filesById(relativePath: string): Promise<Map<string, string>> {
    const byId = new Map<string, string>();
    for (const name of await this.list(relativePath, 'files')) {
      const dot = name.lastIndexOf('.');
      if (dot > 0) byId.set(name.slice(0, dot), name);
    }
    return byId;
  }

  /** A .jsonl file's records that have an id; an absent file is empty, an unreadable line a problem. */
  async *records(relativePath: string, projectId: string | null = null): AsyncGenerator<Json> {
    try {
      for await (const item of readJsonl(join(this.root, relativePath))) {
        const record = asObject(item);
        if (record && typeof record.id === 'string') yield record;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      const line = error instanceof Error ? /line (\d+)/.exec(error.message)?.[1] : undefined;
      this.problem(line ? this.t('problems.badLine', { path: relativePath, line }) : this.t('problems.unreadable', { path: relativePath }), projectId);
    }
  }
}
