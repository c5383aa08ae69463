/**
 * The desktop app's path, where no command line checked the folder first: when the export
 * engine meets a bundle folder of the wrong shape (the chosen folder replaced by a file,
 * a link to nothing or in a loop, a path too long, a file or folder where the bundle keeps
 * the other), the page gets an AppError with its own code naming the folder — never
 * INTERNAL from a raw system error. Verify names such a folder in its report the same way.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import type { TrainingClient } from '../../../src-main/customvision';
import { runExport, type ExportOptions } from '../../../src-main/export';
import { verifyBundle } from '../../../src-main/export/verify-bundle';
import { AppError } from '../../../src-main/errors/app-error';
import { JobProgress, type JobContext } from '../../../src-main/jobs';
import { withTempDir } from '../../support/export/helpers';
import { writeSmallBundle } from '../../support/export/small-bundle';

const job = (): JobContext => ({ jobId: 'j', signal: new AbortController().signal, progress: new JobProgress(EXPORT_CATEGORIES), checkpoint: async () => undefined });
// Every case stops while the bundle folder is opened: at most the account's projects are listed first.
const unusedClient = new Proxy({} as TrainingClient, {
  get: (_target, name) => {
    if (name === 'getProjects') return () => Promise.resolve([]);
    throw new Error(`the client's ${String(name)} must not be used`);
  },
});
const options = (folder: string): ExportOptions => ({
  client: unusedClient,
  folder,
  selection: { categories: [...EXPORT_CATEGORIES] },
  account: { endpointHost: 'x.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'x' },
  toolVersion: '0.1.0',
});

async function exportFails(folder: string): Promise<AppError> {
  const error: unknown = await runExport(job(), options(folder)).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('runExport into a folder of the wrong shape', () => {
  it('a chosen folder replaced by a file, or under one: NOT_A_FOLDER naming the folder', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'bundle');
      await writeFile(file, 'not a folder');
      expect(await exportFails(file)).toMatchObject({ code: 'NOT_A_FOLDER', message: expect.stringContaining(`CV Steward cannot use ${file}`) });
      expect(await exportFails(join(file, 'inner'))).toMatchObject({ code: 'NOT_A_FOLDER', message: expect.stringContaining(join(file, 'inner')) });
      expect(await readdir(dir)).toEqual(['bundle']);
    });
  });

  it('a link to nothing (NOT_A_FOLDER, its target not created) and a loop of links (LINK_LOOP)', async () => {
    await withTempDir(async (dir) => {
      const dangling = join(dir, 'to-nowhere');
      await symlink(join(dir, 'nowhere'), dangling);
      expect(await exportFails(dangling)).toMatchObject({ code: 'NOT_A_FOLDER', message: expect.stringContaining('a link that leads nowhere') });
      await symlink(join(dir, 'loop-b'), join(dir, 'loop-a'));
      await symlink(join(dir, 'loop-a'), join(dir, 'loop-b'));
      expect(await exportFails(join(dir, 'loop-a'))).toMatchObject({ code: 'LINK_LOOP', message: expect.stringContaining(join(dir, 'loop-a')) });
      expect((await readdir(dir)).sort()).toEqual(['loop-a', 'loop-b', 'to-nowhere']);
    });
  });

  it('a name too long for the file system: PATH_TOO_LONG', async () => {
    await withTempDir(async (dir) => {
      const long = join(dir, 'n'.repeat(300));
      expect(await exportFails(long)).toMatchObject({ code: 'PATH_TOO_LONG', message: expect.stringContaining('too long for this computer') });
    });
  });

  it('a file where the bundle keeps its state folder (NOT_A_FOLDER), a folder where it keeps its journal (FOLDER_IN_THE_WAY)', async () => {
    await withTempDir(async (dir) => {
      const stateIsFile = join(dir, 'a');
      await mkdir(stateIsFile);
      await writeFile(join(stateIsFile, '.cv-steward'), 'x');
      expect(await exportFails(stateIsFile)).toMatchObject({ code: 'NOT_A_FOLDER', message: expect.stringContaining(stateIsFile) });
      const journalIsFolder = join(dir, 'b');
      await mkdir(join(journalIsFolder, '.cv-steward', 'journal.jsonl'), { recursive: true });
      expect(await exportFails(journalIsFolder)).toMatchObject({ code: 'FOLDER_IN_THE_WAY', message: expect.stringContaining(journalIsFolder) });
    });
  });
});

describe('verifyBundle of a folder that is not one', () => {
  it('names a missing folder, a file and a link to nothing in its report, and follows a link to a bundle', async () => {
    await withTempDir(async (dir) => {
      const gone = await verifyBundle(join(dir, 'gone'));
      expect(gone).toMatchObject({ ok: false, problems: [`${join(dir, 'gone')} does not exist.`] });
      await writeFile(join(dir, 'file'), 'x');
      expect((await verifyBundle(join(dir, 'file'))).problems).toEqual([`${join(dir, 'file')} is a file, not a folder.`]);
      await symlink(join(dir, 'nowhere'), join(dir, 'to-nowhere'));
      expect((await verifyBundle(join(dir, 'to-nowhere'))).problems).toEqual([`${join(dir, 'to-nowhere')} is a link to ${join(dir, 'nowhere')}, which does not exist.`]);

      await mkdir(join(dir, 'bundle'));
      await writeSmallBundle(join(dir, 'bundle'));
      await symlink(join(dir, 'bundle'), join(dir, 'to-bundle'));
      expect(await verifyBundle(join(dir, 'to-bundle'))).toMatchObject({ ok: true, problems: [], checkedFiles: 4 });
    });
  });
});
