/**
 * `export:defaultFolder`: a new, empty subfolder of the saved export folder, named after
 * the active account and the time, with names a person (or Azure) typed made safe for
 * every OS; and `preferences:chooseExportFolder` through main's folder dialog.
 * (Named forget-everything-* only to sit with the other Settings tests of this folder.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolderRegistry } from '../../../src-main/application/folder-registry';
import { createExportSubfolder, exportFolderName, newDefaultExportFolder, safeNamePart } from '../../../src-main/application/default-export-folder';
import { createTestServices } from '../../support/test-services';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cvs-default-folder-'));
  dirs.push(dir);
  return dir;
}

const WHEN = new Date(2026, 10, 29, 15, 30, 12);

async function failure(promise: unknown): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected a failure');
}

describe('the name of a new export folder', () => {
  it('names the account and the local time', () => {
    expect(exportFolderName('Contoso', WHEN)).toBe('CV Steward export – Contoso – 2026-11-29 1530');
    expect(exportFolderName('影像辨識資源', WHEN)).toBe('CV Steward export – 影像辨識資源 – 2026-11-29 1530');
    expect(exportFolderName(null, WHEN)).toBe('CV Steward export – 2026-11-29 1530');
  });

  it.each([
    ['../../etc/passwd', 'etc passwd'],
    ['..', ''],
    ['a/b\\c', 'a b c'],
    ['C:\\Windows', 'C Windows'],
    ['what? <really> "yes" | no *', 'what really yes no'],
    ['CON', 'CON_'],
    ['nul.txt', 'nul_.txt'],
    ['com1', 'com1_'],
    ['Contoso. . .', 'Contoso'],
    ['  .hidden  ', 'hidden'],
    ['tab\there\nnew line\u0000nul', 'tab here new line nul'],
    ['\u202Egnp.exe', 'gnp.exe'],
    ['zero\u200bwidth', 'zero width'],
    ['   ', ''],
  ])('makes %j safe as %j', (hostile, safe) => {
    expect(safeNamePart(hostile)).toBe(safe);
  });

  it('caps a long name without splitting a character', () => {
    const cjk = safeNamePart('資'.repeat(200));
    expect(Buffer.byteLength(cjk, 'utf8')).toBeLessThanOrEqual(120);
    expect(cjk).toBe('資'.repeat(40));
    const emoji = safeNamePart('😀'.repeat(100));
    expect(emoji).toBe('😀'.repeat(30));
    // The whole folder name stays far below the 255-byte limit of common file systems.
    expect(Buffer.byteLength(exportFolderName('資'.repeat(500), WHEN), 'utf8')).toBeLessThan(200);
  });

  it('a hostile account name still gives exactly one new folder, directly inside the export folder', async () => {
    const parent = tempDir();
    for (const name of ['../../escape', '/etc', 'CON', '...', 'x'.repeat(1000), '\u0007bell']) {
      const created = await createExportSubfolder(parent, name, WHEN);
      expect(path.dirname(created)).toBe(parent);
      expect(statSync(created).isDirectory()).toBe(true);
      expect(readdirSync(created)).toEqual([]);
    }
    expect(readdirSync(parent)).toHaveLength(6);
    expect(readdirSync(path.dirname(parent)).filter((entry) => entry.startsWith('CV Steward export'))).toEqual([]);
  });
});

describe('making the new folder', () => {
  it('never reuses a folder: a second export in the same minute gets a number', async () => {
    const parent = tempDir();
    const first = await createExportSubfolder(parent, 'Contoso', WHEN);
    writeFileSync(path.join(first, 'manifest.json'), '{}');
    const second = await createExportSubfolder(parent, 'Contoso', WHEN);
    expect(path.basename(second)).toBe('CV Steward export – Contoso – 2026-11-29 1530 (2)');
    expect(readdirSync(second)).toEqual([]);
  });

  it('says so when the saved folder no longer exists or is a file', async () => {
    const gone = path.join(tempDir(), 'unplugged-drive');
    const missing = await failure(createExportSubfolder(gone, 'Contoso', WHEN));
    expect(missing.code).toBe('EXPORT_FOLDER_MISSING');
    expect(missing.message).toContain(gone);
    expect(missing.message).toMatch(/Choose it again in Settings/);
    expect(existsSync(gone)).toBe(false);

    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect((await failure(createExportSubfolder(file, 'Contoso', WHEN))).code).toBe('EXPORT_FOLDER_MISSING');
  });

  // Root may write anywhere, so a read-only folder proves nothing when the tests run as root.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says so when the saved folder is not writable', async () => {
    const parent = tempDir();
    chmodSync(parent, 0o555);
    try {
      const refused = await failure(createExportSubfolder(parent, 'Contoso', WHEN));
      expect(refused.code).toBe('EXPORT_FOLDER_NOT_WRITABLE');
      expect(refused.message).toContain(parent);
    } finally {
      chmodSync(parent, 0o755);
    }
  });

  it('registers the folder, so an export can be started into it by id', async () => {
    const parent = tempDir();
    const registry = new FolderRegistry(() => Promise.resolve(null));
    const chosen = await newDefaultExportFolder({ exportFolder: () => parent, activeAccountName: () => 'Contoso', register: (folder) => registry.register(folder), now: () => WHEN });
    expect(chosen?.displayPath).toBe(path.join(parent, 'CV Steward export – Contoso – 2026-11-29 1530'));
    expect(registry.resolve(chosen?.folderId ?? '')).toBe(chosen?.displayPath);
    expect(await newDefaultExportFolder({ exportFolder: () => null, activeAccountName: () => 'Contoso', register: () => 'never' })).toBeNull();
  });
});

describe('through the composed services', () => {
  it('no default folder: null; chosen through the dialog: a new folder named after the active account', async () => {
    const parent = tempDir();
    const answers: Array<string | null> = [null, parent];
    const services = createTestServices({ dataDir: tempDir(), pickFolder: () => Promise.resolve(answers.shift() ?? null), probe: () => Promise.resolve() });
    const h = services.handlers;
    try {
      expect(await h['export:defaultFolder']({})).toBeNull();
      // Cancelled dialog: unchanged.
      expect((await h['preferences:chooseExportFolder']({})).exportFolder).toBeNull();
      expect((await h['preferences:chooseExportFolder']({})).exportFolder).toBe(parent);
      await h['accounts:connect']({ endpoint: 'https://contoso.cognitiveservices.azure.com/', key: 'key-of-contoso-0001', displayName: 'Contoso/Prod' });
      const chosen = await h['export:defaultFolder']({});
      expect(path.dirname(chosen?.displayPath ?? '')).toBe(parent);
      expect(path.basename(chosen?.displayPath ?? '')).toMatch(/^CV Steward export – Contoso Prod – \d{4}-\d\d-\d\d \d{4}$/);
      // Cleared from the page: back to asking every time.
      expect((await h['preferences:set']({ exportFolder: null })).exportFolder).toBeNull();
      expect(await h['export:defaultFolder']({})).toBeNull();
    } finally {
      await services.dispose();
    }
  });
});
