/**
 * What runExport refuses before touching the network or the disk: an empty selection,
 * and a folder full of someone's own files (which the bundle would mix with its own).
 */
import { describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import type { TrainingClient } from '../../../src-main/customvision';
import { runExport, type ExportOptions } from '../../../src-main/export';
import { JobProgress, type JobContext } from '../../../src-main/jobs';
import { withTempDir } from '../../support/export/helpers';

const job = (): JobContext => ({ jobId: 'j', signal: new AbortController().signal, progress: new JobProgress(EXPORT_CATEGORIES), checkpoint: async () => undefined });
// Never called: every case here stops before the first request.
const unusedClient = new Proxy({} as TrainingClient, {
  get: () => {
    throw new Error('the client must not be used');
  },
});
const options = (folder: string, extra: Partial<ExportOptions> = {}): ExportOptions => ({
  client: unusedClient,
  folder,
  selection: { categories: [...EXPORT_CATEGORIES] },
  account: { endpointHost: 'x.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'x' },
  toolVersion: '0.1.0',
  ...extra,
});

describe('runExport refuses', () => {
  it('a folder that already holds other files, and writes nothing into it', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'thesis.docx'), 'precious');
      await expect(runExport(job(), options(dir))).rejects.toMatchObject({ code: 'FOLDER_NOT_EMPTY', message: expect.stringContaining(dir) });
      expect(await readdir(dir)).toEqual(['thesis.docx']);
    });
  });

  it('an export with nothing selected', async () => {
    await withTempDir(async (dir) => {
      await expect(runExport(job(), options(dir, { selection: { categories: [] } }))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
