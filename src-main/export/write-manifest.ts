/**
 * Builds manifest.json from the journal (every finished file, with size, hash and media
 * type), the walk's results and the description the folder held before this run (merged:
 * manifest-union.ts), and writes it atomically. Its `createdAt` survives resumes (read
 * from the previous manifest); `updatedAt` is this run's.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportCategory } from '../../shared/model/bundle';
import { MANIFEST_PATH } from './bundle-paths';
import type { BundleWriter } from './bundle-writer';
import type { ExportRun } from './export-run';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_VERSION, manifestChunks, manifestCounts, type ManifestHeader } from './manifest';
import { describeUnion, heldItems, readEarlierManifest, type BundleDescription } from './manifest-union';
import { mismatches } from './reconcile';

export interface ManifestContext {
  run: ExportRun;
  account: { endpointHost: string; resourceName?: string; keyFingerprint: string };
  toolVersion: string;
  /** The viewer's language, recorded so a resume without one keeps it. */
  language?: string;
  selection: { projectIds?: string[]; categories: ExportCategory[] };
  startedAt: Date;
  /** Filled on first write: the first run's time, kept across resumes. */
  createdAt?: string;
  /**
   * Filled on first write, before this run replaces it: the folder's earlier manifest
   * (`header` undefined for a new bundle), whose description this run's is merged into.
   */
  earlier?: { header: ManifestHeader | undefined };
  /** What the last write described (the union), for the job summary. */
  described?: BundleDescription;
}

export type BundleStatus = 'complete' | 'partial';

/**
 * `walked`/`finished`: this run's outcome from its results (complete only with no problem
 * and every count matching); `stopped`: a cancelled or failed run, always partial. The
 * returned status is the bundle's: complete only if the union with earlier runs is.
 */
export async function writeManifest(writer: BundleWriter, context: ManifestContext, stage: 'walked' | 'finished' | 'stopped'): Promise<BundleStatus> {
  const { run, account } = context;
  context.earlier ??= { header: await readEarlierManifest(writer.folder) };
  context.createdAt ??= context.earlier.header?.createdAt ?? (await previousCreatedAt(writer.folder, context.startedAt));
  const clean = run.problems.length === 0 && run.projects.every((project) => mismatches(project.reconciliation).length === 0);
  const selection = { projectIds: context.selection.projectIds ?? ('all' as const), categories: [...context.selection.categories] };
  const updatedAt = new Date().toISOString();
  const union = describeUnion(context.earlier.header, {
    run: { startedAt: context.startedAt.toISOString(), updatedAt, selection, outcome: stage === 'stopped' ? 'stopped' : clean ? 'complete' : 'partial' },
    projects: run.projects,
    problems: run.problems,
  });
  context.described = union;
  const { status } = union;
  const header: ManifestHeader = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: 'CV Steward', version: context.toolVersion },
    ...(context.language === undefined ? {} : { language: context.language }),
    createdAt: context.createdAt,
    updatedAt,
    status,
    source: {
      endpointHost: account.endpointHost,
      ...(account.resourceName === undefined ? {} : { resourceName: account.resourceName }),
      keyFingerprint: account.keyFingerprint,
    },
    selection: union.selection,
    history: union.history,
    projects: union.projects,
    counts: manifestCounts(heldItems(writer.files(), union.projects), writer.files()),
    problems: union.problems,
  };
  await writer.writeUnlisted(MANIFEST_PATH, manifestChunks(header, writer.sortedFiles()));
  return status;
}

/**
 * The previous manifest's createdAt, read from its first bytes only: the header comes
 * before the (possibly huge) file list, and parsing 100 000 entries for one date would
 * cost tens of MB at the start of every resume.
 */
async function previousCreatedAt(folder: string, startedAt: Date): Promise<string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(join(folder, MANIFEST_PATH), 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const text = head.toString('utf8', 0, bytesRead);
    const match = /"format":\s*"cv-steward-bundle"[\s\S]*?"createdAt":\s*"([^"\\]{1,40})"/.exec(text);
    return match?.[1] !== undefined && !Number.isNaN(Date.parse(match[1])) ? match[1] : startedAt.toISOString();
  } catch {
    return startedAt.toISOString();
  } finally {
    await handle?.close();
  }
}

const HEAD_BYTES = 4096;
