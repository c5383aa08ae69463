/**
 * Reads the canonical part of a bundle folder (docs/bundle-format.md) for the dataset
 * writers: which projects it holds, their settings and tags, the account's domains, where
 * each image's original bytes are, and the image records (workspace and iterations) as streams.
 */
import { opendir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readJsonl } from '../jsonl';
import { SNIFFED_EXTENSIONS } from '../magic-bytes';
import { ID_PATTERN, parseDomainTypes, parseImage, parseProject, parseTags, type ImageRecord, type ProjectRecord, type TagRecord } from './records';

/** <imageId>.<ext>, ext as the engine names originals from their magic bytes. */
const FILE_NAME = new RegExp(`^([0-9a-f-]{36})\\.(${SNIFFED_EXTENSIONS.join('|')})$`);

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new Error(`${file} is not valid JSON`, { cause: error });
  }
}

/** Folders under projects/ that are ids and hold a project.json, sorted for a stable output order. */
export async function listProjectIds(folder: string): Promise<string[]> {
  const ids: string[] = [];
  let dir;
  try {
    dir = await opendir(path.join(folder, 'projects'));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  for await (const entry of dir) {
    if (entry.isDirectory() && ID_PATTERN.test(entry.name)) ids.push(entry.name);
  }
  const withRecord: string[] = [];
  for (const id of ids.sort()) {
    if ((await readJsonFile(path.join(folder, 'projects', id, 'project.json'))) !== undefined) withRecord.push(id);
  }
  return withRecord;
}

export interface ProjectData {
  project: ProjectRecord;
  tags: TagRecord[];
}

export async function readProjectData(folder: string, projectId: string): Promise<ProjectData | undefined> {
  const dir = path.join(folder, 'projects', projectId);
  const project = parseProject(await readJsonFile(path.join(dir, 'project.json')));
  if (!project) return undefined;
  return { project, tags: parseTags(await readJsonFile(path.join(dir, 'tags.json'))) };
}

export async function readDomainTypes(folder: string): Promise<Map<string, string>> {
  return parseDomainTypes(await readJsonFile(path.join(folder, 'account', 'domains.json')));
}

/**
 * Image id → bundle-relative path of its original file. One directory listing instead of
 * trying every extension for every image (100 000 images would be 700 000 stat calls).
 */
export async function indexImageFiles(folder: string, projectId: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let dir;
  try {
    dir = await opendir(path.join(folder, 'projects', projectId, 'images', 'files'));
  } catch (error) {
    if (isMissing(error)) return files;
    throw error;
  }
  for await (const entry of dir) {
    const match = entry.isFile() ? FILE_NAME.exec(entry.name) : null;
    if (match?.[1]) files.set(match[1], `projects/${projectId}/images/files/${entry.name}`);
  }
  return files;
}

/** A line that is not an image record yields `undefined`, so the caller can count it. */
export function readImages(folder: string, projectId: string): AsyncGenerator<ImageRecord | undefined> {
  return readImageFile(path.join(folder, 'projects', projectId, 'images', 'images.jsonl'));
}

/** The image records of one iteration (iterations/<iterationId>/images.jsonl), as readImages. */
export function readIterationImages(folder: string, projectId: string, iterationId: string): AsyncGenerator<ImageRecord | undefined> {
  return readImageFile(path.join(folder, 'projects', projectId, 'iterations', iterationId, 'images.jsonl'));
}

async function* readImageFile(file: string): AsyncGenerator<ImageRecord | undefined> {
  try {
    for await (const value of readJsonl(file)) yield parseImage(value);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
}

/**
 * Iterations of a project whose image records the bundle holds, newest first (by the
 * iteration record's trainedAt, else created; then by id): an image kept only by several
 * iterations is described by the newest, whose labels are the last it was trained with.
 */
export async function listIterationsWithImages(folder: string, projectId: string): Promise<string[]> {
  const root = path.join(folder, 'projects', projectId, 'iterations');
  let dir;
  try {
    dir = await opendir(root);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const found: Array<{ id: string; time: string }> = [];
  for await (const entry of dir) {
    if (!entry.isDirectory() || !ID_PATTERN.test(entry.name)) continue;
    const hasImages = await stat(path.join(root, entry.name, 'images.jsonl')).then((info) => info.isFile(), () => false);
    if (!hasImages) continue;
    const record = await readJsonFile(path.join(root, entry.name, 'iteration.json')).catch(() => undefined);
    found.push({ id: entry.name, time: iterationTime(record) });
  }
  found.sort((a, b) => (a.time === b.time ? (a.id < b.id ? -1 : 1) : a.time < b.time ? 1 : -1));
  return found.map((iteration) => iteration.id);
}

/** ISO time strings sort as text; a record without either sorts last. */
function iterationTime(record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const { trainedAt, created } = record as Record<string, unknown>;
  if (typeof trainedAt === 'string' && trainedAt !== '') return trainedAt;
  return typeof created === 'string' ? created : '';
}
