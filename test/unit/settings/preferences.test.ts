import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { invokeContract } from '../../../shared/ipc/contract';
import { DOWNLOAD_CONCURRENCY_BOUNDS, RATE_LIMIT_BOUNDS, type Preferences } from '../../../shared/model/preferences';
import { createAccountsSettings, createConfStore } from '../../../src-main/settings';
import { createPreferences, DEFAULT_PREFERENCES, PREFERENCE_KEYS } from '../../../src-main/settings/preferences';
import { makeTempDirs } from '../../support/settings/temp-dir';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

function open(dir: string, warnings: string[] = []) {
  return createPreferences(createConfStore({ cwd: dir }), (warning) => warnings.push(warning));
}

function settingsFile(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

function handEdit(dir: string, values: Record<string, unknown>): void {
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(values));
}

const EXPORTS = path.resolve('/home/me/CV exports');

describe('preferences on first start', () => {
  it('follow the OS language and theme, ask for a folder every time, and use the safe default limits', () => {
    expect(open(temp.make()).get()).toEqual({
      language: null,
      theme: 'system',
      exportFolder: null,
      rateLimit: RATE_LIMIT_BOUNDS.default,
      downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.default,
    });
  });
});

describe('saving preferences', () => {
  it('every preference survives a restart', () => {
    const dir = temp.make();
    const preferences = open(dir);
    preferences.set({ language: 'zh-TW', theme: 'dark', rateLimit: 3, downloadConcurrency: 4 });
    preferences.setExportFolder(EXPORTS);
    // A new store over the same file is what the next start sees.
    expect(open(dir).get()).toEqual({ language: 'zh-TW', theme: 'dark', exportFolder: EXPORTS, rateLimit: 3, downloadConcurrency: 4 });
  });

  it('changes only what is named, leaving the other preferences as they were', () => {
    const preferences = open(temp.make());
    preferences.set({ theme: 'light', rateLimit: 5 });
    expect(preferences.set({ downloadConcurrency: 2 })).toMatchObject({ theme: 'light', rateLimit: 5, downloadConcurrency: 2 });
  });

  it('null language and null export folder go back to the defaults, leaving nothing behind in the file', () => {
    const dir = temp.make();
    const preferences = open(dir);
    preferences.set({ language: 'zh-TW' });
    preferences.setExportFolder(EXPORTS);
    expect(preferences.set({ language: null, exportFolder: null })).toMatchObject({ language: null, exportFolder: null });
    expect(settingsFile(dir)).not.toHaveProperty(PREFERENCE_KEYS.language);
    expect(settingsFile(dir)).not.toHaveProperty(PREFERENCE_KEYS.exportFolder);
  });

  it('sit beside the saved accounts without touching them', () => {
    const dir = temp.make();
    const accounts = createAccountsSettings(createConfStore({ cwd: dir }));
    accounts.addAccount({
      id: 'acc-1',
      displayName: 'Vision resource',
      endpoint: 'https://westeurope.api.cognitive.microsoft.com/',
      keyFingerprint: 'a1b2c3d4',
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    const preferences = open(dir);
    preferences.set({ language: 'zh-TW', rateLimit: 2 });
    preferences.reset();
    expect(accounts.listAccounts().map((account) => account.displayName)).toEqual(['Vision resource']);
  });

  it('reset puts every preference back to its default', () => {
    const dir = temp.make();
    const preferences = open(dir);
    preferences.set({ language: 'en', theme: 'dark', rateLimit: 1, downloadConcurrency: 1 });
    preferences.setExportFolder(EXPORTS);
    expect(preferences.reset()).toEqual(DEFAULT_PREFERENCES);
    expect(open(dir).get()).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('safe bounds', () => {
  it('accepts the bounds themselves', () => {
    const preferences = open(temp.make());
    expect(preferences.set({ rateLimit: RATE_LIMIT_BOUNDS.min, downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.max })).toMatchObject({
      rateLimit: RATE_LIMIT_BOUNDS.min,
      downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.max,
    });
  });

  it.each([
    [{ rateLimit: RATE_LIMIT_BOUNDS.max + 1 }, /rateLimit must be a whole number from 1 to 10/],
    [{ rateLimit: 0 }, /rateLimit/],
    [{ rateLimit: 2.5 }, /rateLimit/],
    [{ downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.max + 1 }, /downloadConcurrency must be a whole number from 1 to 32/],
    [{ downloadConcurrency: -1 }, /downloadConcurrency/],
    [{ theme: 'sepia' }, /theme must be system, light or dark/],
    [{ language: 'fr' }, /language must be one of the languages/],
    [{ exportFolder: '/tmp/anywhere' }, /exportFolder can only be cleared here/],
    [{ window: { width: 1 } }, /window is not a setting/],
  ])('refuses %j with a message that names the setting, and saves nothing', (update, message) => {
    const dir = temp.make();
    const preferences = open(dir);
    preferences.set({ rateLimit: 4 });
    expect(() => preferences.set(update as never)).toThrow(message);
    expect(open(dir).get()).toEqual({ ...DEFAULT_PREFERENCES, rateLimit: 4 });
  });

  it('the IPC boundary refuses the same values before they reach main', () => {
    const request = invokeContract['preferences:set'].request;
    expect(request.safeParse({ language: 'zh-TW', theme: 'dark', rateLimit: 10, downloadConcurrency: 1 }).success).toBe(true);
    expect(request.safeParse({ exportFolder: null }).success).toBe(true);
    expect(request.safeParse({ rateLimit: 11 }).success).toBe(false);
    expect(request.safeParse({ downloadConcurrency: 33 }).success).toBe(false);
    expect(request.safeParse({ exportFolder: '/etc' }).success).toBe(false);
  });

  it('an export folder that is not a full path is refused', () => {
    expect(() => open(temp.make()).setExportFolder('exports')).toThrow(/not a full path/);
  });
});

describe('reading a hand-edited file leniently', () => {
  it('reads unusable values as the defaults and says so once per setting, without quoting them', () => {
    const dir = temp.make();
    handEdit(dir, { language: 'klingon', theme: 'neon', rateLimit: 500, downloadConcurrency: '16', exportFolder: 'relative/folder' });
    const warnings: string[] = [];
    const preferences = open(dir, warnings);
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
    expect(warnings).toHaveLength(5);
    expect(warnings.join('\n')).toMatch(/"rateLimit" is not one CV Steward can use; the default is used instead/);
    // The value itself is not repeated: a hand-edited file may hold anything.
    for (const value of ['klingon', 'neon', '500', 'relative/folder']) expect(warnings.join('\n')).not.toContain(value);
  });

  it('keeps the usable values when only one is broken', () => {
    const dir = temp.make();
    handEdit(dir, { language: 'zh-TW', rateLimit: 1000, downloadConcurrency: 8 });
    expect(open(dir).get()).toMatchObject({ language: 'zh-TW', rateLimit: RATE_LIMIT_BOUNDS.default, downloadConcurrency: 8 });
  });

  it('a value saved after a broken one is used, and a later hand edit is reported again', () => {
    const dir = temp.make();
    handEdit(dir, { rateLimit: 99 });
    const warnings: string[] = [];
    const preferences = open(dir, warnings);
    preferences.get();
    expect(preferences.set({ rateLimit: 6 }).rateLimit).toBe(6);
    createConfStore({ cwd: dir }).set('rateLimit', -3);
    expect(preferences.get().rateLimit).toBe(RATE_LIMIT_BOUNDS.default);
    expect(warnings).toHaveLength(2);
  });
});

describe('listeners', () => {
  it('are told the new preferences after each change, and not for a save that changes nothing', () => {
    const preferences = open(temp.make());
    const seen: Preferences[] = [];
    preferences.onChanged((now) => seen.push(now));
    preferences.set({ rateLimit: 3 });
    preferences.set({ rateLimit: 3 });
    preferences.setExportFolder(EXPORTS);
    preferences.reset();
    // Reset is always told, even with nothing left to change: the file may have been emptied under it.
    preferences.reset();
    expect(seen.map((p) => [p.rateLimit, p.exportFolder])).toEqual([
      [3, null],
      [3, EXPORTS],
      [RATE_LIMIT_BOUNDS.default, null],
      [RATE_LIMIT_BOUNDS.default, null],
    ]);
  });

  it('stop hearing after unsubscribing', () => {
    const preferences = open(temp.make());
    const seen: Preferences[] = [];
    const stop = preferences.onChanged((now) => seen.push(now));
    stop();
    preferences.set({ theme: 'dark' });
    expect(seen).toEqual([]);
  });

  it('a failing listener neither undoes the save nor keeps the others from hearing of it', () => {
    const dir = temp.make();
    const warnings: string[] = [];
    const preferences = open(dir, warnings);
    const seen: string[] = [];
    preferences.onChanged(() => {
      throw new Error('window closed');
    });
    preferences.onChanged((now) => seen.push(now.theme));
    expect(preferences.set({ theme: 'dark' }).theme).toBe('dark');
    expect(seen).toEqual(['dark']);
    expect(open(dir).get().theme).toBe('dark');
    expect(warnings.join('\n')).toMatch(/window closed/);
  });
});
