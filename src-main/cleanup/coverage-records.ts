/**
 * Looks the plan's items up in a bundle (docs/bundle-format.md): one pass over the
 * manifest's file list for the one-file records and the originals, then the records files
 * of the plan's projects, JSON Lines streamed so 100 000 image records never sit in memory
 * together. Records files that verify found damaged are not read: their ids are not
 * trusted, and the items they would cover are reported as such.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonl, type Manifest } from '../export';
import type { JobContext } from '../jobs';
import { IN_WORKSPACE, RECORD, verdictBit, type FileVerdict, type ProjectItems } from './coverage-items';

type RecordsKind = 'tags' | 'images' | 'predictions';

interface RecordsFile {
  path: string;
  kind: RecordsKind;
  items: ProjectItems;
  /** Workspace images.jsonl (vs an iteration's): tells iteration-only images apart. */
  workspace: boolean;
}

const PROJECT_PATH = /^projects\/([0-9a-f-]{36})\/(.+)$/;
const ITERATION_FILE = /^iterations\/([0-9a-f-]{36})\/(iteration\.json|tags\.json|images\.jsonl|performance\.json|image-performances\.jsonl)$/;
const ORIGINAL = /^(images|predictions)\/files\/([0-9a-f-]{36})\.[A-Za-z0-9]+$/;

/** Lines between checkpoints while streaming records (pause and cancel stay prompt). */
const LINES_PER_CHECKPOINT = 1024;

function classify(rest: string, items: ProjectItems, verdict: FileVerdict, path: string, records: RecordsFile[]): void {
  if (rest === 'project.json') {
    if (items.project !== undefined) items.project = verdict;
    return;
  }
  const original = ORIGINAL.exec(rest);
  if (original) {
    const id = (original[2] ?? '').toLowerCase();
    for (const map of original[1] === 'images' ? [items.images, items.implicitImages] : [items.predictions]) {
      const state = map.get(id);
      if (state !== undefined) map.set(id, state | verdictBit(verdict));
    }
    return;
  }
  const model = items.models.get(path);
  if (model) {
    model.verdict = verdict;
    return;
  }
  const iteration = ITERATION_FILE.exec(rest);
  let file: Omit<RecordsFile, 'path' | 'items'> | undefined;
  if (iteration) {
    const iterationId = (iteration[1] ?? '').toLowerCase();
    if (iteration[2] === 'iteration.json') {
      if (items.iterations.has(iterationId)) items.iterations.set(iterationId, verdict);
      return;
    }
    // A plan deletes workspace tags (GetTags): an iteration's copy of a tag, possibly under
    // an older name, is not their backup.
    if (iteration[2] === 'tags.json') return;
    if (iteration[2] === 'performance.json' || iteration[2] === 'image-performances.jsonl') {
      const files = items.performance.get(iterationId);
      if (files && iteration[2] === 'performance.json') files.summary = verdict;
      else if (files) files.perImage = verdict;
      return;
    }
    file = { kind: 'images', workspace: false };
  } else if (rest === 'tags.json') file = { kind: 'tags', workspace: true };
  else if (rest === 'images/images.jsonl') file = { kind: 'images', workspace: true };
  else if (rest === 'predictions/predictions.jsonl') file = { kind: 'predictions', workspace: true };
  if (!file) return;
  if (verdict !== 'ok') items.damagedRecords.add(file.kind);
  else if (items[file.kind].size > 0 || (file.kind === 'images' && items.implicitImages.size > 0)) records.push({ ...file, path, items });
}

function recordId(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || !('id' in record)) return undefined;
  return typeof record.id === 'string' ? record.id.toLowerCase() : undefined;
}

function mark(file: RecordsFile, record: unknown): void {
  const id = recordId(record);
  if (id === undefined) return;
  const bits = RECORD | (file.workspace ? IN_WORKSPACE : 0);
  const maps = file.kind === 'images' ? [file.items.images, file.items.implicitImages] : [file.items[file.kind]];
  for (const map of maps) {
    const state = map.get(id);
    if (state !== undefined) map.set(id, state | bits);
  }
}

async function readRecords(ctx: JobContext, folder: string, file: RecordsFile): Promise<void> {
  const full = join(folder, file.path);
  if (file.path.endsWith('.json')) {
    const value: unknown = JSON.parse(await readFile(full, 'utf8'));
    if (!Array.isArray(value)) throw new Error('expected a list of records');
    for (const record of value) mark(file, record);
    return;
  }
  let lines = 0;
  for await (const record of readJsonl(full)) {
    mark(file, record);
    lines += 1;
    if (lines % LINES_PER_CHECKPOINT === 0) await ctx.checkpoint();
  }
}

/**
 * Marks on `projects` what the bundle holds for each plan item; returns a line for each
 * records file that could not be read (those make the report not ok).
 */
export async function readBundleRecords(
  ctx: JobContext,
  folder: string,
  manifest: Manifest,
  verdicts: ReadonlyMap<string, FileVerdict>,
  projects: ReadonlyMap<string, ProjectItems>,
): Promise<string[]> {
  const records: RecordsFile[] = [];
  for (const entry of manifest.files) {
    const match = PROJECT_PATH.exec(entry.path);
    const items = match ? projects.get((match[1] ?? '').toLowerCase()) : undefined;
    if (!match || !items) continue;
    classify(match[2] ?? '', items, verdicts.get(entry.path) ?? 'ok', entry.path, records);
  }
  const problems: string[] = [];
  for (const file of records) {
    await ctx.checkpoint();
    try {
      await readRecords(ctx, folder, file);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      file.items.damagedRecords.add(file.kind);
      problems.push(`${file.path} could not be read (${error instanceof Error ? error.message : 'unknown error'}); its records were not trusted.`);
    }
  }
  return problems;
}
