import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { invokeContract } from '../../../shared/ipc/contract';
import { createAccountsSettings, createConfStore } from '../../../src-main/settings';
import { createPreferences, LANGUAGE_KEY } from '../../../src-main/settings/preferences';
import { makeTempDirs } from './temp-dir';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

function open(dir: string, warnings: string[] = []) {
  return createPreferences(createConfStore({ cwd: dir }), (warning) => warnings.push(warning));
}

function settingsFile(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

describe('the remembered interface language', () => {
  it('is unset at first, so the app follows the OS language', () => {
    expect(open(temp.make()).get()).toEqual({ language: null });
  });

  it('survives a restart', () => {
    const dir = temp.make();
    expect(open(dir).set({ language: 'zh-TW' })).toEqual({ language: 'zh-TW' });
    // A new store over the same file is what the next start sees.
    expect(open(dir).get()).toEqual({ language: 'zh-TW' });
  });

  it('goes back to following the OS when set to null, leaving nothing behind in the file', () => {
    const dir = temp.make();
    const preferences = open(dir);
    preferences.set({ language: 'zh-TW' });
    expect(preferences.set({ language: null })).toEqual({ language: null });
    expect(settingsFile(dir)).not.toHaveProperty(LANGUAGE_KEY);
  });

  it('sits beside the saved accounts without touching them', () => {
    const dir = temp.make();
    const accounts = createAccountsSettings(createConfStore({ cwd: dir }));
    accounts.addAccount({
      id: 'acc-1',
      displayName: 'Vision resource',
      endpoint: 'https://westeurope.api.cognitive.microsoft.com/',
      keyFingerprint: 'a1b2c3d4',
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    open(dir).set({ language: 'zh-TW' });
    expect(accounts.listAccounts().map((account) => account.displayName)).toEqual(['Vision resource']);
  });

  it('reads a hand-edited value it does not know as "follow the OS", and says so once', () => {
    const dir = temp.make();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ [LANGUAGE_KEY]: 'klingon' }));
    const warnings: string[] = [];
    const preferences = open(dir, warnings);
    expect(preferences.get()).toEqual({ language: null });
    expect(preferences.get()).toEqual({ language: null });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/follows the system language/);
    // The value itself is not repeated: a hand-edited file may hold anything.
    expect(warnings[0]).not.toContain('klingon');
  });

  it('refuses a language CV Steward does not offer, at the IPC boundary and in the store', () => {
    const request = invokeContract['preferences:set'].request;
    expect(request.safeParse({ language: 'zh-TW' }).success).toBe(true);
    expect(request.safeParse({ language: null }).success).toBe(true);
    expect(request.safeParse({ language: 'fr' }).success).toBe(false);
    expect(request.safeParse({ language: 'en', theme: 'dark' }).success).toBe(false);
    expect(() => open(temp.make()).set({ language: 'fr' as 'en' })).toThrow(/does not offer that language/);
  });
});
