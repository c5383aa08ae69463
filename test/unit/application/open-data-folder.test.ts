/**
 * `app:openDataFolder` through the real services and the contract's dispatcher: the file
 * manager is pointed at CV Steward's own data folder, a path the page never names, and
 * without a shell the request is refused with a message that says where the folder is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/errors/app-error';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { createTestServices } from '../../support/test-services';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cvs-data-folder-'));
  folders.push(folder);
  return folder;
}

describe('opening the data folder', () => {
  it('opens the app’s own data folder with the shell', async () => {
    const dataDir = dataFolder();
    const opened: string[] = [];
    const services = createTestServices({ dataDir, openPath: async (path) => void opened.push(path) });
    const result = await createDispatcher(services.handlers)('app:openDataFolder', {});
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual([dataDir]);
    await services.dispose();
  });

  it('takes no path from the page', async () => {
    const opened: string[] = [];
    const services = createTestServices({ dataDir: dataFolder(), openPath: async (path) => void opened.push(path) });
    const result = await createDispatcher(services.handlers)('app:openDataFolder', { path: '/etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(opened).toEqual([]);
    await services.dispose();
  });

  it('refuses clearly where there is no shell, naming the folder', async () => {
    const dataDir = dataFolder();
    const services = createTestServices({ dataDir });
    const result = await createDispatcher(services.handlers)('app:openDataFolder', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    expect(result.ok ? '' : result.error.message).toContain(dataDir);
    await services.dispose();
  });

  it('passes the shell’s failure on', async () => {
    const failure = new AppError('OPEN_FAILED', 'CV Steward could not open /data: no application is registered for folders.');
    const services = createTestServices({ dataDir: dataFolder(), openPath: () => Promise.reject(failure) });
    const result = await createDispatcher(services.handlers)('app:openDataFolder', {});
    expect(result).toEqual({ ok: false, error: { code: 'OPEN_FAILED', message: failure.message } });
    await services.dispose();
  });
});
